package org.planwatch.plan.config;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;

/** The indexes plan-service's queries rely on (dates are mapped by mongo-support). */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    /** The indexes behind the daily filters, the outbox relay's scan and each partnership's lead directory. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent event) {
        MongoTemplate mongo = event.getApplicationContext().getBean(MongoTemplate.class);
        var actions = mongo.indexOps("actions");
        actions.createIndex(new CompoundIndexDefinition(new Document("action.planId", 1).append("action.due.date", 1)));
        actions.createIndex(new Index().on("action.leadIds", org.springframework.data.domain.Sort.Direction.ASC));
        actions.createIndex(new Index().on("action.due.date", org.springframework.data.domain.Sort.Direction.ASC));
        actions.createIndex(new Index().on("outbox.eventId", org.springframework.data.domain.Sort.Direction.ASC).sparse());
        mongo.indexOps("leads").createIndex(new CompoundIndexDefinition(new Document("partnership", 1)
                .append("lead.name", 1)));
    }
}
