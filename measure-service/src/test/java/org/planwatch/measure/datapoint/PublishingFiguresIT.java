package org.planwatch.measure.datapoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.planwatch.testsupport.HttpJson.at;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.EventContracts;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partner systems publish figures over HTTP and Kafka; the service stores each once, keeps corrections as
 * revisions, refuses what is wrong with the reason, and says whether each measure will meet its target.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishingFiguresIT {

    static final String PARTNERSHIP = "Perth and Kinross";
    // Figures for last year's quarters, judged against a target at the end of this year, so the test holds any day.
    static final int LAST_YEAR = LocalDate.now().getYear() - 1;


    @LocalServerPort
    int port;

    HttpJson administrator() {
        return new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator(PARTNERSHIP));
    }

    HttpJson partner(String organisation) {
        return new HttpJson("http://localhost:" + port).as(TestIssuer.shared().partner("client-" + organisation,
                organisation));
    }

    String aMeasure(String unit, String publisher) {
        return aMeasure(unit, publisher, "QUARTERLY");
    }

    /** Counts go from 100 to 200, percentages from 40 to 60, over last year and this. */
    String aMeasure(String unit, String publisher, String frequency) {
        return aMeasure("carers-supported-" + UUID.randomUUID().toString().substring(0, 8), unit, publisher, frequency);
    }

    String aMeasure(String key, String unit, String publisher, String frequency) {
        boolean percentage = unit.equals("PERCENTAGE");
        HttpJson.Response defined = administrator().post("/api/measures", object("key", key,
                "name", "Number of carers supported by PKAVS and Perth and Kinross HSCP", "unit", unit,
                "direction", "HIGHER_IS_BETTER",
                "baseline", object("value", percentage ? 40 : 100, "date", (LAST_YEAR - 1) + "-12-31"),
                "targets", List.of(object("value", percentage ? 60 : 200, "by", (LAST_YEAR + 1) + "-12-31")),
                "frequency", frequency, "publishers", List.of(publisher), "actionIds", List.of("action-3a"),
                "contact", object("name", "Data team", "email", "data@" + publisher.replace(' ', '-').toLowerCase()
                        + ".example.org")));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        return key;
    }

    @Test
    void anAdministratorDefinesAMeasureAndOnlyItsPublisherAndItsPartnershipSeeIt() {
        String key = aMeasure("COUNT", "PKAVS");

        assertThat(partner("PKAVS").get("/api/measures/" + key).at("$.name"))
                .isEqualTo("Number of carers supported by PKAVS and Perth and Kinross HSCP");
        assertThat(partner("PKAVS").get("/api/measures/" + key).at("$.contact.email")).isEqualTo("data@pkavs.example.org");
        assertThat(partner("PKAVS").get("/api/measures").list("$.items[*].key")).contains(key);
        assertThat(partner("Carers Centre").get("/api/measures/" + key).status()).isEqualTo(404);
        assertThat(new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"))
                .get("/api/measures/" + key).status()).isEqualTo(404);
        assertThat(partner("PKAVS").post("/api/measures", object("key", "mine")).status()).isEqualTo(403);
        assertThat(administrator().get("/api/measures?actionId=action-3a").list("$.items[*].key")).contains(key);
    }

    @Test
    void aDefinitionThatBreaksARuleIsRefusedNamingTheField() {
        HttpJson.Response refused = administrator().post("/api/measures", object("key", "pct", "name", "Feel supported",
                "unit", "PERCENTAGE", "direction", "HIGHER_IS_BETTER", "baseline", object("value", 40, "date", "2024-03-31"),
                "targets", List.of(object("value", 120, "by", "2025-03-31")), "frequency", "QUARTERLY",
                "publishers", List.of("PKAVS")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("$.field")).isEqualTo("targets[0].value");
        assertThat(refused.at("$.detail")).contains("must be between 0 and 100");
    }

    @Test
    void listingParametersOutOfRangeAreRefusedNamingTheParameter() {
        for (String query : List.of("/api/measures/rejections?size=-1", "/api/measures/rejections?page=-2",
                "/api/measures/rejections?size=501", "/api/measures?planId=" + "p".repeat(201))) {
            HttpJson.Response refused = administrator().get(query);

            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("$.field")).as(query).isEqualTo(query.replaceAll(".*[?&](\\w+)=.*", "$1"));
        }
    }

    @Test
    void aPartnersFiguresMakeTheMeasureOnTrackAndACorrectionBehindTheLineMakesItOffTrackAndSaysWhy()
            throws java.io.IOException {
        String key = aMeasure("COUNT", "PKAVS");
        HttpJson pkavs = partner("PKAVS");
        String[] quarters = {"Q1", "Q2", "Q3", "Q4"};
        int[] figures = {115, 130, 145, 160};
        for (int i = 0; i < 4; i++) {
            HttpJson.Response published = pkavs.post("/api/measures/" + key + "/data-points", object(
                    "period", LAST_YEAR + "-" + quarters[i], "value", figures[i], "source", "PKAVS CRM",
                    "id", key + "-" + i, "producedAt", LAST_YEAR + 1 + "-01-0" + (i + 1) + "T09:00:00Z"));
            assertThat(published.status()).as(published.body()).isEqualTo(201);
        }

        HttpJson.Response onTrack = pkavs.get("/api/measures/" + key);
        assertThat(onTrack.at("$.status.outlook")).isEqualTo("ON_TRACK");
        assertThat(onTrack.at("$.status.latest.period.kind")).isEqualTo("QUARTER");
        assertThat(onTrack.at("$.status.trend")).isEqualTo("IMPROVING");

        HttpJson.Response chart = pkavs.get("/api/measures/" + key + "/chart.svg", "Accept", "image/svg+xml");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.body()).startsWith("<svg").contains("role=\"img\"")
                .contains("<title id=\"chart-title\">Number of carers supported by PKAVS and Perth and Kinross HSCP: on"
                        + " track</title>")
                .contains("Figures: " + LAST_YEAR + "-Q1 115; " + LAST_YEAR + "-Q2 130;").contains("<polyline")
                .contains("target 200");
        assertThat(partner("Carers Centre").get("/api/measures/" + key + "/chart.svg", "Accept", "image/svg+xml")
                .status()).isEqualTo(404);
        HttpJson.Binary png = pkavs.bytes("/api/measures/" + key + "/chart.png", "image/png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(picture.getWidth()).as("drawn at twice the SVG's size").isEqualTo(1280);
        assertThat(picture.getHeight()).isEqualTo(640);
        assertThat(java.util.stream.IntStream.range(0, picture.getWidth()).map(x -> picture.getRGB(x, 320) & 0xFFFFFF)
                .distinct().count()).as("lines and figures drawn across the middle").isGreaterThan(2);
        assertThat(partner("Carers Centre").bytes("/api/measures/" + key + "/chart.png", "image/png").status())
                .isEqualTo(404);

        HttpJson.Response corrected = pkavs.post("/api/measures/" + key + "/data-points", object(
                "period", LAST_YEAR + "-Q4", "value", 120, "id", key + "-correction",
                "producedAt", LAST_YEAR + 1 + "-02-01T09:00:00Z"));
        assertThat(corrected.status()).isEqualTo(201);

        HttpJson.Response offTrack = administrator().get("/api/measures/" + key);
        assertThat(offTrack.at("$.status.outlook")).isEqualTo("OFF_TRACK");
        assertThat(offTrack.at("$.status.reason")).startsWith("120 for " + LAST_YEAR + "-Q4 is behind 150")
                .contains("short of the target");
        HttpJson.Response series = administrator().get("/api/measures/" + key + "/data-points");
        assertThat(series.list("$.items[*].period")).containsExactly(LAST_YEAR + "-Q1", LAST_YEAR + "-Q2",
                LAST_YEAR + "-Q3", LAST_YEAR + "-Q4");
        assertThat(series.at("$.items[3].value", Integer.class)).isEqualTo(120);
        assertThat(series.list("$.items[3].revisions[*].id")).containsExactly(key + "-3", key + "-correction");

        List<KafkaTopics.Record> events = KafkaTopics.read("measure.status.events", r -> key.equals(r.key()), 3,
                Duration.ofSeconds(20));
        assertThat(events).as("one event per change of outlook, not per figure")
                .extracting(r -> at(r.value(), "$.data.outlook")).containsExactly("NOT_JUDGED", "ON_TRACK", "OFF_TRACK");
        KafkaTopics.Record downgrade = events.get(2);
        assertThat(at(downgrade.value(), "$.type")).isEqualTo("org.planwatch.measure.status-changed.v1");
        assertThat(at(downgrade.value(), "$.data.previousOutlook")).isEqualTo("ON_TRACK");
        assertThat(at(downgrade.value(), "$.data.outlook")).isEqualTo("OFF_TRACK");
        assertThat(at(downgrade.value(), "$.data.latest.period")).isEqualTo(LAST_YEAR + "-Q4");
        assertThat(at(downgrade.value(), "$.data.measure.actionIds[0]")).isEqualTo("action-3a");
        assertThat(at(downgrade.value(), "$.data.measure.contact.email")).isEqualTo("data@pkavs.example.org");
        assertThat(at(downgrade.value(), "$.data.stale", Boolean.class)).as("last year's figures, none this year")
                .isTrue();
        assertThat(at(downgrade.value(), "$.data.reason")).contains("straight line from the baseline 100");
        assertThat(at(downgrade.value(), "$.data.chart.mediaType")).isEqualTo("image/png");
        assertThat(at(downgrade.value(), "$.data.chart.description")).startsWith("Baseline 100");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder()
                .decode(at(downgrade.value(), "$.data.chart.data")))).getWidth()).as("the chart, for emails")
                .isEqualTo(640);
        assertThat(events).allSatisfy(event -> assertThat(EventContracts.violations(
                EventContracts.schemaOf("measure-service", "measure-status-event.v1.schema.json"), event.value()))
                .isEmpty());
    }

    @Test
    void aCorrectionThatArrivesAfterANewerOneIsKeptInTheHistoryButDoesNotReplaceIt() {
        String key = aMeasure("COUNT", "PKAVS");
        HttpJson pkavs = partner("PKAVS");
        pkavs.post("/api/measures/" + key + "/data-points", object("period", LAST_YEAR + "-Q1", "value", 120,
                "id", "newer", "producedAt", LAST_YEAR + "-05-02T09:00:00Z"));
        pkavs.post("/api/measures/" + key + "/data-points", object("period", LAST_YEAR + "-Q1", "value", 110,
                "id", "older", "producedAt", LAST_YEAR + "-04-02T09:00:00Z"));

        HttpJson.Response series = pkavs.get("/api/measures/" + key + "/data-points");
        assertThat(series.at("$.items[0].value", Integer.class)).isEqualTo(120);
        assertThat(series.list("$.items[0].revisions[*].id")).containsExactly("older", "newer");
        assertThat(pkavs.get("/api/measures/" + key).at("$.status.latest.value", Integer.class)).as("judged on it")
                .isEqualTo(120);
    }

    @Test
    void aFigureSentAgainAfterItsCorrectionDoesNotUndoTheCorrection() {
        String key = aMeasure("COUNT", "PKAVS");
        HttpJson pkavs = partner("PKAVS");
        pkavs.post("/api/measures/" + key + "/data-points", object("period", LAST_YEAR + "-Q1", "value", 110, "id", "first"));
        pkavs.post("/api/measures/" + key + "/data-points", object("period", LAST_YEAR + "-Q1", "value", 112,
                "id", "correction"));

        HttpJson.Response again = pkavs.post("/api/measures/" + key + "/data-points", object("period",
                LAST_YEAR + "-Q1", "value", 110, "id", "first"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("$.repeats", Integer.class)).isEqualTo(1);
        assertThat(pkavs.get("/api/measures/" + key + "/data-points").at("$.items[0].value", Integer.class))
                .isEqualTo(112);
        assertThat(pkavs.get("/api/measures/" + key).at("$.status.latest.value", Integer.class)).isEqualTo(112);
    }

    @Test
    void theSameBatchSentTwiceUnderOneKeyIsStoredOnceAndAnsweredTheSameWay() {
        String key = aMeasure("COUNT", "PKAVS");
        Map<String, Object> batch = object("items", List.of(
                object("measure", key, "period", LAST_YEAR + "-Q1", "value", 110),
                object("measure", key, "period", LAST_YEAR + "-Q2", "value", 125)));
        String idempotencyKey = UUID.randomUUID().toString();

        HttpJson.Response first = partner("PKAVS").post("/api/measures/data-points", batch, "Idempotency-Key",
                idempotencyKey);
        HttpJson.Response again = partner("PKAVS").post("/api/measures/data-points", batch, "Idempotency-Key",
                idempotencyKey);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.at("$.stored", Integer.class)).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        HttpJson.Response series = partner("PKAVS").get("/api/measures/" + key + "/data-points");
        assertThat(series.list("$.items[*].revisions[*].value")).hasSize(2);

        HttpJson.Response reused = partner("PKAVS").post("/api/measures/data-points", object("items", List.of(
                object("measure", key, "period", LAST_YEAR + "-Q3", "value", 1))), "Idempotency-Key", idempotencyKey);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.at("$.field")).isEqualTo("Idempotency-Key");
        assertThat(partner("PKAVS").post("/api/measures/data-points", batch).at("$.field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void aBatchWithBadItemsStoresTheGoodOnesAndNamesEachBadItemAndField() {
        String key = aMeasure("PERCENTAGE", "PKAVS");
        String otherOrganisations = aMeasure("COUNT", "Carers Centre");
        Map<String, Object> batch = object("items", List.of(
                object("measure", key, "period", LAST_YEAR + "-Q1", "value", 41.5),
                object("measure", key, "period", LAST_YEAR + "-Q2", "value", 150),
                object("measure", key, "period", LAST_YEAR + "-05", "value", 42),
                object("measure", key, "period", LAST_YEAR + "-Q3", "value", "forty"),
                object("measure", "no-such-measure", "period", LAST_YEAR + "-Q3", "value", 1),
                object("measure", otherOrganisations, "period", LAST_YEAR + "-Q3", "value", 1),
                object("measure", key, "period", LAST_YEAR + "-Q4", "value", 44, "colour", "blue"),
                object("measure", key, "period", LAST_YEAR + "-Q4", "value", 45)));

        HttpJson.Response answer = partner("PKAVS").post("/api/measures/data-points", batch, "Idempotency-Key",
                UUID.randomUUID().toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.at("$.stored", Integer.class)).isEqualTo(2);
        assertThat(answer.at("$.field")).isEqualTo("items[1].value");
        assertThat(HttpJson.at(answer.body(), "$.errors[*].item", List.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(answer.list("$.errors[*].field")).containsExactly("value", "period", "value", "measure", "measure",
                "colour");
        assertThat(answer.at("$.errors[1].reason")).contains("is a month, but this measure is reported quarterly");
        assertThat(answer.at("$.errors[4].reason")).contains("'PKAVS' may not publish this measure");
        assertThat(partner("PKAVS").get("/api/measures/" + key + "/data-points").list("$.items[*].period"))
                .containsExactly(LAST_YEAR + "-Q1", LAST_YEAR + "-Q4");

        HttpJson.Response log = administrator().get("/api/measures/rejections?measure=" + key);
        assertThat(log.list("$.items[*].reason")).contains("150 must be between 0 and 100 for a percentage");
        assertThat(log.list("$.items[*].channel")).containsOnly("HTTP");
    }

    @Test
    void figuresPublishedOnKafkaAreStoredOnceAndRefusedOnesGoToTheDeadLetterTopicWithTheReason() {
        String key = aMeasure("PERCENTAGE", "PKAVS");
        String good = cloudEvent("e-" + key + "-1", "PKAVS", key, LAST_YEAR + "-Q1", "52.5");
        assertThat(EventContracts.violations(EventContracts.schemaOf("measure-service",
                "measure-datapoint-event.v1.schema.json"), good)).as("the example keeps the contract").isEmpty();
        KafkaTopics.send("measure.datapoints", key, good, Map.of());
        KafkaTopics.send("measure.datapoints", key, good, Map.of());
        KafkaTopics.send("measure.datapoints", key, cloudEvent("e-" + key + "-2", "PKAVS", key, LAST_YEAR + "-Q2",
                "150"), Map.of());
        KafkaTopics.send("measure.datapoints", key, cloudEvent("e-" + key + "-3", "Carers Centre", key,
                LAST_YEAR + "-Q3", "50"), Map.of());
        KafkaTopics.send("measure.datapoints", key, "not json at all", Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(partner("PKAVS")
                .get("/api/measures/" + key + "/data-points").list("$.items[*].revisions[*].id"))
                .containsExactly("e-" + key + "-1"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(partner("PKAVS")
                .get("/api/measures/" + key).at("$.status.latest.value", Double.class)).as("judged within a second")
                .isEqualTo(52.5));
        List<KafkaTopics.Record> dead = KafkaTopics.read("measure.datapoints.dlq", r -> key.equals(r.key()), 3,
                Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> r.headers().get("x-rejection-field")).containsExactly("value", "measure",
                "event");
        assertThat(dead.get(0).headers().get("x-rejection-reason")).isEqualTo(
                "150 must be between 0 and 100 for a percentage");
        assertThat(dead.get(2).value()).isEqualTo("not json at all");
        assertThat(administrator().get("/api/measures/rejections?measure=" + key).list("$.items[*].channel"))
                .containsOnly("KAFKA").hasSize(2);
    }

    @Test
    void figuresRefusedForAMeasureNotDefinedYetAreTakenInOnceWhenAnAdministratorDefinesItAndReplaysThem() {
        aMeasure("COUNT", "PKAVS");
        String later = "carers-assessed-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response early = partner("PKAVS").post("/api/measures/" + later + "/data-points", object(
                "period", LAST_YEAR + "-Q1", "value", 120, "source", "PKAVS CRM", "id", later + "-http"));
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        KafkaTopics.send("measure.datapoints", later, cloudEvent(later + "-kafka", "PKAVS", later, LAST_YEAR + "-Q2",
                "135"), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(administrator()
                .get("/api/measures/rejections?measure=" + later).list("$.items[*].channel"))
                .containsExactlyInAnyOrder("HTTP", "KAFKA"));
        HttpJson.Response refusals = administrator().get("/api/measures/rejections?measure=" + later);
        assertThat(HttpJson.at(refusals.body(), "$.items[*].replayable", List.class)).containsOnly(true);
        List<String> ids = refusals.list("$.items[*].id");
        HttpJson otherPartnership = new HttpJson("http://localhost:" + port)
                .as(TestIssuer.shared().administrator("Doncaster"));
        assertThat(otherPartnership.get("/api/measures/rejections?measure=" + later).list("$.items[*].id")).isEmpty();
        assertThat(otherPartnership.post("/api/measures/rejections/replay", object("id", ids.get(0))).status())
                .isEqualTo(404);
        assertThat(partner("PKAVS").post("/api/measures/rejections/replay", object("id", ids.get(0))).status())
                .isEqualTo(403);

        HttpJson.Response tooSoon = administrator().post("/api/measures/rejections/replay", object("id", ids.get(0)));
        assertThat(tooSoon.at("$.outcome")).as(tooSoon.body()).isEqualTo("REFUSED_AGAIN");
        assertThat(tooSoon.at("$.reason")).startsWith("measure: ");
        assertThat(administrator().get("/api/measures/rejections?measure=" + later).list("$.items[*].id"))
                .as("refused again, not logged twice").hasSize(2);

        aMeasure(later, "COUNT", "PKAVS", "QUARTERLY");
        for (String id : ids) {
            HttpJson.Response replayed = administrator().post("/api/measures/rejections/replay", object("id", id));
            assertThat(replayed.at("$.outcome")).as(replayed.body()).isEqualTo("STORED");
        }
        assertThat(administrator().post("/api/measures/rejections/replay", object("id", ids.get(1))).at("$.outcome"))
                .isEqualTo("ALREADY_STORED");
        HttpJson.Response series = partner("PKAVS").get("/api/measures/" + later + "/data-points");
        assertThat(series.list("$.items[*].period")).containsExactly(LAST_YEAR + "-Q1", LAST_YEAR + "-Q2");
        assertThat(series.list("$.items[*].revisions[*].id")).containsExactlyInAnyOrder(later + "-http",
                later + "-kafka");
        assertThat(HttpJson.at(series.body(), "$.items[*].value", List.class)).containsExactly(120, 135);
        assertThat(administrator().get("/api/measures/rejections?measure=" + later).list("$.items[*].replayed.outcome"))
                .containsOnly("STORED", "ALREADY_STORED");
        HttpJson.Response nameless = administrator().post("/api/measures/rejections/replay", object("id", ""));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.at("$.field")).isEqualTo("id");
    }

    @Test
    void aPartnerSystemAddedByOnePartnershipPublishesNoOtherPartnershipsMeasureOfTheSameOrganisation() {
        String ours = aMeasure("COUNT", "PKAVS");
        HttpJson addedElsewhere = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().partner(
                "doncaster-added-pkavs", "PKAVS", "Doncaster"));

        HttpJson.Response refused = addedElsewhere.post("/api/measures/" + ours + "/data-points", object(
                "period", LAST_YEAR + "-Q1", "value", 120));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("$.field")).isEqualTo("measure");
        assertThat(addedElsewhere.get("/api/measures/" + ours).status()).isEqualTo(404);
        assertThat(addedElsewhere.get("/api/measures").list("$.items[*].key")).doesNotContain(ours);
        assertThat(addedElsewhere.get("/api/measures/rejections").list("$.items[*].measure")).containsOnly(ours)
                .as("its own refusal, and none of the other partnership's").hasSize(1);
        assertThat(partner("PKAVS").post("/api/measures/" + ours + "/data-points", object(
                "period", LAST_YEAR + "-Q1", "value", 120)).status()).as("the partnership's own").isEqualTo(201);
    }

    @Test
    void aBatchOfTenThousandFiguresIsTakenInAtOnce() {
        String key = aMeasure("COUNT", "PKAVS", "AS_MEASURED");
        List<Map<String, Object>> items = new ArrayList<>();
        LocalDate day = LocalDate.of(LAST_YEAR, 12, 31);
        for (int i = 0; i < 10_000; i++) {
            items.add(object("measure", key, "period", day.minusDays(i).toString(), "value", i));
        }
        HttpJson.Response answer = partner("PKAVS").post("/api/measures/data-points", object("items", items),
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.at("$.stored", Integer.class)).isEqualTo(10_000);
        items.add(object("measure", key, "period", day.toString(), "value", 1));
        assertThat(partner("PKAVS").post("/api/measures/data-points", object("items", items), "Idempotency-Key",
                UUID.randomUUID().toString()).at("$.field")).isEqualTo("items");
    }

    static String cloudEvent(String id, String organisation, String measure, String period, String value) {
        return """
                {"specversion":"1.0","id":"%s","source":"urn:partner:%s","type":"org.planwatch.measure.datapoint.v1",
                 "time":"%s-01-01T00:00:00Z","organisation":"%s","datacontenttype":"application/json",
                 "data":{"measure":"%s","period":"%s","value":%s,"source":"partner CRM"}}"""
                .formatted(id, organisation.replace(' ', '-'), LAST_YEAR + 1, organisation, measure, period, value);
    }
}
