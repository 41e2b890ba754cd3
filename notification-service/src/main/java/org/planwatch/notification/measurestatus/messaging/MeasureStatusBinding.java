package org.planwatch.notification.measurestatus.messaging;

import java.util.function.Consumer;
import org.planwatch.notification.measurestatus.MeasureCharts;
import org.planwatch.notification.measurestatus.MeasureStatusEvent;
import org.planwatch.notification.measurestatus.StalenessNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code measure.status.events} (binding {@code measureStatus-in-0}), read from measure-service's contract
 * ({@code measure-service/src/main/resources/contracts/measure-status-event.v1.schema.json}), not its classes. An
 * event that cannot be read is logged and skipped; any other failure is tried again until the store is back.
 */
@Configuration(proxyBeanMethods = false)
class MeasureStatusBinding {

    private static final Logger log = LoggerFactory.getLogger(MeasureStatusBinding.class);

    @Bean
    Consumer<Message<byte[]>> measureStatus(StalenessNotices notices, MeasureCharts charts, JsonMapper json) {
        JsonMapper lenient = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return message -> {
            MeasureStatusEvent event;
            try {
                event = lenient.readValue(message.getPayload(), MeasureStatusEvent.class);
            } catch (JacksonException unreadable) {
                log.warn("Skipped a measure status event that could not be read: {}", unreadable.getOriginalMessage());
                return;
            }
            if (MeasureStatusEvent.TYPE.equals(event.type()) && event.id() != null) {
                charts.heard(event);
                notices.handle(event);
            }
        };
    }
}
