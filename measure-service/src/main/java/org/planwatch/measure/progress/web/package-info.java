/** The HTTP API for measures: defining them, and reading them with their progress (status, series, chart). */
package org.planwatch.measure.progress.web;
