package org.planwatch.plan.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Today" and "overdue" are judged in the partnership's own time zone, not the server's. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(@Value("${planwatch.time-zone:Europe/London}") ZoneId zone) {
        return Clock.system(zone);
    }
}
