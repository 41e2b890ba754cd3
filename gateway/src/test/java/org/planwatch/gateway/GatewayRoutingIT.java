package org.planwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of a real HTTP server standing in for plan-service, and of a port nobody listens on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    static final StubService planService = new StubService();
    static final String ADMINISTRATOR = TestIssuer.shared().administrator("Doncaster");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("planwatch.services.plan", planService::url);
        registry.add("planwatch.services.measure", planService::url);
        registry.add("planwatch.services.notification", () -> "http://127.0.0.1:1");
        // Two instances of plan-service, as with replicas: one that has just died (nothing listens) and one that works.
        registry.add("spring.cloud.discovery.client.simple.instances.plan-service[0].uri", () -> "http://127.0.0.1:1");
        registry.add("spring.cloud.discovery.client.simple.instances.plan-service[1].uri",
                planService::url);
        // Shorter than the 30 s in force, so that a service that hangs is given up on within the test's patience.
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "3s");
    }

    @LocalServerPort
    int port;

    @Test
    void actionRequestsReachPlanServiceWithTheirPathQueryAndHeaders() {
        HttpJson.Response response = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR)
                .get("/api/actions?overdue=true", "If-Match", "\"3\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("$.served")).isEqualTo("plan-service");
        assertThat(planService.last().method() + " " + planService.last().uri()).isEqualTo("GET /api/actions?overdue=true");
        assertThat(planService.last().headers().getFirst("If-Match")).isEqualTo("\"3\"");
        assertThat(planService.last().headers().getFirst("Authorization")).as("the caller's token, relayed")
                .isEqualTo("Bearer " + ADMINISTRATOR);
    }

    @Test
    void aCallersTraceContinuesIntoTheServiceAsAChildOfTheGatewaysSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";

        new HttpJson("http://localhost:" + port).as(ADMINISTRATOR)
                .get("/api/actions", "traceparent", "00-" + traceId + "-" + callersSpan + "-01");

        String[] passedOn = planService.last().headers().getFirst("traceparent").split("-");
        assertThat(passedOn[1]).as("the same trace").isEqualTo(traceId);
        assertThat(passedOn[2]).as("the gateway's own span, not the caller's").matches("[0-9a-f]{16}").isNotEqualTo(callersSpan);
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheServiceContinues() {
        new HttpJson("http://localhost:" + port).as(ADMINISTRATOR).get("/api/actions");

        assertThat(planService.last().headers().getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void manyRequestsAtOnceToABusyServiceAllReachItAndNoneIsTurnedAwayWith503() throws Exception {
        var callers = java.util.concurrent.Executors.newFixedThreadPool(60);
        java.util.List<java.util.concurrent.Future<HttpJson.Response>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(callers.submit(() -> new HttpJson("http://localhost:" + port).as(ADMINISTRATOR)
                    .get("/api/measures?slow=200")));
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var call : calls) {
            statuses.add(call.get().status());
        }
        callers.shutdown();

        assertThat(statuses).as("60 at once, under the rate limit: the gateway holds none back").containsOnly(200);
    }

    @Test
    void aServiceThatDoesNotAnswerGivesAFast503ProblemNamingIt() {
        long start = System.nanoTime();
        HttpJson.Response response = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR).get("/api/notifications");

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("$.service")).isEqualTo("notification-service");
        HttpJson.Response change = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR)
                .post("/api/notifications/reminders/scan", "{}");
        assertThat(change.status()).isEqualTo(503);
        assertThat(change.at("$.detail")).as("refused: it never reached the service")
                .contains("nothing was changed");
    }

    @Test
    void aSlowAnswerSuchAsAWholePlanExportIsWaitedForNotCutOffAfterTheLibrarysOneSecond() {
        HttpJson.Response response = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR).get("/api/plans/p1/export.xlsx?slow=2000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("$.served")).isEqualTo("plan-service");
    }

    @Test
    void aServiceThatHangsIsGivenUpOnAfterItsRoutesResponseTimeoutWithA503SayingWhetherAChangeMayHaveBeenMade() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR);
        long start = System.nanoTime();
        HttpJson.Response read = http.get("/api/actions?slow=6000");
        java.time.Duration waited = java.time.Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isBetween(java.time.Duration.ofMillis(2900), java.time.Duration.ofMillis(5500));
        assertThat(read.status()).isEqualTo(503);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.at("$.service")).isEqualTo("plan-service");
        assertThat(read.at("$.detail")).contains("nothing was changed");
        HttpJson.Response change = http.post("/api/plans?slow=6000", "{}");
        assertThat(change.status()).isEqualTo(503);
        assertThat(change.at("$.detail")).as("it reached the service").contains("may have been made");
    }

    @Test
    void manyRefusedRequestsDoNotOpenTheCircuitForEveryoneElse() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR);
        for (int i = 0; i < 30; i++) {
            assertThat(http.get("/api/leads/unknown?status=404").status()).isEqualTo(404);
        }

        assertThat(http.get("/api/actions").status()).isEqualTo(200);
    }

    @Test
    void aRequestToAnInstanceThatRefusesConnectionsGoesToTheNextButOneThatReachedAServiceIsNeverRepeated() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR);
        for (int i = 0; i < 4; i++) {
            int before = planService.requests();
            assertThat(http.put("/api/actions/a" + i + "/status", "{\"status\": \"x\"}").status()).isEqualTo(200);
            assertThat(planService.requests() - before).as("reached plan-service once").isEqualTo(1);
        }

        int before = planService.requests();
        assertThat(http.post("/api/plans?status=500", "{}").status()).isEqualTo(500);
        assertThat(planService.requests() - before).as("a failure inside a service is not sent again").isEqualTo(1);
    }

    @Test
    void withOneOfTwoInstancesDeadManyRequestsAtOnceAllReachTheLiveOne() throws Exception {
        var callers = java.util.concurrent.Executors.newFixedThreadPool(40);
        java.util.List<java.util.concurrent.Future<HttpJson.Response>> calls = new java.util.ArrayList<>();
        String caller = TestIssuer.shared().administrator("Replicas Partnership");
        for (int i = 0; i < 90; i++) {
            calls.add(callers.submit(() -> new HttpJson("http://localhost:" + port).as(caller).get("/api/actions")));
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var call : calls) {
            statuses.add(call.get().status());
        }
        callers.shutdown();

        assertThat(statuses).as("none sent to the dead instance three times over").containsOnly(200);
    }

    @Test
    void administratorsCanListTheRoutes() {
        HttpJson.Response routes = new HttpJson("http://localhost:" + port).as(ADMINISTRATOR).get("/actuator/gateway/routes");

        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.body()).contains("plan-service").contains("measure-service").contains("notification-service");
    }

    @AfterAll
    static void stop() {
        planService.stop();
    }
}
