package org.planwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of a real HTTP server standing in for plan-service, and of a port nobody listens on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    static final AtomicReference<String> lastRequest = new AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    static final HttpServer planService = start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("planwatch.services.plan", () -> "http://127.0.0.1:" + planService.getAddress().getPort());
        registry.add("planwatch.services.notification", () -> "http://127.0.0.1:1");
        // Two instances of plan-service, as with replicas: one that has just died (nothing listens) and one that works.
        registry.add("spring.cloud.discovery.client.simple.instances.plan-service[0].uri", () -> "http://127.0.0.1:1");
        registry.add("spring.cloud.discovery.client.simple.instances.plan-service[1].uri",
                () -> "http://127.0.0.1:" + planService.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Test
    void actionRequestsReachPlanServiceWithTheirPathQueryAndHeaders() {
        HttpJson.Response response = new HttpJson("http://localhost:" + port)
                .get("/api/actions?overdue=true", "If-Match", "\"3\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("$.served")).isEqualTo("plan-service");
        assertThat(lastRequest.get()).isEqualTo("GET /api/actions?overdue=true If-Match=\"3\"");
    }

    @Test
    void aServiceThatDoesNotAnswerGivesA503ProblemNamingIt() {
        HttpJson.Response response = new HttpJson("http://localhost:" + port).get("/api/notifications");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("$.service")).isEqualTo("notification-service");
    }

    @Test
    void aSlowAnswerSuchAsAWholePlanExportIsWaitedForNotCutOffAfterTheLibrarysOneSecond() {
        HttpJson.Response response = new HttpJson("http://localhost:" + port).get("/api/plans/p1/export.xlsx?slow=2000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("$.served")).isEqualTo("plan-service");
    }

    @Test
    void manyRefusedRequestsDoNotOpenTheCircuitForEveryoneElse() {
        HttpJson http = new HttpJson("http://localhost:" + port);
        for (int i = 0; i < 30; i++) {
            assertThat(http.get("/api/leads/unknown?status=404").status()).isEqualTo(404);
        }

        assertThat(http.get("/api/actions").status()).isEqualTo(200);
    }

    @Test
    void aRequestToAnInstanceThatRefusesConnectionsGoesToTheNextButOneThatReachedAServiceIsNeverRepeated() {
        HttpJson http = new HttpJson("http://localhost:" + port);
        for (int i = 0; i < 4; i++) {
            int before = requests.get();
            assertThat(http.put("/api/actions/a" + i + "/status", "{\"status\": \"x\"}").status()).isEqualTo(200);
            assertThat(requests.get() - before).as("reached plan-service once").isEqualTo(1);
        }

        int before = requests.get();
        assertThat(http.post("/api/plans?status=500", "{}").status()).isEqualTo(500);
        assertThat(requests.get() - before).as("a failure inside a service is not sent again").isEqualTo(1);
    }

    @Test
    void administratorsCanListTheRoutes() {
        HttpJson.Response routes = new HttpJson("http://localhost:" + port).get("/actuator/gateway/routes");

        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.body()).contains("plan-service").contains("measure-service").contains("notification-service");
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " If-Match="
                        + exchange.getRequestHeaders().getFirst("If-Match"));
                String query = String.valueOf(exchange.getRequestURI().getQuery());
                if (query.startsWith("slow=")) {
                    try {
                        Thread.sleep(Long.parseLong(query.substring(5)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int status = query.startsWith("status=") ? Integer.parseInt(query.substring(7)) : 200;
                byte[] body = "{\"served\":\"plan-service\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        planService.stop(0);
    }
}
