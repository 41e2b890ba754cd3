package org.planwatch.api;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * One clock for a whole service, in the partnerships' time zone ({@code planwatch.time-zone}): "today", "overdue"
 * and "due within a week" are judged where the partnership is, not where the server is.
 */
@AutoConfiguration
public class PartnershipClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${planwatch.time-zone:Europe/London}") ZoneId zone) {
        return Clock.system(zone);
    }
}
