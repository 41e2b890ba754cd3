package org.planwatch.plan.config;

import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Dates are stored as ISO strings ("2022-06-30"): a calendar date has no time zone, and the driver's default
 * turns a LocalDate into an instant at midnight in the JVM's zone, which shifts it between machines. ISO strings
 * still sort and compare in date order.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new LocalDateToString(), new StringToLocalDate()));
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

    /** The indexes behind the daily filters and the outbox relay's scan. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent event) {
        MongoTemplate mongo = event.getApplicationContext().getBean(MongoTemplate.class);
        var actions = mongo.indexOps("actions");
        actions.createIndex(new CompoundIndexDefinition(new Document("action.planId", 1).append("action.due.date", 1)));
        actions.createIndex(new Index().on("action.leadIds", org.springframework.data.domain.Sort.Direction.ASC));
        actions.createIndex(new Index().on("action.due.date", org.springframework.data.domain.Sort.Direction.ASC));
        actions.createIndex(new Index().on("outbox.eventId", org.springframework.data.domain.Sort.Direction.ASC).sparse());
    }
}
