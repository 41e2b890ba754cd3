package org.planwatch.plan.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in documents' {@code outbox} arrays, each document's events in the order they were
 * written; then pulls exactly the published ones by event id.
 *
 * <p>A crash after the broker acknowledged and before the pull repeats an event with the same id on the next
 * run, which consumers skip; nothing is ever pulled before the broker has it, so nothing is lost. One relay runs
 * at a time across replicas (ShedLock), which keeps one aggregate's events in order.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final List<String> collections;
    private final int batchSize;

    OutboxRelay(MongoTemplate mongo, StreamBridge bridge,
                @Value("${planwatch.outbox.collections:actions}") List<String> collections,
                @Value("${planwatch.outbox.batch-size:100}") int batchSize) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.collections = collections;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${planwatch.outbox.poll-interval:200ms}")
    @SchedulerLock(name = "plan-outbox-relay", lockAtMostFor = "PT1M")
    public void relayPending() {
        for (String collection : collections) {
            relay(collection);
        }
    }

    /** Publishes what waits in one collection; returns how many events went out. */
    public int relay(String collection) {
        // Asked by event id so that the sparse index on outbox.eventId answers it: only documents with events waiting.
        Query waiting = query(where("outbox.eventId").exists(true)).limit(batchSize);
        waiting.fields().include("outbox");
        int published = 0;
        for (Document document : mongo.find(waiting, Document.class, collection)) {
            List<Document> events = document.getList("outbox", Document.class);
            List<String> sent = new ArrayList<>();
            try {
                for (Document event : events) {
                    publish(event);
                    sent.add(event.getString("eventId"));
                }
            } catch (RuntimeException brokerRefused) {
                log.warn("Outbox relay stopped at {} of {} events of {} {}: {}", sent.size(), events.size(),
                        collection, document.get("_id"), brokerRefused.getMessage());
                markPublished(collection, document.get("_id"), sent);
                return published + sent.size();
            }
            markPublished(collection, document.get("_id"), sent);
            published += sent.size();
        }
        return published;
    }

    private void publish(Document event) {
        var message = MessageBuilder.withPayload(event.getString("json").getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.getString("key").getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, CLOUDEVENTS_JSON)
                .build();
        if (!bridge.send(event.getString("binding"), message)) {
            throw new IllegalStateException("the binder did not accept event " + event.getString("eventId"));
        }
    }

    /** Removes events the broker has acknowledged from their document's outbox. */
    void markPublished(String collection, Object id, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        mongo.updateFirst(query(where("_id").is(id)),
                new Update().pull("outbox", query(where("eventId").in(eventIds)).getQueryObject()), collection);
    }
}
