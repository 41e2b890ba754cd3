package org.planwatch.notification.trigger;

import java.util.List;

/** The parts of a plan-service action event (v1) this service reads. */
public record PlanActionEvent(String specversion, String id, String type, String subject, String time, Data data) {

    public static final String TYPE_PREFIX = "org.planwatch.plan.action.";

    /** The kind without prefix and version: "due-date-changed". */
    public String kind() {
        if (type == null || !type.startsWith(TYPE_PREFIX)) {
            return "";
        }
        String rest = type.substring(TYPE_PREFIX.length());
        int version = rest.lastIndexOf(".v");
        return version < 0 ? rest : rest.substring(0, version);
    }

    public record Data(String actionId, long actionVersion, String changedBy, String reason, Boolean downgrade,
                       Plan plan, Theme theme, Outcome outcome, ActionState action, ActionState previous,
                       String ragMeasure, String ragMeasureJudgedAt) {
    }

    public record Plan(String id, String title, String partnership, Person owner) {
    }

    public record Person(String name, String email) {
    }

    public record Theme(String id, String name) {
    }

    public record Outcome(String id, String reference, String text) {
    }

    public record ActionState(String reference, String text, List<Lead> leads, Due due, Review review,
                              List<Measure> measures, String status, String rag) {
    }

    public record Measure(String text, String measureId) {
    }

    public record Lead(String id, String kind, String name, String organisation, String contactName, String email) {
    }

    public record Due(String date, String precision, String text) {
    }

    public record Review(String cadence, String nextReview) {
    }
}
