package org.planwatch.measure.datapoint.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.planwatch.measure.datapoint.DataPointIntake;
import org.planwatch.measure.datapoint.Intake;
import org.planwatch.measure.datapoint.Publisher;
import org.planwatch.measure.datapoint.Rejection;
import org.planwatch.measure.datapoint.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in {@code measure.datapoints} a poll at a time (binding {@code dataPoints-in-0}, batch mode): each poll's
 * figures are checked and stored in one bulk write per publishing organisation. Each refused record goes to
 * {@code measure.datapoints.dlq} with the reason in {@code x-rejection-*} headers, and to the rejection log, before
 * the poll's offsets are committed; a failure redelivers the poll, whose stored figures are then repeats, kept once.
 */
@Configuration(proxyBeanMethods = false)
class DataPointsBinding {

    private static final Logger log = LoggerFactory.getLogger(DataPointsBinding.class);
    static final String DEAD_LETTERS = "dataPointsDlq-out-0";

    @Bean
    Consumer<Message<List<byte[]>>> dataPoints(DataPointIntake intake, StreamBridge bridge, JsonMapper json) {
        return poll -> {
            List<byte[]> payloads = poll.getPayload();
            List<?> keys = list(poll.getHeaders().get(KafkaHeaders.RECEIVED_KEY), payloads.size());
            List<?> topics = list(poll.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), payloads.size());
            List<?> partitions = list(poll.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION), payloads.size());
            List<?> offsets = list(poll.getHeaders().get(KafkaHeaders.OFFSET), payloads.size());
            Map<String, List<Integer>> byOrganisation = new LinkedHashMap<>();
            List<DataPointEvents.Published> published = new ArrayList<>(payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                DataPointEvents.Published one = DataPointEvents.read(json, payloads.get(i));
                published.add(one);
                byOrganisation.computeIfAbsent(String.valueOf(one.organisation()), o -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<String, List<Integer>> group : byOrganisation.entrySet()) {
                List<Integer> records = group.getValue();
                List<Submission> batch = records.stream().map(i -> published.get(i).submission()).toList();
                String organisation = published.get(records.get(0)).organisation();
                Intake result = intake.receive(batch, Publisher.partner(organisation), "KAFKA",
                        item -> "kafka:" + topics.get(records.get(item)) + ":" + partitions.get(records.get(item))
                                + ":" + offsets.get(records.get(item)), false);
                for (Rejection refused : result.rejected()) {
                    int record = records.get(refused.item());
                    deadLetter(bridge, payloads.get(record), keys.get(record), topics.get(record),
                            partitions.get(record), offsets.get(record), refused);
                }
            }
        };
    }

    private static List<?> list(Object header, int size) {
        if (header instanceof List<?> values) {
            return values;
        }
        List<Object> missing = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            missing.add(null);
        }
        return missing;
    }

    private static void deadLetter(StreamBridge bridge, byte[] payload, Object key, Object topic, Object partition,
                                   Object offset, Rejection refused) {
        log.info("Refused a data point from {} partition {} offset {}: {} {}", topic, partition, offset,
                refused.field(), refused.reason());
        MessageBuilder<byte[]> dead = MessageBuilder.withPayload(payload)
                .setHeader("x-original-topic", String.valueOf(topic).getBytes(StandardCharsets.UTF_8))
                .setHeader("x-original-partition", String.valueOf(partition).getBytes(StandardCharsets.UTF_8))
                .setHeader("x-original-offset", String.valueOf(offset).getBytes(StandardCharsets.UTF_8))
                .setHeader("x-rejection-field", refused.field().getBytes(StandardCharsets.UTF_8))
                .setHeader("x-rejection-reason", refused.reason().getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            dead.setHeader(KafkaHeaders.KEY, key);
        }
        if (!bridge.send(DEAD_LETTERS, dead.build())) {
            throw new IllegalStateException("the dead-letter topic did not take a refused data point; the poll"
                    + " will be delivered again");
        }
    }
}
