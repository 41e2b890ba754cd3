package org.planwatch.plan.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.PUT;

import org.planwatch.api.security.ApiSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call each endpoint, checked here from the caller's own token whatever the gateway let through. Rules
 * per resource (a lead changes only the actions they lead; nobody sees another partnership's plans) are the
 * services' and answer 403 and 404.
 */
// Only where there is an API: the command-line import starts no web server.
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    private static final String ADMINISTRATOR = "ADMINISTRATOR";
    private static final String LEAD = "LEAD";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.build(http, requests -> requests
                // Leads read the plans and the directory, and report how their own actions are going.
                .requestMatchers(GET, "/api/plans/**", "/api/actions/**", "/api/leads/**").hasAnyRole(ADMINISTRATOR, LEAD)
                .requestMatchers(PUT, "/api/actions/*/status", "/api/actions/*/rag", "/api/actions/*/due-date")
                        .hasAnyRole(ADMINISTRATOR, LEAD)
                .requestMatchers(PATCH, "/api/actions/*").hasAnyRole(ADMINISTRATOR, LEAD)
                // Plans, the shape of actions and the lead directory are the administrators'.
                .requestMatchers("/api/plans/**", "/api/actions/**", "/api/leads/**").hasRole(ADMINISTRATOR));
    }
}
