package org.planwatch.measure.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole service, in the partnerships' time zone, which decides what "today" is. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(@Value("${planwatch.time-zone:Europe/London}") ZoneId zone) {
        return Clock.system(zone);
    }
}
