package org.planwatch.notification.config;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling: the mail sender runs on every replica (emails are claimed one by one with leases), the reminder scan
 * and the digest on one at a time (ShedLock over MongoDB).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT2M")
class NotificationConfig {

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent event) {
        MongoTemplate mongo = event.getApplicationContext().getBean(MongoTemplate.class);
        mongo.indexOps("mail").createIndex(new CompoundIndexDefinition(new Document("status", 1).append("nextAttemptAt", 1)));
        mongo.indexOps("mail").createIndex(new CompoundIndexDefinition(new Document("recipient", 1).append("queuedAt", -1)));
        mongo.indexOps("mail").createIndex(new CompoundIndexDefinition(new Document("actionId", 1)));
    }
}
