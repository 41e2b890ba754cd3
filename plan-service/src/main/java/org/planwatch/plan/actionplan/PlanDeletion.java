package org.planwatch.plan.actionplan;

/** A plan is about to be deleted, by whom and why; what sits in it goes with it. */
public record PlanDeletion(String planId, String by, String reason) {
}
