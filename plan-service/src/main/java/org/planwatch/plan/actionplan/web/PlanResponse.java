package org.planwatch.plan.actionplan.web;

import java.util.List;
import org.planwatch.plan.actionplan.Plan;

/** A plan as the API shows it. */
public record PlanResponse(String id, long version, String title, String partnership, String period, Owner owner,
                           List<ThemeView> themes) {

    public record Owner(String name, String email) {
    }

    public record ThemeView(String id, String name, List<OutcomeView> outcomes) {
    }

    public record OutcomeView(String id, String reference, String text) {
    }

    public static PlanResponse from(Plan plan, long version) {
        return new PlanResponse(plan.id(), version, plan.title(), plan.partnership(), plan.period(),
                new Owner(plan.owner().name(), plan.owner().email()),
                plan.themes().stream().map(t -> new ThemeView(t.id(), t.name(), t.outcomes().stream()
                        .map(o -> new OutcomeView(o.id(), o.reference(), o.text())).toList())).toList());
    }
}
