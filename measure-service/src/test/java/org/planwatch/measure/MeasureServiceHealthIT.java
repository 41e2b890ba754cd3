package org.planwatch.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeasureServiceHealthIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void reportsUpWithItsDatabaseReachable() {
        HttpJson.Response health = new HttpJson("http://localhost:" + port).get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.at("$.status")).isEqualTo("UP");
        assertThat(health.at("$.components.mongo.status")).isEqualTo("UP");
    }
}
