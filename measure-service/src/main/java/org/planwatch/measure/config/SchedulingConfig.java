package org.planwatch.measure.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work: the outbox relay (replicas share it by leases on documents) and the staleness scan (idempotent,
 * each judgement a conditional update). Neither needs a lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "planwatch.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
