package org.planwatch.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/** Reads and writes topics on the test broker directly, as another service or a partner system would. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** A record as text: key, value and headers. */
    public record Record(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match or {@code timeout} passes, and
     * returns the matching ones in partition-offset order.
     */
    public static List<Record> read(String topic, Predicate<Record> matching, int count, Duration timeout) {
        return read(TestServers.kafkaBootstrapServers(), topic, matching, count, timeout);
    }

    /** As {@link #read(String, Predicate, int, Duration)}, from a broker of the test's own. */
    public static List<Record> read(String bootstrapServers, String topic, Predicate<Record> matching, int count,
                                    Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Record> found = new ArrayList<>();
        // A KafkaConsumer belongs to one thread: Awaitility polls in the caller's.
        ConditionFactory waiting = Awaitility.await().atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            // The topic is created by its first record: until then, asking for its partitions times out.
            List<PartitionInfo> partitions = waiting.ignoreException(org.apache.kafka.common.errors.TimeoutException.class)
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(2)), p -> !p.isEmpty());
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            waiting.until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Record record = toRecord(r);
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
                return found.size() >= count;
            });
        } catch (ConditionTimeoutException fewerThanExpected) {
            // What did arrive is returned: the caller's assertion says what is missing.
        }
        return found;
    }

    /** How many partitions a topic has, as the broker reports it. */
    public static int partitionCount(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static Record toRecord(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
        return new Record(r.topic(), r.partition(), r.offset(),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), headers);
    }
}
