package org.planwatch.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeasureServiceHealthIT {

    @LocalServerPort
    int port;

    @Test
    void reportsUpWithItsDatabaseReachable() {
        HttpJson.Response health = new HttpJson("http://localhost:" + port)
                .as(TestIssuer.shared().administrator("Perth and Kinross")).get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.at("$.status")).isEqualTo("UP");
        assertThat(health.at("$.components.mongo.status")).isEqualTo("UP");
    }

    @Test
    void tellsAnyoneWhetherItIsUpButOnlyAdministratorsWhatItDependsOn() {
        HttpJson anonymous = new HttpJson("http://localhost:" + port);

        assertThat(anonymous.get("/actuator/health").at("$.status")).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health").json().has("components")).isFalse();
        assertThat(anonymous.get("/api/measures").status()).isEqualTo(401);
        assertThat(anonymous.as(TestIssuer.shared().lead("l@example.org", "Perth and Kinross")).get("/api/measures")
                .status()).isEqualTo(403);
    }
}
