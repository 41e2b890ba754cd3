package org.planwatch.local.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/** The authorization server: its endpoints, sign-in page, people, clients, signing key and the claims it issues. */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);

    /** The OAuth2 and OpenID Connect endpoints; a person not yet signed in is sent to the sign-in page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The administrators' partner-client API: a bearer token of this issuer with the role ADMINISTRATOR, checked
     * against the issuer's own keys; no session, no sign-in page.
     */
    @Bean
    @Order(0)
    SecurityFilterChain partnerClientAdministration(HttpSecurity http, JWKSource<SecurityContext> keys,
                                                    DemoDirectory directory) throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(directory.url()));
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        return http.securityMatcher("/admin/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMINISTRATOR"))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)
                        .jwtAuthenticationConverter(authentication)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The sign-in page; health is open so the local stack can tell the issuer is up. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService people(DemoDirectory directory, PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(directory.people().stream()
                .map(person -> User.withUsername(person.username()).password(passwords.encode(person.password()))
                        .roles(person.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(DemoDirectory directory, PasswordEncoder passwords, PartnerClients partners) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build();
        List<RegisteredClient> clients = new ArrayList<>();
        DemoDirectory.Gateway gateway = directory.gateway();
        clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(gateway.clientId())
                .clientSecret(passwords.encode(gateway.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(gateway.url() + "/login/oauth2/code/planwatch")
                .postLogoutRedirectUri(gateway.url() + "/console/signed-out")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                // The gateway is a confidential client and still proves it started the sign-in (PKCE).
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build());
        for (DemoDirectory.Program program : directory.programs()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(program.clientId())
                    .clientSecret(passwords.encode(program.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        InMemoryRegisteredClientRepository configured = new InMemoryRegisteredClientRepository(clients);
        // Then the partner systems administrators added, looked up as they ask for tokens.
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                configured.save(client);
            }

            @Override
            public RegisteredClient findById(String id) {
                RegisteredClient found = configured.findById(id);
                return found != null || !id.startsWith(PARTNER_ID) ? found
                        : findByClientId(id.substring(PARTNER_ID.length()));
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                RegisteredClient found = configured.findByClientId(clientId);
                return found != null ? found : partners.find(clientId).map(partner -> RegisteredClient
                        .withId(PARTNER_ID + partner.clientId()).clientId(partner.clientId())
                        .clientSecret(partner.secretHash())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokens).build()).orElse(null);
            }
        };
    }

    private static final String PARTNER_ID = "partner:";

    @Bean
    JWKSource<SecurityContext> signingKeys(DemoDirectory directory) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(directory.keyFile())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(DemoDirectory directory) {
        return AuthorizationServerSettings.builder().issuer(directory.url()).build();
    }

    /**
     * Every access token is for planwatch (its audience) and says who holds it: a person's email, roles and
     * partnership, or a program's roles and organisation. ID tokens say the same, for the gateway's sessions.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> planwatchClaims(DemoDirectory directory, PartnerClients partners) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (accessToken) {
                context.getClaims().audience(List.of(directory.audience()));
            }
            Map<String, Object> claims = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                    ? directory.program(context.getRegisteredClient().getClientId()).map(DemoDirectory::claims)
                    .or(() -> partners.find(context.getRegisteredClient().getClientId()).map(partner -> Map.<String,
                            Object>of("roles", List.of("PARTNER"), "organisation", partner.organisation(),
                            "partnership", partner.partnership())))
                    .orElse(Map.of())
                    : directory.person(context.getPrincipal().getName()).map(DemoDirectory::claims).orElse(Map.of());
            claims.forEach(context.getClaims()::claim);
        };
    }

    /** Writes who may sign in, for the local stack to print when it starts. */
    @EventListener(ApplicationReadyEvent.class)
    void writeSummary(ApplicationReadyEvent ready) {
        DemoDirectory directory = ready.getApplicationContext().getBean(DemoDirectory.class);
        if (directory.summaryFile() == null || directory.summaryFile().isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("  Sign in at " + directory.gateway().url() + "/me as (password after the slash):");
        directory.people().forEach(person -> lines.add("    %-34s / %-10s %s, %s".formatted(person.username(),
                person.password(), String.join(",", person.roles()), person.partnership())));
        lines.add("  Programs (client credentials, curl -u id:secret " + directory.url() + "/oauth2/token -d grant_type=client_credentials):");
        directory.programs().forEach(program -> lines.add("    %-34s : %-20s %s, %s".formatted(program.clientId(),
                program.secret(), String.join(",", program.roles()), program.description())));
        try {
            Path file = Path.of(directory.summaryFile());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
