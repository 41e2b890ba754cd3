package org.planwatch.plan.action;

import java.time.LocalDate;

/**
 * When an action is next looked at again. The cadence may be absent ("Review date December 2023") and the next
 * date may be absent until someone sets it; a cadence without a date is reviewed a cadence after the due date, at the
 * end of that month when the due date is itself a month, quarter or year ("June 2023", six-monthly: 31 December 2023).
 */
public record Review(ReviewCadence cadence, LocalDate nextReview) {

    public static Review from(ReviewCadence cadence, LocalDate nextReview, DueDate due) {
        if (cadence == null && nextReview == null) {
            return null;
        }
        LocalDate next = nextReview;
        if (next == null && due != null) {
            next = due.date().plusMonths(cadence.months());
            if (due.precision() != DatePrecision.DAY) {
                next = java.time.YearMonth.from(next).atEndOfMonth();
            }
        }
        return new Review(cadence, next);
    }
}
