package org.planwatch.measure.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.planwatch.api.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call each endpoint, checked here from the caller's own token. Partner systems publish and read their
 * own organisation's measures (the organisation claim decides which, per measure); administrators manage them.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    private static final String ADMINISTRATOR = "ADMINISTRATOR";
    private static final String PARTNER = "PARTNER";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.build(http, requests -> requests
                .requestMatchers(GET, "/api/measures/**").hasAnyRole(ADMINISTRATOR, PARTNER)
                .requestMatchers(POST, "/api/measures/*/data-points", "/api/measures/data-points")
                        .hasAnyRole(ADMINISTRATOR, PARTNER)
                .requestMatchers("/api/measures/**").hasRole(ADMINISTRATOR));
    }
}
