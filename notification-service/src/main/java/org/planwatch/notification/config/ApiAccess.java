package org.planwatch.notification.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import org.planwatch.api.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call each endpoint, checked here from the caller's own token. A lead's own email decides what of the
 * log and the preferences they reach (403 otherwise), in the controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    private static final String ADMINISTRATOR = "ADMINISTRATOR";
    private static final String LEAD = "LEAD";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.build(http, requests -> requests
                // The link in every reminder: whoever holds it may see and use it; its signature is the proof.
                .requestMatchers("/api/notifications/unsubscribe").permitAll()
                .requestMatchers(GET, "/api/notifications/preferences/*").hasAnyRole(ADMINISTRATOR, LEAD)
                .requestMatchers(PUT, "/api/notifications/preferences/*").hasAnyRole(ADMINISTRATOR, LEAD)
                .requestMatchers(GET, "/api/notifications").hasAnyRole(ADMINISTRATOR, LEAD)
                .requestMatchers(GET, "/api/notifications/plans/*/reminder-policy").hasAnyRole(ADMINISTRATOR, LEAD)
                // Retrying a failed email, reminder policies, the reminder scan and the digests: administrators.
                .requestMatchers("/api/notifications/**").hasRole(ADMINISTRATOR));
    }
}
