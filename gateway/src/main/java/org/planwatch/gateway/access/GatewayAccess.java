package org.planwatch.gateway.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Who may call what through the gateway. Programs (partner systems, scripts) send a bearer token; browsers sign in
 * here (authorization code with PKCE) and hold only a session cookie while the gateway relays their token. Each
 * route family is open to the roles that use it, the same rules the services apply again for themselves; anything
 * not named is refused, and the gateway's own actuator is the administrators'.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewayAccess {

    static final String SIGN_IN = "/oauth2/authorization/planwatch";
    private static final String ADMINISTRATOR = "ADMINISTRATOR";
    private static final String LEAD = "LEAD";
    private static final String PARTNER = "PARTNER";
    private static final Set<HttpMethod> SAFE = Set.of(GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /**
     * Spring Security would time each of its dozen filters, its authentication and its authorization on every request
     * (with the request's own, observations were an eighth of the gateway's work); the property
     * {@code management.observations.enable} only makes them no-ops, with every filter still wrapped. The request's
     * own observation (metrics, the traceparent passed on) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A request Spring Security's firewall refuses before anything else (an encoded null, "/../" or a backslash in
     * its path, a method no route has): 400 problem+json saying why, as any bad input, instead of an empty answer.
     */
    @Bean
    ServerExchangeRejectedHandler refusedRequests(ServerCodecConfigurer codecs) {
        Problems problems = new Problems(codecs);
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "path: " + rejected.getMessage());
    }

    @Bean
    CallerRoles callerRoles(@Value("${planwatch.security.claims.roles:roles}") String claim) {
        return new CallerRoles(claim);
    }

    @Bean
    SecurityWebFilterChain access(ServerHttpSecurity http, ServerCodecConfigurer codecs, CallerRoles roles,
            ReactiveClientRegistrationRepository registrations, ReactiveJwtDecoder bearerTokens,
            @Value("${planwatch.security.end-session-uri:}") String endSessionUri) {
        Problems problems = new Problems(codecs);
        ServerAuthenticationEntryPoint tokenRequired = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "this needs a valid bearer access token or a signed-in session: " + e.getMessage());
        };
        DefaultServerOAuth2AuthorizationRequestResolver signIn = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        signIn.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(ADMINISTRATOR)
                        // The gateway's own breakers are on it: the gateway checks the role, not the services.
                        .pathMatchers("/console/control-room", "/console/control-room/**").hasRole(ADMINISTRATOR)
                        // The link in every reminder: its signature is the proof, as in notification-service.
                        .pathMatchers("/api/notifications/unsubscribe").permitAll()
                        // Leads read plans and the directory and report on their own actions (plan-service checks
                        // which actions are theirs); the rest of plan-service is the administrators'.
                        .pathMatchers(GET, "/api/plans", "/api/plans/**", "/api/actions", "/api/actions/**",
                                "/api/leads", "/api/leads/**").hasAnyRole(ADMINISTRATOR, LEAD)
                        .pathMatchers(PUT, "/api/actions/*/status", "/api/actions/*/rag", "/api/actions/*/due-date")
                                .hasAnyRole(ADMINISTRATOR, LEAD)
                        .pathMatchers(PATCH, "/api/actions/*").hasAnyRole(ADMINISTRATOR, LEAD)
                        .pathMatchers("/api/plans", "/api/plans/**", "/api/actions", "/api/actions/**",
                                "/api/leads", "/api/leads/**").hasRole(ADMINISTRATOR)
                        // A lead's own mail log and preferences (notification-service checks whose).
                        .pathMatchers(GET, "/api/notifications", "/api/notifications/preferences/*",
                                "/api/notifications/plans/*/reminder-policy").hasAnyRole(ADMINISTRATOR, LEAD)
                        .pathMatchers(PUT, "/api/notifications/preferences/*").hasAnyRole(ADMINISTRATOR, LEAD)
                        .pathMatchers("/api/notifications", "/api/notifications/**").hasRole(ADMINISTRATOR)
                        // Partner systems read and publish their own organisation's measures.
                        .pathMatchers(GET, "/api/measures", "/api/measures/**").hasAnyRole(ADMINISTRATOR, PARTNER)
                        .pathMatchers(POST, "/api/measures/*/data-points", "/api/measures/data-points")
                                .hasAnyRole(ADMINISTRATOR, PARTNER)
                        .pathMatchers("/api/measures", "/api/measures/**").hasRole(ADMINISTRATOR)
                        .pathMatchers("/me").authenticated()
                        // The console's look (GOV.UK Frontend) and the page that says you have signed out.
                        .pathMatchers(GET, "/webjars/**", "/assets/**", "/console/static/**", "/console/signed-out",
                                "/favicon.ico").permitAll()
                        // Every page decides for itself what its viewer may see; the services decide again.
                        .pathMatchers("/", "/console", "/console/**").authenticated()
                        // The whole API's reference, as any public API publishes its own.
                        .pathMatchers(GET, "/v3/api-docs").permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(new RememberedTokens(bearerTokens, Clock.systemUTC()))
                                .jwtAuthenticationConverter(token -> Mono.just(
                                new JwtAuthenticationToken(token, roles.authorities(token.getClaims()), token.getSubject()))))
                        .authenticationEntryPoint(tokenRequired)
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                                "Not allowed", "your role does not allow " + exchange.getRequest().getMethod() + " "
                                        + exchange.getRequest().getPath().value())))
                .securityContextRepository(SessionCookieOnly.securityContexts())
                .requestCache(cache -> cache.requestCache(SessionCookieOnly.requestCache()))
                .oauth2Login(login -> login
                        .authorizationRequestResolver(signIn)
                        // Back to the page that asked for sign-in (an email's link to an action), else the console.
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/console")))
                .logout(logout -> logout
                        .logoutUrl("/console/sign-out")
                        .logoutSuccessHandler(signedOut(endSessionUri)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst(tokenRequired))
                        // A person's browser gets the console's page saying so; a program gets problem+json.
                        .accessDeniedHandler((exchange, e) -> browserPage().matches(exchange).flatMap(match ->
                                match.isMatch() ? Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))
                                        : problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                        "your role does not allow " + exchange.getRequest().getMethod() + " "
                                                + exchange.getRequest().getPath().value()))))
                // A forged cross-site request can only ride on a signed-in browser's session cookie; bearer tokens
                // and cookie-less calls carry nothing a third site could borrow.
                .csrf(csrf -> csrf.csrfTokenRequestHandler(tokenAlsoInUploads()).requireCsrfProtectionMatcher(exchange -> {
                    var request = exchange.getRequest();
                    boolean needed = !SAFE.contains(request.getMethod())
                            && SessionCookieOnly.carriesSession(request)
                            && !request.getHeaders().containsHeader("Authorization")
                            && !request.getPath().value().equals("/api/notifications/unsubscribe");
                    return needed ? MatchResult.match() : MatchResult.notMatch();
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .cors(cors -> { })
                .build();
    }

    /**
     * Signing out ends the provider's session too (OpenID Connect RP-initiated logout), so that the next person at a
     * shared council laptop must give their own password; the provider sends the browser back to "signed out".
     */
    private static ServerLogoutSuccessHandler signedOut(String endSessionUri) {
        RedirectServerLogoutSuccessHandler here = new RedirectServerLogoutSuccessHandler();
        here.setLogoutSuccessUrl(URI.create("/console/signed-out"));
        return (exchange, authentication) -> {
            if (StringUtils.hasText(endSessionUri) && authentication instanceof OAuth2AuthenticationToken session
                    && session.getPrincipal() instanceof OidcUser person) {
                URI signedOutPage = UriComponentsBuilder.fromUri(exchange.getExchange().getRequest().getURI())
                        .replacePath("/console/signed-out").replaceQuery(null).build().toUri();
                URI endSession = UriComponentsBuilder.fromUriString(endSessionUri)
                        .queryParam("id_token_hint", person.getIdToken().getTokenValue())
                        .queryParam("post_logout_redirect_uri", signedOutPage)
                        .encode().build().toUri();
                return new DefaultServerRedirectStrategy().sendRedirect(exchange.getExchange(), endSession);
            }
            return here.onLogoutSuccess(exchange, authentication);
        };
    }

    /** A person's browser asking for a page is sent to sign in; a program is told 401. */
    private static ServerAuthenticationEntryPoint signInFirst(ServerAuthenticationEntryPoint tokenRequired) {
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(browserPage(),
                        new RedirectServerAuthenticationEntryPoint(SIGN_IN)));
        entryPoint.setDefaultEntryPoint(tokenRequired);
        return entryPoint;
    }

    private static ServerWebExchangeMatcher browserPage() {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return exchange -> "XMLHttpRequest".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"))
                ? MatchResult.notMatch() : html.matches(exchange);
    }

    /** People signed in through a browser get planwatch's roles from their ID token, as programs do from theirs. */
    @Bean
    GrantedAuthoritiesMapper rolesFromTheIdToken(CallerRoles roles) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(roles.authorities(oidc.getIdToken().getClaims()));
                    if (oidc.getUserInfo() != null) {
                        mapped.addAll(roles.authorities(oidc.getUserInfo().getClaims()));
                    }
                } else if (authority instanceof OAuth2UserAuthority user) {
                    mapped.addAll(roles.authorities(user.getAttributes()));
                }
            }
            return mapped;
        };
    }

    /** Cross-origin calls only from the console's own origin, when it is served from another one. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${planwatch.console.origin:}") String consoleOrigin) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (StringUtils.hasText(consoleOrigin)) {
            CorsConfiguration console = new CorsConfiguration();
            console.setAllowedOrigins(List.of(consoleOrigin));
            console.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            console.setAllowedHeaders(List.of("Content-Type", "If-Match", "X-XSRF-TOKEN"));
            console.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
            console.setAllowCredentials(true);
            source.registerCorsConfiguration("/**", console);
        }
        return source;
    }

    /** The console's upload form (multipart) carries its token as a form field, as every other form does. */
    private static XorServerCsrfTokenRequestAttributeHandler tokenAlsoInUploads() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }
}
