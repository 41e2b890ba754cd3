package org.planwatch.api.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.planwatch.caller.Caller;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's API does about who is calling: each request carries a bearer token the service checks
 * itself (signature by the issuer's keys, issuer, audience, expiry; {@code spring.security.oauth2.resourceserver.jwt}),
 * no session, and refusals in the same problem+json as any other. Health and the API's description are public (as
 * any published API's is), the rest of the actuator is the administrators'; a service adds its own rule for each
 * endpoint, and an endpoint without a rule is refused.
 */
public class ApiSecurity {

    private static final String TYPES = "https://planwatch.org/problems/";

    private final CallerClaims claims;
    private final JsonMapper json;

    public ApiSecurity(CallerClaims claims, JsonMapper json) {
        this.claims = claims;
        this.json = json;
    }

    public SecurityFilterChain build(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'")))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenToCaller()))
                        .authenticationEntryPoint((request, response, e) -> {
                            challenge.commence(request, response, e);
                            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                                    "this needs a valid bearer access token: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                    "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
                        }))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
                    rules.customize(requests);
                    requests.requestMatchers("/actuator/**").hasRole("ADMINISTRATOR").anyRequest().denyAll();
                });
        return http.build();
    }

    /** The token's roles become authorities ({@code ROLE_LEAD}); the caller's name is the token's subject. */
    private Converter<Jwt, AbstractAuthenticationToken> tokenToCaller() {
        return token -> {
            Caller caller = claims.caller(token);
            return new JwtAuthenticationToken(token, caller.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(), caller.subject());
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", TYPES + type, "title", title,
                "status", status.value(), "detail", detail));
    }
}
