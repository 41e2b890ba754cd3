package org.planwatch.plan.action.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.ActionChange;
import org.planwatch.plan.action.ActionField;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.Theme;
import org.planwatch.plan.lead.Lead;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders action changes as version 1 CloudEvents, ready to wait in the outbox. */
@Component
public class ActionEvents {

    public static final String BINDING = "planActionEvents-out-0";
    static final String SOURCE = "/planwatch/plan-service";
    static final String DATA_SCHEMA = "https://planwatch.org/contracts/plan-action-event.v1.schema.json";

    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    ActionEvents(JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.json = json;
        this.clock = clock;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Who and why (and which measure, and when it was judged, where a measure's outlook set the RAG rating), and the
     * plan and leads the action's events describe.
     */
    public record Context(String changedBy, String reason, String measure, Instant measureJudgedAt, Plan plan,
                          Function<String, Lead> leads) {
    }

    public List<OutboxEvent> created(Action action, long version, Context context) {
        return List.of(event(ActionEventType.CREATED, action, null, version, List.of(), null, context));
    }

    public List<OutboxEvent> deleted(Action action, long version, Context context) {
        return List.of(event(ActionEventType.DELETED, action, action, version, List.of(ActionField.DELETED.jsonName()),
                null, context));
    }

    /**
     * The action as it stands, at its current version, in a plan or with leads that changed around it: {@code
     * changedFields} says which ("plan" or "leads").
     */
    public List<OutboxEvent> contextChanged(Action action, long version, String changedField, Context context) {
        return List.of(event(ActionEventType.CONTEXT_CHANGED, action, null, version, List.of(changedField), null,
                context));
    }

    public List<OutboxEvent> changed(ActionChange change, long version, Context context) {
        List<String> fields = change.changed().stream().sorted().map(ActionField::jsonName).toList();
        List<OutboxEvent> events = new ArrayList<>();
        for (ActionEventType type : ActionEventType.forChange(change.changed())) {
            Boolean downgrade = type == ActionEventType.RAG_CHANGED ? change.isRagDowngrade() : null;
            events.add(event(type, change.after(), change.before(), version, fields, downgrade, context));
        }
        return events;
    }

    private OutboxEvent event(ActionEventType type, Action action, Action previous, long version,
                              List<String> fields, Boolean downgrade, Context context) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Plan plan = context.plan();
        Theme theme = action.themeId() == null ? null : plan.theme(action.themeId()).orElse(null);
        var outcome = theme == null || action.outcomeId() == null ? null : theme.outcome(action.outcomeId()).orElse(null);
        ActionEventData data = new ActionEventData(action.id(), version, context.changedBy(), context.reason(), fields,
                downgrade,
                new ActionEventData.PlanData(plan.id(), plan.title(), plan.partnership(),
                        new ActionEventData.ContactData(plan.owner().name(), plan.owner().email())),
                theme == null ? null : new ActionEventData.ThemeData(theme.id(), theme.name()),
                outcome == null ? null : new ActionEventData.OutcomeData(outcome.id(), outcome.reference(), outcome.text()),
                data(action, context.leads()),
                previous == null ? null : data(previous, context.leads()),
                type == ActionEventType.RAG_CHANGED ? context.measure() : null,
                type == ActionEventType.RAG_CHANGED && context.measureJudgedAt() != null
                        ? context.measureJudgedAt().toString() : null);
        String traceparent = currentTraceparent();
        CloudEvent envelope = new CloudEvent("1.0", id, SOURCE, type.cloudEventType(), action.id(), now.toString(),
                "application/json", DATA_SCHEMA, traceparent, data);
        return new OutboxEvent(id, type.cloudEventType(), BINDING, action.id(), now, json.writeValueAsString(envelope),
                traceparent);
    }

    /** The W3C trace context of the request being served, as the configured propagation writes it. */
    private String currentTraceparent() {
        Tracer current = tracer.getIfAvailable();
        Propagator writer = propagator.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null || writer == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        writer.inject(span.context(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private static ActionEventData.ActionData data(Action action, Function<String, Lead> leads) {
        List<ActionEventData.LeadData> leadData = action.leadIds().stream().map(leads).map(l ->
                new ActionEventData.LeadData(l.id(), l.kind().name(), l.name(), l.roleTitle(), l.organisation(),
                        l.contactName(), l.email())).toList();
        return new ActionEventData.ActionData(action.reference(), action.text(), leadData,
                action.due() == null ? null : new ActionEventData.DueData(action.due().date().toString(),
                        action.due().precision().name(), action.due().text()),
                action.review() == null ? null : new ActionEventData.ReviewData(
                        action.review().cadence() == null ? null : action.review().cadence().name(),
                        action.review().nextReview() == null ? null : action.review().nextReview().toString()),
                action.measures().stream().map(m -> new ActionEventData.MeasureData(m.text(), m.measureId())).toList(),
                action.status(), action.rag().name(), action.deliversOutcomes());
    }

}
