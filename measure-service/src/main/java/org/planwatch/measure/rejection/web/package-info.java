/** The HTTP API for reading refused figures. */
package org.planwatch.measure.rejection.web;
