package org.planwatch.plan.planimport;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planwatch.plan.action.DueDate;
import org.planwatch.plan.action.ReviewCadence;

/**
 * What a timescale cell says: "June 2023 and 6-month review" is a due date of June 2023 with six-monthly reviews,
 * "Commenced - Review date December 2023." is a status (kept whole) and a review date, "Apr 22" a due date. Words that are none of
 * these are {@code unread}.
 */
public record DueCell(DueDate due, ReviewCadence cadence, LocalDate reviewDate, String status, String unread) {

    private static final Pattern REVIEW_DATE = Pattern.compile("(?i)\\breview(?:ed)?(?: date)?\\s*(?:by|on|:)?\\s*(.*)$");
    private static final Pattern STATUS_WORDS = Pattern.compile(
            "(?i)^(commenced|complete|completed|not started|on track|ongoing|in progress|started|underway|delayed)\\b[\\s.,;:\\u2013-]*");

    public static DueCell read(String text) {
        String rest = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        String status = null;
        Matcher statusWords = STATUS_WORDS.matcher(rest);
        if (statusWords.find()) {
            // Kept as written, review date and all: the status is free text and this is what the plan says.
            status = rest.replaceAll("[.;,\\s]+$", "");
            rest = rest.substring(statusWords.end()).strip();
        }
        LocalDate reviewDate = null;
        Matcher review = REVIEW_DATE.matcher(rest);
        if (review.find()) {
            Optional<DueDate> when = DueDate.find(review.group(1));
            if (when.isPresent()) {
                reviewDate = when.get().date();
                rest = rest.substring(0, review.start()).strip();
            }
        }
        ReviewCadence cadence = ReviewCadence.find(text).orElse(null);
        DueDate due = null;
        Optional<DueDate> found = DueDate.find(rest);
        if (found.isPresent()) {
            due = new DueDate(found.get().date(), found.get().precision(), rest.replaceAll("[.;,\\s]+$", ""));
        }
        String unread = due == null && cadence == null && reviewDate == null && status == null && !rest.isBlank()
                ? rest : null;
        return new DueCell(due, cadence, reviewDate, status, unread);
    }
}
