package org.planwatch.mongo.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox relay, for a service that names the collections whose documents carry an outbox
 * ({@code planwatch.outbox.collections}). Its {@code @Scheduled} poll runs where the service enables scheduling.
 */
@AutoConfiguration
@ConditionalOnClass(StreamBridge.class)
@ConditionalOnProperty("planwatch.outbox.collections")
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge bridge, ObjectProvider<Clock> clock,
                            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                            @Value("${planwatch.outbox.collections}") List<String> collections,
                            @Value("${planwatch.outbox.batch-size:100}") int batchSize,
                            @Value("${planwatch.outbox.lease:10s}") Duration lease) {
        return new OutboxRelay(mongo, bridge, clock.getIfAvailable(Clock::systemUTC), tracer, propagator, collections,
                batchSize, lease);
    }
}
