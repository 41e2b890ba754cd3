package org.planwatch.measure.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.planwatch.testsupport.HttpJson.at;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A measure whose partner stops reporting goes stale as the days pass, with no figure arriving: the scheduled scan
 * flags it once (one status event), and the next figure makes it fresh again (one more).
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "planwatch.measures.staleness-scan-interval=PT1S", "planwatch.measures.staleness-scan-delay=PT1S"})
class StaleMeasuresIT {

    static final Instant NOW = Instant.now();
    static final AtomicReference<Instant> TODAY = new AtomicReference<>(NOW);

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            ZoneId zone = ZoneId.of("Europe/London");
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return TODAY.get();
                }
            };
        }
    }


    @LocalServerPort
    int port;

    @Test
    void aMeasureWhosePartnerStopsReportingIsFlaggedStaleOnceAndFreshAgainWithTheNextFigure() {
        String key = "carers-assessed-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson administrator = new HttpJson("http://localhost:" + port)
                .as(TestIssuer.shared().administrator("Perth and Kinross"));
        HttpJson partner = new HttpJson("http://localhost:" + port)
                .as(TestIssuer.shared().partner("client-pkavs", "PKAVS"));
        YearMonth lastMonth = YearMonth.from(NOW.atZone(ZoneId.of("Europe/London"))).minusMonths(1);
        assertThat(administrator.post("/api/measures", object("key", key, "name", "Number of carers assessed",
                "unit", "COUNT", "direction", "HIGHER_IS_BETTER", "frequency", "MONTHLY",
                "baseline", object("value", 10, "date", lastMonth.minusMonths(6).atEndOfMonth().toString()),
                "targets", List.of(object("value", 50, "by", lastMonth.plusMonths(12).atEndOfMonth().toString())),
                "publishers", List.of("PKAVS"))).status()).isEqualTo(201);
        assertThat(partner.post("/api/measures/" + key + "/data-points", object("period", lastMonth.toString(),
                "value", 20)).status()).isEqualTo(201);
        assertThat(administrator.get("/api/measures/" + key).at("$.status.stale", Boolean.class)).isFalse();
        List<Boolean> before = staleness(key);
        assertThat(before).last().isEqualTo(false);

        TODAY.set(NOW.plus(Duration.ofDays(90)));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                administrator.get("/api/measures/" + key).at("$.status.stale", Boolean.class));
        assertThat(staleness(key)).as("flagged once, though the scan ran every second")
                .hasSize(before.size() + 1).last().isEqualTo(true);

        YearMonth thenLastMonth = lastMonth.plusMonths(3);
        assertThat(partner.post("/api/measures/" + key + "/data-points", object("period", thenLastMonth.toString(),
                "value", 30)).status()).isEqualTo(201);

        assertThat(administrator.get("/api/measures/" + key).at("$.status.stale", Boolean.class)).isFalse();
        assertThat(staleness(key)).as("told again once it is fresh").hasSize(before.size() + 2).last()
                .isEqualTo(false);
    }

    /** The staleness each of the measure's status events announced, in order. */
    private static List<Boolean> staleness(String key) {
        return KafkaTopics.read("measure.status.events", r -> key.equals(r.key()), 20, Duration.ofSeconds(4)).stream()
                .map(r -> at(r.value(), "$.data.stale", Boolean.class)).toList();
    }
}
