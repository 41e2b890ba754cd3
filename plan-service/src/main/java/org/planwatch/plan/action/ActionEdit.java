package org.planwatch.plan.action;

import java.util.List;

/**
 * The parts of an action a user wants to change; a null part is left as it is. {@code clearDue} and
 * {@code clearReview} remove a date, since null already means "leave it".
 */
public record ActionEdit(
        String themeId,
        String outcomeId,
        String reference,
        String text,
        List<String> leadIds,
        DueDate due,
        boolean clearDue,
        Review review,
        boolean clearReview,
        List<MeasureRef> measures,
        String status,
        Rag rag,
        List<String> deliversOutcomes) {

    public static ActionEdit dueDate(DueDate due) {
        return new ActionEdit(null, null, null, null, null, due, false, null, false, null, null, null, null);
    }

    public static ActionEdit rag(Rag rag) {
        return new ActionEdit(null, null, null, null, null, null, false, null, false, null, null, rag, null);
    }

    public static ActionEdit status(String status) {
        return new ActionEdit(null, null, null, null, null, null, false, null, false, null, status, null, null);
    }

    public static ActionEdit leads(List<String> leadIds) {
        return new ActionEdit(null, null, null, null, leadIds, null, false, null, false, null, null, null, null);
    }
}
