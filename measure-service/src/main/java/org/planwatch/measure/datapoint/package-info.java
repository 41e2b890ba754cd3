/** Figures partners publish: the checks each passes, and their intake whichever way they came. */
package org.planwatch.measure.datapoint;
