/** The HTTP API partners publish figures through: one at a time, or batches under an Idempotency-Key. */
package org.planwatch.measure.datapoint.web;
