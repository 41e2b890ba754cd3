package org.planwatch.measure.rejection;

import java.time.Instant;

/**
 * A figure that was refused, as administrators and the partner read it later: how it came (HTTP or Kafka), who sent
 * it, which item and field, why, and what was sent (cut short), so the partner can put it right. {@code figure} is the
 * figure whole, where it could be read as one, so it can be taken in again; {@code replayed} says when it last was.
 */
public record RejectedItem(String id, Instant receivedAt, String channel, String organisation, String partnership,
                           String measure, int item, String field, String reason, String eventId, String sent,
                           RefusedFigure figure, Replay replayed) {

    /** Whether it can be taken in again: it was read as a figure, and its value could be kept as sent. */
    public boolean replayable() {
        return figure != null;
    }
}
