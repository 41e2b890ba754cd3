package org.planwatch.mongo.outbox;

import java.time.Instant;

/**
 * An event waiting to be published: its CloudEvents JSON, already rendered, the topic binding it goes to, the
 * Kafka key (the aggregate id) that keeps one aggregate's events in order, and the W3C {@code traceparent} of the
 * request that caused it (none for changes no request made), so that the trace goes on when it is published later.
 */
public record OutboxEvent(String eventId, String type, String binding, String key, Instant createdAt, String json,
                          String traceparent) {
}
