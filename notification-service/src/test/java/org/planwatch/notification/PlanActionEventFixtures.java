package org.planwatch.notification;

import java.util.UUID;

/** Action events as plan-service publishes them (contract v1), written out as JSON. */
public final class PlanActionEventFixtures {

    private PlanActionEventFixtures() {
    }

    public static String dueDateChanged(String eventId, String actionId, long version, String leadEmail, String oldDue,
                                 String newDue) {
        return event(eventId, "due-date-changed", actionId, version, leadEmail, null,
                due(oldDue, "Jun 22", "MONTH"), due(newDue, newDue, "DAY"), "GREEN", "GREEN");
    }

    public static String ragChanged(String eventId, String actionId, long version, String leadEmail, String ownerEmail,
                             String from, String to, boolean downgrade) {
        return event(eventId, "rag-changed", actionId, version, leadEmail, ownerEmail, due("2022-06-30", "Jun 22", "MONTH"),
                due("2022-06-30", "Jun 22", "MONTH"), from, to).replace("\"downgrade\":null", "\"downgrade\":" + downgrade);
    }

    /** The action at {@code version}, unchanged, in a plan now titled {@code planTitle}, led from {@code leadEmail}. */
    public static String contextChanged(String eventId, String actionId, long version, String leadEmail, String due,
                                        String planTitle) {
        return event(eventId, "context-changed", actionId, version, leadEmail, null, due(due, due, "DAY"),
                due(due, due, "DAY"), "GREEN", "GREEN")
                .replace("\"title\":\"Carers Strategy Action Plan\"", "\"title\":\"" + planTitle + "\"")
                .replace("\"changedFields\":[\"dueDate\"]", "\"changedFields\":[\"plan\"]")
                .replaceFirst(",\"previous\":\\{.*\\}\\}\\}$", ",\"previous\":null}}");
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    private static String due(String date, String text, String precision) {
        return "{\"date\":\"" + date + "\",\"precision\":\"" + precision + "\",\"text\":"
                + (text == null ? "null" : "\"" + text + "\"") + "}";
    }

    private static String event(String eventId, String kind, String actionId, long version, String leadEmail,
                                String ownerEmail, String previousDue, String due, String previousRag, String rag) {
        String owner = ownerEmail == null ? "owner@example.org" : ownerEmail;
        String lead = "{\"id\":\"lead-1\",\"kind\":\"PERSON\",\"name\":\"Dana Lead\",\"roleTitle\":\"Carers Lead\","
                + "\"organisation\":\"Doncaster Council\",\"contactName\":null,\"email\":\"" + leadEmail + "\"}";
        String action = "{\"reference\":\"1.1a\",\"text\":\"Carers support will record on the <mosaic> system.\","
                + "\"leads\":[" + lead + "],\"due\":%s,\"review\":null,\"measures\":[{\"text\":\"Improved sharing\",\"measureId\":null}],"
                + "\"status\":\"Access requested\",\"rag\":\"%s\",\"deliversOutcomes\":[]}";
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/planwatch/plan-service\","
                + "\"type\":\"org.planwatch.plan.action." + kind + ".v1\",\"subject\":\"" + actionId + "\","
                + "\"time\":\"2026-11-24T08:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"actionId\":\"" + actionId + "\",\"actionVersion\":" + version + ","
                + "\"changedBy\":\"admin@example.org\",\"reason\":\"Waiting for the GP pack\","
                + "\"changedFields\":[\"dueDate\"],\"downgrade\":null,"
                + "\"plan\":{\"id\":\"plan-1\",\"title\":\"Carers Strategy Action Plan\",\"partnership\":\"Doncaster\","
                + "\"owner\":{\"name\":\"Olive Owner\",\"email\":\"" + owner + "\"}},"
                + "\"theme\":{\"id\":\"t1\",\"name\":\"IDENTIFICATION\"},"
                + "\"outcome\":{\"id\":\"o1\",\"reference\":\"1.1\",\"text\":\"IT systems will facilitate joined up working.\"},"
                + "\"action\":" + String.format(action, due, rag) + ","
                + "\"previous\":" + String.format(action, previousDue, previousRag) + "}}";
    }
}
