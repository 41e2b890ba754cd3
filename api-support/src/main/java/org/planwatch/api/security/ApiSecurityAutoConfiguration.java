package org.planwatch.api.security;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Gives each service {@link ApiSecurity}, the {@code Caller} controller argument and the request size limit. */
@AutoConfiguration
@EnableConfigurationProperties(CallerClaims.class)
public class ApiSecurityAutoConfiguration {

    @Bean
    ApiSecurity apiSecurity(CallerClaims claims, JsonMapper json) {
        return new ApiSecurity(claims, json);
    }

    /**
     * Spring Security times each of its filters, its authentication and its authorization on every request (3% of
     * plan-service's CPU under load) unless told not to here: the property {@code management.observations.enable}
     * only makes those observations no-ops and leaves every filter wrapped. The request's own observation (its
     * metrics, its trace) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebMvcConfigurer callerArgument(CallerClaims claims) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgument(claims));
            }
        };
    }

    /** Ahead of security, so an oversized body is refused without reading or checking anything. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${planwatch.api.max-request-size:1MB}") DataSize max, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(max.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
