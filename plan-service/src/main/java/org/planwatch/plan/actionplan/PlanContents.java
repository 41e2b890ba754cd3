package org.planwatch.plan.actionplan;

/**
 * What a plan must know of the actions placed in it, answered by the actions feature: plans sit below actions and
 * never read them themselves.
 */
public interface PlanContents {

    /** Whether any action sits under the theme (and the outcome, when one is given). */
    boolean anyActionUnder(String planId, String themeId, String outcomeId);
}
