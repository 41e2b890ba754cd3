package org.planwatch.notification;

import static org.planwatch.testsupport.HttpJson.object;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Action events as plan-service publishes them (contract v1), built as objects and written out by Jackson. */
public final class PlanActionEventFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanActionEventFixtures() {
    }

    public static String dueDateChanged(String eventId, String actionId, long version, String leadEmail, String oldDue,
                                        String newDue) {
        return JSON.writeValueAsString(event(eventId, "due-date-changed", actionId, version, leadEmail, null,
                due(oldDue, "Jun 22", "MONTH"), due(newDue, newDue, "DAY"), "GREEN", "GREEN", null));
    }

    public static String ragChanged(String eventId, String actionId, long version, String leadEmail, String ownerEmail,
                                    String from, String to, boolean downgrade) {
        return JSON.writeValueAsString(event(eventId, "rag-changed", actionId, version, leadEmail, ownerEmail,
                due("2022-06-30", "Jun 22", "MONTH"), due("2022-06-30", "Jun 22", "MONTH"), from, to, downgrade));
    }

    /** A downgrade to RED that a measure's outlook made, naming the measure as plan-service does. */
    public static String ragChangedByMeasure(String eventId, String actionId, long version, String leadEmail,
                                             String measureKey) {
        return ragChangedByMeasure(eventId, actionId, version, leadEmail, measureKey, null);
    }

    /** As above, made by the measure's judgement at {@code judgedAt} (the status event's time). */
    public static String ragChangedByMeasure(String eventId, String actionId, long version, String leadEmail,
                                             String measureKey, java.time.Instant judgedAt) {
        Map<String, Object> event = event(eventId, "rag-changed", actionId, version, leadEmail, null,
                due("2022-06-30", "Jun 22", "MONTH"), due("2022-06-30", "Jun 22", "MONTH"), "GREEN", "RED", true);
        Map<String, Object> data = child(event, "data");
        data.put("changedBy", "measure-service");
        data.put("reason", "Measure \"Number of carers supported\" (" + measureKey + ") is off track");
        data.put("changedFields", List.of("rag"));
        data.put("ragMeasure", measureKey);
        if (judgedAt != null) {
            data.put("ragMeasureJudgedAt", judgedAt.toString());
        }
        return JSON.writeValueAsString(event);
    }

    /** The action at {@code version}, unchanged, in a plan now titled {@code planTitle}, led from {@code leadEmail}. */
    public static String contextChanged(String eventId, String actionId, long version, String leadEmail, String due,
                                        String planTitle) {
        Map<String, Object> event = event(eventId, "context-changed", actionId, version, leadEmail, null,
                due(due, due, "DAY"), due(due, due, "DAY"), "GREEN", "GREEN", null);
        Map<String, Object> data = child(event, "data");
        child(data, "plan").put("title", planTitle);
        data.put("changedFields", List.of("plan"));
        data.put("previous", null);
        return JSON.writeValueAsString(event);
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.get(name);
    }

    private static Map<String, Object> due(String date, String text, String precision) {
        return object("date", date, "precision", precision, "text", text);
    }

    private static Map<String, Object> event(String eventId, String kind, String actionId, long version,
                                             String leadEmail, String ownerEmail, Map<String, Object> previousDue,
                                             Map<String, Object> due, String previousRag, String rag,
                                             Boolean downgrade) {
        Map<String, Object> data = object("actionId", actionId, "actionVersion", version,
                "changedBy", "admin@example.org", "reason", "Waiting for the GP pack",
                "changedFields", List.of("dueDate"), "downgrade", downgrade,
                "plan", object("id", "plan-1", "title", "Carers Strategy Action Plan", "partnership", "Doncaster",
                        "owner", object("name", "Olive Owner",
                                "email", ownerEmail == null ? "owner@example.org" : ownerEmail)),
                "theme", object("id", "t1", "name", "IDENTIFICATION"),
                "outcome", object("id", "o1", "reference", "1.1", "text", "IT systems will facilitate joined up working."),
                "action", action(leadEmail, due, rag),
                "previous", action(leadEmail, previousDue, previousRag));
        return object("specversion", "1.0", "id", eventId, "source", "/planwatch/plan-service",
                "type", "org.planwatch.plan.action." + kind + ".v1", "subject", actionId,
                "time", "2026-11-24T08:00:00Z", "datacontenttype", "application/json", "data", data);
    }

    private static Map<String, Object> action(String leadEmail, Map<String, Object> due, String rag) {
        Map<String, Object> lead = object("id", "lead-1", "kind", "PERSON", "name", "Dana Lead",
                "roleTitle", "Carers Lead", "organisation", "Doncaster Council", "contactName", null,
                "email", leadEmail);
        return object("reference", "1.1a", "text", "Carers support will record on the <mosaic> system.",
                "leads", List.of(lead), "due", due, "review", null,
                "measures", List.of(object("text", "Improved sharing", "measureId", null)),
                "status", "Access requested", "rag", rag, "deliversOutcomes", List.of());
    }
}
