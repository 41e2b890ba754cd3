package org.planwatch.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwatch.gateway.StubService;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of real HTTP servers standing in for the three services, called with real signed tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhoMayDoWhatThroughTheGatewayIT {

    static final StubService services = new StubService();
    static final TestIssuer issuer = TestIssuer.shared();
    static final String CONSOLE = "https://console.carers.example.org";
    static final String ADMINISTRATOR = issuer.administrator("Doncaster");
    static final String LEAD = issuer.lead("jo.bloggs@doncaster.gov.uk", "Doncaster");
    static final String PARTNER = issuer.partner("carers-centre-feed", "Carers Centre");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        issuer.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("planwatch.services.plan", services::url);
        registry.add("planwatch.services.measure", services::url);
        registry.add("planwatch.services.notification", services::url);
        registry.add("planwatch.console.origin", () -> CONSOLE);
    }

    @LocalServerPort
    int port;

    HttpJson gateway() {
        return new HttpJson("http://localhost:" + port);
    }

    static List<Arguments> brokenTokens() {
        return List.of(
                Arguments.of("expired", issuer.token("admin").roles("ADMINISTRATOR").expiredAgo(Duration.ofMinutes(2)).sign()),
                Arguments.of("not yet valid", issuer.token("admin").roles("ADMINISTRATOR")
                        .validFrom(Instant.now().plus(Duration.ofMinutes(10))).sign()),
                Arguments.of("wrong issuer", issuer.token("admin").roles("ADMINISTRATOR").issuer("https://evil.example.org").sign()),
                Arguments.of("wrong audience", issuer.token("admin").roles("ADMINISTRATOR").audience("someone-else").sign()),
                Arguments.of("alg=none", issuer.token("admin").roles("ADMINISTRATOR").unsigned()),
                Arguments.of("HS256 keyed with the public key", issuer.token("admin").roles("ADMINISTRATOR").hs256WithThePublicKey()),
                Arguments.of("unknown key id", issuer.token("admin").roles("ADMINISTRATOR").signWithUnknownKeyId()),
                Arguments.of("signed by a stranger's key", issuer.token("admin").roles("ADMINISTRATOR").signedByStranger().sign()),
                Arguments.of("tampered", issuer.token("lead").roles("LEAD").tampered()),
                Arguments.of("not a token", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTokens")
    void aBrokenTokenIs401AndNeverReachesAService(String why, String token) {
        int before = services.requests();

        HttpJson.Response response = gateway().as(token).put("/api/actions/a1/status", Map.of("status", "x"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(services.requests()).as("reached a service").isEqualTo(before);
    }

    @Test
    void noTokenAtAllIs401ForAProgramAndNeverReachesAService() {
        int before = services.requests();

        assertThat(gateway().delete("/api/plans/p1").status()).isEqualTo(401);
        assertThat(gateway().post("/api/actions", Map.of("title", "x")).status()).isEqualTo(401);
        assertThat(gateway().get("/api/measures").status()).isEqualTo(401);
        assertThat(services.requests()).isEqualTo(before);
    }

    static List<Arguments> whoMayCallWhat() {
        return List.of(
                // plan-service: leads read and report on actions; the rest is the administrators'.
                Arguments.of("GET", "/api/plans/p1", 200, 200, 403),
                Arguments.of("GET", "/api/actions?overdue=true", 200, 200, 403),
                Arguments.of("PUT", "/api/actions/a1/status", 200, 200, 403),
                Arguments.of("PUT", "/api/actions/a1/rag", 200, 200, 403),
                Arguments.of("PUT", "/api/actions/a1/due-date", 200, 200, 403),
                Arguments.of("PATCH", "/api/actions/a1", 200, 200, 403),
                Arguments.of("POST", "/api/actions", 200, 403, 403),
                Arguments.of("DELETE", "/api/plans/p1", 200, 403, 403),
                Arguments.of("POST", "/api/leads", 200, 403, 403),
                Arguments.of("GET", "/api/leads", 200, 200, 403),
                // notification-service: a lead's own log and preferences; scans, retries and policies are not theirs.
                Arguments.of("GET", "/api/notifications", 200, 200, 403),
                Arguments.of("PUT", "/api/notifications/preferences/jo.bloggs@doncaster.gov.uk", 200, 200, 403),
                Arguments.of("POST", "/api/notifications/reminders/scan", 200, 403, 403),
                Arguments.of("PUT", "/api/notifications/plans/p1/reminder-policy", 200, 403, 403),
                // measure-service: partner systems read and publish; defining measures is the administrators'.
                Arguments.of("GET", "/api/measures", 200, 403, 200),
                Arguments.of("POST", "/api/measures/carers-supported/data-points", 200, 403, 200),
                Arguments.of("POST", "/api/measures", 200, 403, 403),
                // the gateway's own administration
                Arguments.of("GET", "/actuator/gateway/routes", 200, 403, 403),
                Arguments.of("GET", "/actuator/metrics", 200, 403, 403),
                Arguments.of("GET", "/actuator/circuitbreakers", 200, 403, 403),
                // nothing that is not named
                Arguments.of("GET", "/fallback/plan-service", 403, 403, 403),
                Arguments.of("GET", "/somewhere/else", 403, 403, 403));
    }

    @ParameterizedTest(name = "{0} {1}: administrator {2}, lead {3}, partner {4}")
    @MethodSource("whoMayCallWhat")
    void eachRoleReachesOnlyItsOwnRoutes(String method, String path, int administrator, int lead, int partner) {
        Map<String, Integer> expected = Map.of(ADMINISTRATOR, administrator, LEAD, lead, PARTNER, partner);
        expected.forEach((token, status) -> {
            int before = services.requests();
            HttpJson.Response response = gateway().as(token).send(method, path,
                    method.equals("GET") || method.equals("DELETE") ? null : Map.of("any", "thing"));

            assertThat(response.status()).as("%s %s", method, path).isEqualTo(status);
            if (status == 403) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(services.requests()).as("a refused call reached a service").isEqualTo(before);
            }
        });
    }

    @Test
    void aPathWithAnEncodedNullIsRefusedWithProblemJsonAndNeverReachesAService() {
        int before = services.requests();

        HttpJson.Response refused = gateway().as(ADMINISTRATOR).get("/api/actions/%00");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("$.detail")).startsWith("path: ").contains("%00");
        assertThat(services.requests()).isEqualTo(before);
    }

    @Test
    void healthIsOpenToAllAndTheUnsubscribeLinkNeedsNoSignIn() {
        assertThat(gateway().get("/actuator/health").status()).isEqualTo(200);
        assertThat(gateway().get("/actuator/health").body()).doesNotContain("components");
        assertThat(gateway().get("/api/notifications/unsubscribe?token=abc").status()).isEqualTo(200);
    }

    @Test
    void theCallersTokenIsRelayedAndTheGatewaysSessionCookieIsNot() {
        gateway().as(LEAD).get("/api/actions", "Cookie", "SESSION=abc123");

        assertThat(services.last().headers().getFirst("Authorization")).isEqualTo("Bearer " + LEAD);
        assertThat(services.last().headers().getFirst("Cookie")).isNull();
    }

    @Test
    void aCallerCanAskWhoTheGatewayTakesThemToBe() {
        HttpJson.Response me = gateway().as(LEAD).get("/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("$.subject")).isEqualTo("jo.bloggs@doncaster.gov.uk");
        assertThat(me.list("$.roles")).containsExactly("LEAD");
        assertThat(me.at("$.partnership")).isEqualTo("Doncaster");
    }

    @Test
    void aBurstFromOneCallerIsToldToWaitWith429AndRetryAfterAndNeverGetsA5xx() throws Exception {
        HttpJson busyScript = gateway().as(issuer.token("busy-script").roles("ADMINISTRATOR").sign());
        var callers = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<HttpJson.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            calls.add(callers.submit(() -> busyScript.get("/api/leads")));
        }
        List<HttpJson.Response> answers = new ArrayList<>();
        for (var call : calls) {
            answers.add(call.get());
        }
        callers.shutdown();

        assertThat(answers).extracting(HttpJson.Response::status).containsOnly(200, 429).contains(429);
        HttpJson.Response refused = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("$.detail")).contains("try again after " + refused.header("Retry-After") + " s");
        assertThat(gateway().as(LEAD).get("/api/leads").status()).as("another caller is not held back").isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItReachesAService() {
        int before = services.requests();

        HttpJson.Response response = gateway().as(ADMINISTRATOR).post("/api/plans", "x".repeat(2 * 1024 * 1024));

        assertThat(response.status()).isEqualTo(413);
        assertThat(services.requests()).isEqualTo(before);
    }

    @Test
    void aBodyStreamedWithoutItsLengthIsRefusedWith413OnceItPassesTheLimitAndNeverReachesAService() {
        int before = services.requests();

        HttpJson.Response tooBig = gateway().as(ADMINISTRATOR).postStreamed("/api/plans",
                "x".repeat(2 * 1024 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpJson.Response small = gateway().as(ADMINISTRATOR).postStreamed("/api/plans",
                "{\"title\":\"Streamed\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(tooBig.at("$.title")).isEqualTo("Request too large");
        assertThat(small.status()).as("a small streamed body is passed on").isLessThan(300);
        assertThat(services.requests()).isEqualTo(before + 1);
    }

    @Test
    void aPlanDocumentMayBeBiggerThanAJsonBodyButNotWithoutLimit() {
        int before = services.requests();

        HttpJson.Response document = gateway().as(ADMINISTRATOR).upload("/api/plans/imports", "plan.tsv",
                new byte[3 * 1024 * 1024]);
        HttpJson.Response tooBig = gateway().as(ADMINISTRATOR).upload("/api/plans/imports", "plan.tsv",
                new byte[11 * 1024 * 1024]);

        assertThat(document.status()).as("a 3 MB document reaches plan-service").isEqualTo(200);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(services.requests()).isEqualTo(before + 1);
        assertThat(gateway().as(LEAD).upload("/api/plans/imports", "plan.tsv", new byte[10]).status())
                .as("imports are the administrators'").isEqualTo(403);
    }

    @Test
    void aPartnersBatchOfFiguresMayBeBiggerThanAJsonBodyButNotWithoutLimit() {
        int before = services.requests();

        HttpJson.Response batch = gateway().as(PARTNER).post("/api/measures/data-points",
                "{\"items\":[\"" + "x".repeat(2 * 1024 * 1024) + "\"]}");
        HttpJson.Response tooBig = gateway().as(PARTNER).post("/api/measures/data-points",
                "{\"items\":[\"" + "x".repeat(5 * 1024 * 1024) + "\"]}");

        assertThat(batch.status()).as("a 2 MB batch reaches measure-service").isEqualTo(200);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(services.requests()).isEqualTo(before + 1);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersOnce() {
        HttpJson.Response response = gateway().as(ADMINISTRATOR).get("/api/plans");

        assertThat(response.raw().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.raw().headers().allValues("Content-Security-Policy")).hasSize(1)
                .allMatch(policy -> policy.contains("frame-ancestors 'none'"));
        assertThat(response.raw().headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void onlyTheConsolesOriginMayCallAcrossOrigins() throws Exception {
        Function<String, HttpResponse<String>> preflight = origin -> send(HttpRequest.newBuilder(url("/api/actions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "PUT").build(), HttpClient.newHttpClient());

        assertThat(preflight.apply(CONSOLE).headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
        HttpResponse<String> stranger = preflight.apply("https://evil.example.org");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aBrowserIsSentToSignInWithPkceAndNeverGivenAToken() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/api/actions")).header("Accept", "text/html").build(), browser);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/oauth2/authorization/planwatch");
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> signIn = send(HttpRequest.newBuilder(url("/oauth2/authorization/planwatch")).build(), browser);
        String issuerPage = signIn.headers().firstValue("Location").orElseThrow();
        assertThat(issuerPage).startsWith(issuer.issuer() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=planwatch-gateway", "code_challenge=",
                        "code_challenge_method=S256", "scope=openid")
                .doesNotContain("code_verifier");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request, HttpClient client) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        services.stop();
    }
}
