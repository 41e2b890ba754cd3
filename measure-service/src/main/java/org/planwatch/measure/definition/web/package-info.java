/** The HTTP API for defining and reading measures. */
package org.planwatch.measure.definition.web;
