package org.planwatch.plan.action.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.springframework.stereotype.Component;

/** Renders actions for the API, looking up all their leads in one directory read per page. */
@Component
class ActionResponses {

    private final LeadDirectory leads;
    private final Clock clock;

    ActionResponses(LeadDirectory leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    ActionResponse one(Action action, long version) {
        return render(action, version, leads.byIds(action.leadIds()), LocalDate.now(clock));
    }

    List<ActionResponse> many(List<Versioned<Action>> actions) {
        List<String> ids = actions.stream().flatMap(a -> a.value().leadIds().stream()).distinct().toList();
        Map<String, Lead> known = leads.byIds(ids);
        LocalDate today = LocalDate.now(clock);
        return actions.stream().map(a -> render(a.value(), a.version(), known, today)).toList();
    }

    private static ActionResponse render(Action a, long version, Map<String, Lead> known, LocalDate today) {
        List<ActionResponse.LeadSummary> leadSummaries = a.leadIds().stream().map(id -> {
            Lead lead = known.get(id);
            return lead == null ? new ActionResponse.LeadSummary(id, null, null, null, null)
                    : new ActionResponse.LeadSummary(id, lead.kind().name(), lead.name(), lead.organisation(),
                    lead.email());
        }).toList();
        return new ActionResponse(a.id(), version, a.planId(), a.themeId(), a.outcomeId(), a.reference(), a.text(),
                leadSummaries,
                a.due() == null ? null : new ActionResponse.Due(a.due().date().toString(), a.due().precision().name(),
                        a.due().text()),
                a.review() == null ? null : new ActionResponse.ReviewView(
                        a.review().cadence() == null ? null : a.review().cadence().name(),
                        a.review().nextReview() == null ? null : a.review().nextReview().toString()),
                a.measures().stream().map(m -> new ActionResponse.Measure(m.text(), m.measureId())).toList(),
                a.status(), a.rag().name(), a.deliversOutcomes(), a.isOverdueOn(today));
    }
}
