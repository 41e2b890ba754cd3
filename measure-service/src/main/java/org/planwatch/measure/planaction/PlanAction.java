package org.planwatch.measure.planaction;

import java.util.Set;

/**
 * An action as measure-service knows it from plan-service's events: its plan and partnership, the measures its text
 * measures are linked to ({@code measureId}s), and the version of the action the copy was taken at.
 */
public record PlanAction(String actionId, String planId, String partnership, Set<String> measureIds, long version,
                         boolean deleted) {

    public PlanAction {
        measureIds = measureIds == null ? Set.of() : Set.copyOf(measureIds);
    }
}
