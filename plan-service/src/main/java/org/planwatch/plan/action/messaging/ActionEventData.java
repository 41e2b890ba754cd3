package org.planwatch.plan.action.messaging;

import java.util.List;

/**
 * The {@code data} of every action event, version 1. It carries all a consumer needs to act without calling
 * back: the plan, theme and outcome it sits under, the leads with their email addresses, the action as it is
 * now ({@code action}) and as it was before ({@code previous}, absent for created), and on a RAG change the measure
 * whose outlook made it ({@code ragMeasure}, absent when a person did) and the time of the status event that judged
 * that outlook ({@code ragMeasureJudgedAt}), so a consumer can tell the measure's chart that explains the change.
 */
record ActionEventData(
        String actionId,
        long actionVersion,
        String changedBy,
        String reason,
        List<String> changedFields,
        Boolean downgrade,
        PlanData plan,
        ThemeData theme,
        OutcomeData outcome,
        ActionData action,
        ActionData previous,
        String ragMeasure,
        String ragMeasureJudgedAt) {

    record PlanData(String id, String title, String partnership, ContactData owner) {
    }

    record ContactData(String name, String email) {
    }

    record ThemeData(String id, String name) {
    }

    record OutcomeData(String id, String reference, String text) {
    }

    record ActionData(String reference, String text, List<LeadData> leads, DueData due, ReviewData review,
                      List<MeasureData> measures, String status, String rag, List<String> deliversOutcomes) {
    }

    record MeasureData(String text, String measureId) {
    }

    record LeadData(String id, String kind, String name, String roleTitle, String organisation,
                    String contactName, String email) {
    }

    record DueData(String date, String precision, String text) {
    }

    record ReviewData(String cadence, String nextReview) {
    }
}
