package org.planwatch.mongo;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Calendar dates are stored as ISO strings ("2022-06-30"): a date has no time zone, and the default mapping turns
 * a LocalDate into midnight in the JVM's zone, which shifts it between machines. ISO strings still sort and compare
 * in date order. Exact decimals (measures' figures) are stored as Decimal128, which compares as a number. The
 * health check pings the service's own database with {@code ping}, a command every MongoDB server and the local
 * stand-in answer alike.
 * <p>
 * The driver waits 30 s by default for a server to talk to; a store that is away then holds every caller (an event
 * listener, the outbox relay, a request) for half a minute before anything retries. planwatch waits a replica-set
 * election's length instead ({@code planwatch.mongo.server-selection-timeout}, 10 s) and its callers retry.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
public class PlanwatchMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(conversions -> conversions
                .registerConverters(List.of(new LocalDateToString(), new StringToLocalDate()))
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128));
    }

    @Bean
    MongoClientSettingsBuilderCustomizer planwatchMongoTimeouts(
            @Value("${planwatch.mongo.server-selection-timeout:10s}") Duration serverSelection,
            @Value("${planwatch.mongo.connect-timeout:5s}") Duration connect) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(),
                        TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean(name = "mongoHealthIndicator")
    AbstractHealthIndicator mongoHealthIndicator(MongoClient client,
                                                 @Value("${spring.mongodb.database:admin}") String database) {
        return new AbstractHealthIndicator("MongoDB ping failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document reply = client.getDatabase(database).runCommand(new Document("ping", 1));
                builder.up().withDetail("database", database).withDetail("ok", reply.get("ok"));
            }
        };
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
