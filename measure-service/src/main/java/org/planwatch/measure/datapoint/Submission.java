package org.planwatch.measure.datapoint;

import java.time.Instant;

/**
 * A figure as a partner sent it, not yet checked: the measure's key, the period, the value as it came (a JSON number,
 * or whatever else a partner's system sent), where it came from, the id that makes sending it twice harmless, and
 * when the partner's system produced it (which orders two corrections of the same period that arrive out of order).
 * {@code unreadable} says why a submission could not even be read as one (a field no data point has, an envelope
 * that is not a CloudEvent); such a submission is refused with that reason.
 */
public record Submission(String measure, String period, Object value, String source, String eventId,
                         Instant producedAt, Rejection unreadable) {

    public Submission(String measure, String period, Object value, String source, String eventId, Instant producedAt) {
        this(measure, period, value, source, eventId, producedAt, null);
    }

    /** Something that could not be read as a figure at all, and why. */
    public static Submission unreadable(String measure, String eventId, String field, String reason) {
        return new Submission(measure, null, null, null, eventId, null, new Rejection(0, measure, field, reason));
    }
}
