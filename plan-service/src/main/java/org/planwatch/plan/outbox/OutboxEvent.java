package org.planwatch.plan.outbox;

import java.time.Instant;

/**
 * An event waiting to be published: its CloudEvents JSON, already rendered, the topic binding it goes to and
 * the Kafka key (the aggregate id) that keeps one aggregate's events in order.
 */
public record OutboxEvent(String eventId, String type, String binding, String key, Instant createdAt, String json) {
}
