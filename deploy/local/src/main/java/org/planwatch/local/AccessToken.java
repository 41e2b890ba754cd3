package org.planwatch.local;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A program's access token from the issuer (the client-credentials grant), fetched again a minute before it
 * expires: what the demo loader and the fault suite call the gateway with, as a partner system would.
 */
final class AccessToken {

    /** The local issuer's client for scripts acting as the demo partnership's administrator. */
    static final String ADMIN_SCRIPT = "planwatch-admin-script";
    static final String ADMIN_SCRIPT_SECRET = "local-admin-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** After a crash the issuer is started again, and is back within seconds. */
    private static final Retry WHILE_THE_ISSUER_RESTARTS = Retry.of("issuer", RetryConfig.custom().maxAttempts(60)
            .waitDuration(Duration.ofSeconds(1)).retryExceptions(IOException.class).build());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String basic;
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessToken(String issuer, String clientId, String secret) {
        this.tokenEndpoint = URI.create(issuer + "/oauth2/token");
        this.basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static AccessToken administratorScript(String issuer) {
        return new AccessToken(issuer, ADMIN_SCRIPT, ADMIN_SCRIPT_SECRET);
    }

    /** The second partnership's (Doncaster's) administrators' script client. */
    static AccessToken doncasterAdministratorScript(String issuer) {
        return new AccessToken(issuer, "doncaster-admin-script", "local-doncaster-secret");
    }

    /** The {@code Authorization} header's value. */
    synchronized String bearer() {
        if (Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response;
        try {
            response = WHILE_THE_ISSUER_RESTARTS.executeCallable(
                    () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException("the issuer at " + tokenEndpoint + " did not answer", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the issuer refused a token: " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        token = answer.get("access_token").asString();
        renewAt = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(300) - 60));
    }
}
