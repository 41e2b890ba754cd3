/** Figures in MongoDB, one document per measure and period, with every revision. */
package org.planwatch.measure.datapoint.store;
