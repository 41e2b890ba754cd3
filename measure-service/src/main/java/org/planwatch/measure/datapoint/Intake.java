package org.planwatch.measure.datapoint;

import java.util.List;

/**
 * What became of a batch: how many figures were stored (first figures and corrections), how many were repeats of
 * figures already held, and each refusal with its reason. Nothing valid is held back for the sake of the invalid.
 */
public record Intake(int stored, int repeats, List<Rejection> rejected) {
}
