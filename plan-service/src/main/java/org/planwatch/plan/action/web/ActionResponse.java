package org.planwatch.plan.action.web;

import java.util.List;

/** An action as the API shows it: leads expanded, dates as ISO strings, and whether it is overdue today. */
public record ActionResponse(String id, long version, String planId, String themeId, String outcomeId,
                             String reference, String text, List<LeadSummary> leads, Due due, ReviewView review,
                             List<Measure> measures, String status, String rag, List<String> deliversOutcomes,
                             boolean overdue) {

    public record LeadSummary(String id, String kind, String name, String organisation, String email) {
    }

    public record Measure(String text, String measureId) {
    }

    public record Due(String date, String precision, String text) {
    }

    public record ReviewView(String cadence, String nextReview) {
    }
}
