package org.planwatch.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.gateway.GatewayApplication;
import org.planwatch.gateway.StubService;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances given the same Redis hold one caller to one limit between them, where each would otherwise
 * allow the full rate; with Redis gone, callers are let through rather than refused. Runs against a real Redis
 * (Debian's redis-server, which .ci/run installs); skips where there is none.
 */
class SharedRateLimitIT {

    static final StubService services = new StubService();
    static final TestIssuer issuer = TestIssuer.shared();

    final List<ConfigurableApplicationContext> gateways = new ArrayList<>();
    Process redis;

    @AfterEach
    void stop() {
        gateways.forEach(ConfigurableApplicationContext::close);
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Test
    void twoGatewaysSharingRedisHoldACallerToOneLimitAndLetCallersThroughWhenRedisIsGone() throws Exception {
        int redisPort = startRedis();
        HttpJson first = new HttpJson(start("redis://127.0.0.1:" + redisPort));
        HttpJson second = new HttpJson(start("redis://127.0.0.1:" + redisPort));
        String script = issuer.token("shared-script").roles("ADMINISTRATOR").sign();

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(first.as(script).get("/api/leads").status());
        }
        List<HttpJson.Response> fromTheOther = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fromTheOther.add(second.as(script).get("/api/leads"));
        }

        assertThat(answers).as("the burst of 4, from one instance").containsOnly(200);
        assertThat(fromTheOther).extracting(HttpJson.Response::status)
                .as("the other instance knows the bucket is empty (one token may have come back meanwhile)")
                .isSubsetOf(200, 429).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(2);
        HttpJson.Response refused = fromTheOther.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(second.as(issuer.token("another-script").roles("ADMINISTRATOR").sign()).get("/api/leads")
                .status()).as("another caller has a bucket of their own").isEqualTo(200);

        redis.destroyForcibly().waitFor();
        assertThat(second.as(issuer.token("third-script").roles("ADMINISTRATOR").sign()).get("/api/leads")
                .status()).as("Redis gone: let through, not refused").isEqualTo(200);
    }

    private int startRedis() throws Exception {
        Path server = Path.of("/usr/bin/redis-server");
        assumeTrue(Files.isExecutable(server), "Debian's redis-server is not installed (apt-get install redis-server)");
        int port = freePort();
        redis = new ProcessBuilder(server.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await("redis-server listening on " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> {
                    new Socket("127.0.0.1", port).close();
                    return true;
                });
        return port;
    }

    private String start(String redisUri) {
        Map<String, Object> properties = new HashMap<>(issuer.properties());
        properties.put("server.port", "0");
        properties.put("planwatch.services.plan", services.url());
        properties.put("planwatch.services.measure", services.url());
        properties.put("planwatch.services.notification", services.url());
        properties.put("planwatch.rate-limit.capacity", "4");
        properties.put("planwatch.rate-limit.per-second", "1");
        properties.put("planwatch.rate-limit.redis-uri", redisUri);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
        gateways.add(gateway);
        return "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
