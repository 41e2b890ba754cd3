package org.planwatch.measure.datapoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.ReportingPeriod;

/**
 * The checks every figure passes, whichever way it came in: a measure that exists, published by one of its
 * organisations, for a period of the measure's frequency that has begun, with a number that fits the unit.
 */
public final class DataPointRules {

    private static final int LONGEST_SOURCE = 200;
    private static final int MOST_DIGITS = 30;

    private DataPointRules() {
    }

    /** The verdict on one submission: the reading to store, or why not. */
    public sealed interface Verdict permits Accepted, Refused {
    }

    public record Accepted(Reading reading) implements Verdict {
    }

    public record Refused(Rejection rejection) implements Verdict {
    }

    /**
     * Checks {@code submission}, item {@code item} of its batch, sent by {@code organisation} (null for an
     * administrator, who may publish any measure of their partnership), against {@code definition} (empty when no
     * measure has that key).
     */
    public static Verdict check(int item, Submission submission, Optional<MeasureDefinition> definition,
                                String organisation, LocalDate today, Instant receivedAt) {
        String key = submission.measure();
        if (submission.unreadable() != null) {
            return refuse(item, key, submission.unreadable().field(), submission.unreadable().reason());
        }
        if (key == null || key.isBlank()) {
            return refuse(item, key, "measure", "is required");
        }
        if (definition.isEmpty()) {
            return refuse(item, key, "measure", "no measure has the key '" + key + "'");
        }
        MeasureDefinition measure = definition.get();
        if (organisation != null && !measure.publishableBy(organisation)) {
            return refuse(item, key, "measure", "'" + organisation + "' may not publish this measure; "
                    + measure.publishers() + " may");
        }
        Optional<ReportingPeriod> parsed = ReportingPeriod.parse(submission.period());
        if (parsed.isEmpty()) {
            return refuse(item, key, "period", submission.period() == null ? "is required"
                    : "'" + submission.period() + "' is not a period: write a month 2024-03, a quarter 2024-Q1,"
                    + " a year 2024 or a date 2024-03-15");
        }
        ReportingPeriod period = parsed.get();
        if (period.kind() != measure.frequency().periodKind()) {
            return refuse(item, key, "period", "'" + submission.period() + "' is a " + period.kind().name()
                    .toLowerCase() + ", but this measure is reported " + measure.frequency().name().toLowerCase()
                    .replace('_', ' ') + " (a " + measure.frequency().periodKind().name().toLowerCase() + " each)");
        }
        if (period.start().isAfter(today)) {
            return refuse(item, key, "period", "'" + period + "' has not begun yet");
        }
        if (!(submission.value() instanceof Number number)) {
            return refuse(item, key, "value", submission.value() == null ? "is required"
                    : "must be a number, not " + describe(submission.value()));
        }
        BigDecimal value = new BigDecimal(number.toString());
        if (value.precision() > MOST_DIGITS || Math.abs(value.scale()) > MOST_DIGITS) {
            return refuse(item, key, "value", "has more than " + MOST_DIGITS + " digits");
        }
        Optional<String> unfit = measure.unit().refuse(value);
        if (unfit.isPresent()) {
            return refuse(item, key, "value", value.toPlainString() + " " + unfit.get());
        }
        if (submission.source() != null && submission.source().length() > LONGEST_SOURCE) {
            return refuse(item, key, "source", "at most " + LONGEST_SOURCE + " characters");
        }
        if (submission.eventId() == null || submission.eventId().isBlank() || submission.eventId().length() > 200) {
            return refuse(item, key, "id", "an id of 1 to 200 characters is required");
        }
        return new Accepted(new Reading(measure.key(), period, value, submission.source(), organisation,
                submission.eventId(), submission.producedAt() == null ? receivedAt : submission.producedAt(),
                receivedAt));
    }

    private static Refused refuse(int item, String measure, String field, String reason) {
        return new Refused(new Rejection(item, measure, field, reason));
    }

    private static String describe(Object value) {
        return value instanceof String text ? "the text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + "\"" : value.getClass().getSimpleName().toLowerCase();
    }
}
