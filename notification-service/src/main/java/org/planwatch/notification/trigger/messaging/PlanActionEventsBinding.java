package org.planwatch.notification.trigger.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Binds {@code plan.action.events} (binding {@code planActionEvents-in-0}) to the handler, and dead-letters what
 * cannot be processed: an unreadable event at once, any other failure on its last delivery attempt
 * ({@code planwatch.events.dead-letter-after-attempts}). The dead letter keeps the original key and payload and says
 * why in {@code x-exception-*} headers, so the stream moves on and nothing is silently dropped. The store being away
 * is not the event's fault: such a failure is tried again, with the binder's back-off, until the store is back,
 * so an outage of MongoDB delays emails and dead-letters none.
 * <p>
 * Why not the binder's own {@code enable-dlq}: it writes the same {@code x-*} headers, but its DLQ sender (binder
 * 5.0.2, {@code KafkaMessageChannelBinder.DlqSender}) hands the record to the producer and only logs a failed send,
 * after the offset has moved on: a broker refusing the dead letter would lose the event. Here the send is synchronous
 * and a failure redelivers the event.
 */
@Configuration(proxyBeanMethods = false)
class PlanActionEventsBinding {

    private static final Logger log = LoggerFactory.getLogger(PlanActionEventsBinding.class);
    static final String DEAD_LETTERS = "planActionEventsDlq-out-0";

    @Bean
    Consumer<Message<byte[]>> planActionEvents(PlanActionEventHandler handler, StreamBridge bridge,
            @Value("${planwatch.events.dead-letter-after-attempts:3}") int maxAttempts) {
        return message -> {
            try {
                handler.handle(message.getPayload());
            } catch (UnreadableEventException unreadable) {
                deadLetter(bridge, message, unreadable);
            } catch (RuntimeException failure) {
                if (attempt(message) < maxAttempts || StoreAway.isCause(failure)) {
                    throw failure;
                }
                deadLetter(bridge, message, failure);
            }
        };
    }

    private static int attempt(Message<?> message) {
        Object attempt = message.getHeaders().get(IntegrationMessageHeaderAccessor.DELIVERY_ATTEMPT);
        return attempt instanceof Number n ? n.intValue() : 1;
    }

    private static void deadLetter(StreamBridge bridge, Message<byte[]> message, RuntimeException reason) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        log.warn("Dead-lettering an event from {} partition {} offset {}: {}",
                message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC),
                message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                message.getHeaders().get(KafkaHeaders.OFFSET), reason.getMessage());
        Message<byte[]> dead = MessageBuilder.withPayload(message.getPayload())
                .setHeader(KafkaHeaders.KEY, key)
                .setHeader("x-original-topic", String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)))
                .setHeader("x-original-partition", String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION)))
                .setHeader("x-original-offset", String.valueOf(message.getHeaders().get(KafkaHeaders.OFFSET)))
                .setHeader("x-exception-fqcn", reason.getClass().getName())
                .setHeader("x-exception-message", String.valueOf(reason.getMessage()))
                .build();
        if (!bridge.send(DEAD_LETTERS, dead)) {
            throw new IllegalStateException("the dead-letter topic did not take the event; it will be redelivered",
                    reason);
        }
    }
}
