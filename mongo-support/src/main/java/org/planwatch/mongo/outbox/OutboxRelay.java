package org.planwatch.mongo.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in documents' {@code outbox} arrays, each document's events in the order they were
 * written; then pulls exactly the published ones by event id.
 *
 * <p>Replicas share the work without a global lock: each document with events waiting is claimed by one relay with a
 * short lease (an atomic conditional update), so one aggregate's events go out in order, and a relay killed while
 * holding a claim delays that document by at most the lease. The document relayed longest ago is claimed first, so
 * an aggregate that changes all the time cannot keep the others waiting. A crash after the broker acknowledged and
 * before the pull repeats an event with the same id, which consumers skip; nothing is ever pulled before the broker
 * has it, so nothing is lost.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    static final String TRACEPARENT = "traceparent";

    private final String relayId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final Clock clock;
    private final List<String> collections;
    private final int batchSize;
    private final Duration lease;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, Clock clock, ObjectProvider<Tracer> tracer,
                       ObjectProvider<Propagator> propagator, List<String> collections, int batchSize,
                       Duration lease) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.clock = clock;
        this.collections = collections;
        this.batchSize = batchSize;
        this.lease = lease;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Scheduled(fixedDelayString = "${planwatch.outbox.poll-interval:200ms}")
    public void relayPending() {
        for (String collection : collections) {
            relay(collection);
        }
    }

    /** Publishes what waits in one collection, up to a batch of documents; returns how many events went out. */
    public int relay(String collection) {
        int published = 0;
        for (int documents = 0; documents < batchSize; documents++) {
            Document claimed = claimNext(collection);
            if (claimed == null) {
                break;
            }
            List<Document> events = claimed.getList("outbox", Document.class);
            List<String> sent = new ArrayList<>();
            try {
                for (Document event : events) {
                    publish(event);
                    sent.add(event.getString("eventId"));
                }
            } catch (RuntimeException brokerRefused) {
                log.warn("Outbox relay stopped at {} of {} events of {} {}: {}", sent.size(), events.size(),
                        collection, claimed.get("_id"), brokerRefused.getMessage());
                markPublished(collection, claimed.get("_id"), sent);
                return published + sent.size();
            }
            markPublished(collection, claimed.get("_id"), sent);
            published += sent.size();
        }
        return published;
    }

    /**
     * A document with events waiting that no other relay holds, now held by this one for the lease: one never relayed,
     * or else the one relayed longest ago (a relay gives a document up by setting its lease's end to that moment).
     */
    private Document claimNext(String collection) {
        Instant now = clock.instant();
        // Asked by event id so that the sparse index on outbox.eventId answers it: only documents with events waiting.
        // A lease that ends now is over: a document given up this very millisecond (or under a stopped clock) is free.
        Query waiting = query(where("outbox.eventId").exists(true)
                .orOperator(where("outboxLease.until").exists(false), where("outboxLease.until").lte(now)))
                .with(Sort.by("outboxLease.until"));
        waiting.fields().include("outbox");
        Update claim = new Update().set("outboxLease.by", relayId).set("outboxLease.until", now.plus(lease));
        return mongo.findAndModify(waiting, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    private void publish(Document event) {
        var message = MessageBuilder.withPayload(event.getString("json").getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.getString("key").getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, CLOUDEVENTS_JSON);
        // Published in the trace of the request that made the change, not the relay's own: the consumer's work
        // then joins that request's trace.
        Span publishing = continueTrace(event);
        try (Tracer.SpanInScope ignored = publishing == null ? null : tracer.getObject().withSpan(publishing)) {
            if (publishing != null) {
                propagator.getObject().inject(publishing.context(), message,
                        (carrier, name, value) -> carrier.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
            }
            if (!bridge.send(event.getString("binding"), message.build())) {
                throw new IllegalStateException("the binder did not accept event " + event.getString("eventId"));
            }
        } finally {
            if (publishing != null) {
                publishing.end();
            }
        }
    }

    private Span continueTrace(Document event) {
        String traceparent = event.getString(TRACEPARENT);
        if (traceparent == null || tracer.getIfAvailable() == null || propagator.getIfAvailable() == null) {
            return null;
        }
        return propagator.getObject().extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name("publish " + event.getString("type")).kind(Span.Kind.PRODUCER).start();
    }

    /** Removes events the broker has acknowledged from their document's outbox, and gives the document up. */
    protected void markPublished(String collection, Object id, List<String> eventIds) {
        Update done = new Update().pull("outbox", query(where("eventId").in(eventIds)).getQueryObject());
        if (mongo.updateFirst(query(where("_id").is(id).and("outboxLease.by").is(relayId)),
                done.unset("outboxLease.by").set("outboxLease.until", clock.instant()), collection)
                .getMatchedCount() == 0) {
            // The lease ran out and another relay holds the document now: pull what went out, leave its claim alone.
            mongo.updateFirst(query(where("_id").is(id)), new Update().pull("outbox",
                    query(where("eventId").in(eventIds)).getQueryObject()), collection);
        }
    }
}
