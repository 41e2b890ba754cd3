package org.planwatch.notification.trigger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.planwatch.caller.Caller;
import tools.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The events this service dead-lettered, read back from their topic for an administrator, and replayed one at a
 * time through the same handler once the cause is fixed. Replaying is safe to repeat: the handler queues each
 * (event, recipient, kind) email once. A replay is recorded (who, when) so the list shows what was dealt with; the
 * dead letter itself stays on its topic, which is the record of what went wrong.
 */
@Component
public class DeadLetters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration PATIENCE = Duration.ofSeconds(5);
    static final String REPLAYS = "deadLetterReplays";

    private final String topic;
    private final Map<String, Object> consumerSettings;
    private final PlanActionEventHandler handler;
    private final MongoTemplate mongo;
    private final Clock clock;

    DeadLetters(@Value("${spring.cloud.stream.bindings.planActionEventsDlq-out-0.destination}") String topic,
                @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, Environment environment,
                PlanActionEventHandler handler, MongoTemplate mongo, Clock clock) {
        this.topic = topic;
        this.handler = handler;
        this.mongo = mongo;
        this.clock = clock;
        Map<String, Object> settings = new HashMap<>(Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerSettings = Map.copyOf(settings);
    }

    /** A dead-lettered event: where it came from, why it failed, and whether someone has replayed it. */
    public record DeadLetter(String id, String key, String originalTopic, String originalPartition,
                             String originalOffset, String reason, Instant deadAt, Replay replayed,
                             String partnership) {

        /**
         * Whether an administrator of {@code partnership} may see and replay it: an event about their partnership's
         * plan, or one too damaged to say whose it is (it shows no content, only its key and why it failed).
         */
        public boolean shownTo(Caller caller) {
            return partnership == null || caller.belongsTo(partnership);
        }
    }

    /** Who replayed a dead letter, and when. */
    public record Replay(@Id String id, Instant at, String by) {
    }

    /** Raised when a replayed event fails again: it stays dead-lettered, with this reason. */
    public static class StillFailingException extends RuntimeException {
        StillFailingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public String topic() {
        return topic;
    }

    /** The newest dead letters first, at most {@code limit} per partition. */
    public List<DeadLetter> newest(int limit) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            partitions.forEach(p -> consumer.seek(p, Math.max(start.get(p), end.get(p) - limit)));
            Instant deadline = clock.instant().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && clock.instant().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        Map<String, Replay> replays = mongo.find(Query.query(Criteria.where("_id").in(records.stream()
                .map(DeadLetters::id).toList())), Replay.class, REPLAYS).stream()
                .collect(Collectors.toMap(Replay::id, Function.identity()));
        return records.stream().map(record -> letter(record, replays.get(id(record))))
                .sorted(Comparator.comparing(DeadLetter::deadAt).reversed()).toList();
    }

    /**
     * Handles the dead letter {@code id} ("partition-offset") again. Empty when there is no such dead letter;
     * {@link StillFailingException} when it fails again.
     */
    public Optional<DeadLetter> replay(String id, Caller by) {
        Optional<ConsumerRecord<byte[], byte[]>> found = read(id);
        if (found.isEmpty() || !letter(found.get(), null).shownTo(by)) {
            return Optional.empty();
        }
        try {
            handler.handle(found.get().value());
        } catch (RuntimeException failure) {
            throw new StillFailingException("the event still cannot be processed: " + failure.getMessage(), failure);
        }
        Replay replay = new Replay(id, clock.instant(), by.subject());
        try {
            mongo.insert(replay, REPLAYS);
        } catch (DuplicateKeyException replayedBefore) {
            mongo.save(replay, REPLAYS);
        }
        return Optional.of(letter(found.get(), replay));
    }

    private Optional<ConsumerRecord<byte[], byte[]>> read(String id) {
        String[] parts = id.split("-", 2);
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(parts[0]);
            offset = Long.parseLong(parts[1]);
        } catch (RuntimeException notAnId) {
            return Optional.empty();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
            TopicPartition where = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic, PATIENCE).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(where));
            long start = consumer.beginningOffsets(List.of(where), PATIENCE).get(where);
            long end = consumer.endOffsets(List.of(where), PATIENCE).get(where);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(where, offset);
            Instant deadline = clock.instant().plus(PATIENCE);
            while (clock.instant().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String id(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record, Replay replay) {
        return new DeadLetter(id(record), record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, "x-original-topic"), header(record, "x-original-partition"),
                header(record, "x-original-offset"), header(record, "x-exception-message"),
                Instant.ofEpochMilli(record.timestamp()), replay, partnership(record.value()));
    }

    /** The partnership of the event's plan, or null when the event is too damaged to say. */
    private static String partnership(byte[] value) {
        try {
            String partnership = JSON.readTree(value).path("data").path("plan").path("partnership").asString(null);
            return partnership == null || partnership.isBlank() ? null : partnership;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
