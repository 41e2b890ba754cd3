package org.planwatch.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic's records from the beginning, one per line as {@code partition offset key value}, so the events the
 * services exchange can be read without installing Kafka's tools: {@code deploy/local/tail-topic plan.action.events}.
 * Stops when nothing new arrives for two seconds, unless asked to {@code --follow}. Reads without a consumer group,
 * so it never moves any service's offsets.
 */
public final class TopicTail {

    private TopicTail() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: tail-topic <topic> [--follow]");
            System.exit(2);
        }
        String topic = args[0];
        boolean follow = List.of(args).contains("--follow");
        String servers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                System.err.println("no topic " + topic + " at " + servers);
                System.exit(1);
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long idleSince = System.nanoTime();
            while (follow || System.nanoTime() - idleSince < Duration.ofSeconds(2).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : records) {
                    System.out.println(record.partition() + " " + record.offset() + " " + record.key() + " " + record.value());
                }
                if (!records.isEmpty()) {
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
