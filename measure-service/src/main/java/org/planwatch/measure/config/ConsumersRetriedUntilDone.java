package org.planwatch.measure.config;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every consumer of this service (partners' figures, plan-service's action events) meets a failure only when the
 * store is away: the poll or record is delivered again, every 0.5 s growing to every 10 s, for as long as it takes,
 * rather than skipped after a few tries and lost. What is wrong with a record itself never gets here: figures are
 * refused and dead-lettered, unreadable action events skipped, by the listeners. One customizer for all, as the
 * binder applies only a unique one.
 */
@Configuration(proxyBeanMethods = false)
class ConsumersRetriedUntilDone {

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retriedUntilDone() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
            backOff.setMaxInterval(10_000);
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }
}
