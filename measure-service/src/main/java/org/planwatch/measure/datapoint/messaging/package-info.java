/** The Kafka topic partners publish figures to: measure.datapoints, and its dead letters. */
package org.planwatch.measure.datapoint.messaging;
