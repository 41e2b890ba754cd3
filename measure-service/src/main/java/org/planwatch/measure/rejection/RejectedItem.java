package org.planwatch.measure.rejection;

import java.time.Instant;

/**
 * A figure that was refused, as administrators and the partner read it later: how it came (HTTP or Kafka), who sent
 * it, which item and field, why, and what was sent (cut short), so the partner can put it right.
 */
public record RejectedItem(String id, Instant receivedAt, String channel, String organisation, String partnership,
                           String measure, int item, String field, String reason, String eventId, String sent) {
}
