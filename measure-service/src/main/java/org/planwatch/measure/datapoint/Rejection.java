package org.planwatch.measure.datapoint;

/**
 * Why a submission was not stored: the item of its batch (0 for one sent alone), the field at fault and the reason,
 * worded for the partner's developers who will read it.
 */
public record Rejection(int item, String measure, String field, String reason) {
}
