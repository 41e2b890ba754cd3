package org.planwatch.plan.action.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.planwatch.plan.action.ActionService;
import org.planwatch.plan.measure.KnownMeasure;
import org.planwatch.plan.measure.KnownMeasures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code measure.status.events} (binding {@code measureStatus-in-0}): each change of a measure's outlook
 * suggests a RAG rating to the actions reporting on it, and sets it on those that follow their measures. Read from
 * the contract ({@code measure-service/src/main/resources/contracts/measure-status-event.v1.schema.json}), not from
 * measure-service's classes. Handling an event twice changes nothing more, and an event older than the suggestion
 * held is ignored, so redelivery and reordering are harmless; an event that cannot be read is logged and skipped.
 * Each event also tells which measures exist, by name, for a plan import to link actions' measures to.
 */
@Configuration(proxyBeanMethods = false)
class MeasureStatusBinding {

    private static final Logger log = LoggerFactory.getLogger(MeasureStatusBinding.class);
    static final String TYPE = "org.planwatch.measure.status-changed.v1";

    @Bean
    Consumer<Message<byte[]>> measureStatus(ActionService actions, KnownMeasures measures, JsonMapper json) {
        return message -> {
            ActionService.MeasureOutlook outlook = read(json, message.getPayload());
            if (outlook != null) {
                measures.announced(new KnownMeasure(outlook.measureKey(), outlook.measureName(),
                        outlook.partnership(), outlook.judgedAt()));
                List<String> changed = actions.followMeasure(outlook);
                if (!changed.isEmpty()) {
                    log.info("Measure {} is {}: RAG set on {}", outlook.measureKey(), outlook.outlook(), changed);
                }
            }
        };
    }

    static ActionService.MeasureOutlook read(JsonMapper json, byte[] payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (!TYPE.equals(event.path("type").asString(null))) {
                return null;
            }
            JsonNode data = event.path("data");
            JsonNode measure = data.path("measure");
            List<String> actionIds = new ArrayList<>();
            measure.path("actionIds").forEach(id -> actionIds.add(id.asString()));
            return new ActionService.MeasureOutlook(measure.path("key").asString(), measure.path("name").asString(),
                    measure.path("partnership").asString(), data.path("outlook").asString(),
                    data.path("reason").asString(), Instant.parse(event.path("time").asString()), actionIds);
        } catch (JacksonException | DateTimeParseException unreadable) {
            log.warn("Skipped a measure status event that could not be read: {}", unreadable.getMessage());
            return null;
        }
    }
}
