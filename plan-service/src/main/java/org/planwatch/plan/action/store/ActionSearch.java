package org.planwatch.plan.action.store;

import java.time.LocalDate;
import org.planwatch.plan.action.Rag;

/**
 * The filters of an action list; a null filter does not filter. {@code leadIds}: led by any of them;
 * {@code inPlans}: the plans the caller may see, so the list never holds another partnership's actions.
 */
public record ActionSearch(String planId, String themeId, String outcomeId, java.util.List<String> leadIds, Rag rag,
                           LocalDate dueBefore, LocalDate dueAfter, Boolean overdue, Integer dueWithinDays,
                           Boolean reviewDue, String text, java.util.List<String> inPlans) {
}
