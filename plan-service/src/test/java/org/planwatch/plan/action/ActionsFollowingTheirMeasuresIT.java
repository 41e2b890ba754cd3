package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.planwatch.testsupport.HttpJson.at;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Duration;
import java.time.Instant;
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
 * A measure's changed outlook (measure-service's status event) suggests a RAG rating to the actions reporting on
 * it, and sets it, with the measure's reason, on those an administrator made follow their measures.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionsFollowingTheirMeasuresIT {

    @LocalServerPort
    int port;

    HttpJson administrator(String partnership) {
        return new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator(partnership));
    }

    String anActionReportingOn(String measure, String partnership) {
        HttpJson http = administrator(partnership);
        String lead = http.post("/api/leads", object("name", "Carers Lead " + UUID.randomUUID(),
                "email", "carers.lead@example.org")).at("$.id");
        String plan = http.post("/api/plans", object("title", "Carers plan " + UUID.randomUUID(), "owner",
                object("name", "Owner", "email", "owner@example.org"))).at("$.id");
        return http.post("/api/actions", object("planId", plan, "text", "Support more carers", "leads", List.of(lead),
                "due", "Dec 26", "rag", "GREEN", "measures", List.of(object("text",
                        "Number of carers supported", "measureId", measure)))).at("$.id");
    }

    @Test
    void anActionFollowingItsMeasureTurnsRedWhenTheMeasureIsOffTrackAndTheHistorySaysWhy() {
        String measure = "carers-supported-" + UUID.randomUUID().toString().substring(0, 8);
        String action = anActionReportingOn(measure, "Perth and Kinross");
        HttpJson http = administrator("Perth and Kinross");
        assertThat(http.put("/api/actions/" + action + "/rag-from-measures", object("automatic", true)).at(
                "$.automatic", Boolean.class)).isTrue();

        Instant judgedAt = Instant.parse("2026-04-15T02:00:00.123Z");
        publish(statusEvent(measure, "Perth and Kinross", "OFF_TRACK", judgedAt, List.of()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "RED".equals(http.get("/api/actions/" + action).at("$.rag")));
        HttpJson.Response history = http.get("/api/actions/" + action + "/history");
        assertThat(history.body()).contains("measure-service")
                .contains("Measure \\\"Number of carers supported\\\" (" + measure + ") is off track: 120 for 2025-Q4"
                        + " is behind 150");
        List<KafkaTopics.Record> ragChanged = KafkaTopics.read("plan.action.events", r -> action.equals(r.key())
                && at(r.value(), "$.type").endsWith("rag-changed.v1"), 1, Duration.ofSeconds(20));
        assertThat(at(ragChanged.get(0).value(), "$.data.downgrade", Boolean.class)).isTrue();
        assertThat(at(ragChanged.get(0).value(), "$.data.reason")).contains("short of the target");
        assertThat(at(ragChanged.get(0).value(), "$.data.ragMeasure")).as("which measure, for its chart")
                .isEqualTo(measure);
        assertThat(at(ragChanged.get(0).value(), "$.data.ragMeasureJudgedAt"))
                .as("which of its judgements, so the email shows that chart and not an older one")
                .isEqualTo(judgedAt.toString());
        assertThat(EventContracts.violations(EventContracts.schemaOf("plan-service", "plan-action-event.v1.schema.json"),
                ragChanged.get(0).value())).isEmpty();
    }

    @Test
    void anActionRatedByPeopleOnlyShowsWhatItsMeasureSuggests() {
        String measure = "carers-supported-" + UUID.randomUUID().toString().substring(0, 8);
        String action = anActionReportingOn(measure, "Perth and Kinross");
        HttpJson http = administrator("Perth and Kinross");

        publish(statusEvent(measure, "Perth and Kinross", "AT_RISK", Instant.now(), List.of()));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "AMBER".equals(
                http.get("/api/actions/" + action + "/rag-from-measures").at("$.suggestion.rag")));
        assertThat(http.get("/api/actions/" + action).at("$.rag")).isEqualTo("GREEN");
        assertThat(http.get("/api/actions/" + action + "/rag-from-measures").at("$.automatic", Boolean.class)).isFalse();
        assertThat(new HttpJson("http://localhost:" + port).as(TestIssuer.shared().lead("carers.lead@example.org",
                "Perth and Kinross")).put("/api/actions/" + action + "/rag-from-measures", object("automatic", true))
                .status()).as("choosing is the administrators'").isEqualTo(403);

        assertThat(http.put("/api/actions/" + action + "/rag-from-measures", object("automatic", true)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/actions/" + action).at("$.rag")).as("following starts from the suggestion held")
                .isEqualTo("AMBER");
    }

    @Test
    void anotherPartnershipsMeasureAndAnOlderJudgementChangeNothing() {
        String measure = "carers-supported-" + UUID.randomUUID().toString().substring(0, 8);
        String doncasters = anActionReportingOn(measure, "Doncaster");
        HttpJson doncaster = administrator("Doncaster");
        doncaster.put("/api/actions/" + doncasters + "/rag-from-measures", object("automatic", true));

        publish(statusEvent(measure, "Perth and Kinross", "OFF_TRACK", Instant.now(), List.of(doncasters)));
        publish(statusEvent(measure, "Doncaster", "ON_TRACK", Instant.now(), List.of()));
        publish(statusEvent(measure, "Doncaster", "OFF_TRACK", Instant.now().minusSeconds(3600), List.of()));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "ON_TRACK".equals(
                doncaster.get("/api/actions/" + doncasters + "/rag-from-measures").at("$.suggestion.outlook")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> "GREEN".equals(
                doncaster.get("/api/actions/" + doncasters).at("$.rag")));
        assertThat(doncaster.get("/api/actions/" + doncasters + "/rag-from-measures").at("$.suggestion.outlook"))
                .isEqualTo("ON_TRACK");
    }

    static void publish(String event) {
        assertThat(EventContracts.violations(EventContracts.schemaOf("measure-service",
                "measure-status-event.v1.schema.json"), event)).as("the example keeps measure-service's contract")
                .isEmpty();
        KafkaTopics.send("measure.status.events", at(event, "$.subject"), event, Map.of());
    }

    static String statusEvent(String measure, String partnership, String outlook, Instant time, List<String> actionIds) {
        String ids = actionIds.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return """
                {"specversion":"1.0","id":"%s","source":"/planwatch/measure-service",
                 "type":"org.planwatch.measure.status-changed.v1","subject":"%s","time":"%s",
                 "datacontenttype":"application/json",
                 "data":{"measure":{"key":"%s","name":"Number of carers supported","unit":"COUNT",
                   "direction":"HIGHER_IS_BETTER","frequency":"QUARTERLY","partnership":"%s","publishers":["PKAVS"],
                   "actionIds":[%s]},
                  "outlook":"%s","previousOutlook":"ON_TRACK","stale":false,"previouslyStale":false,
                  "latest":{"period":"2025-Q4","value":120},"trend":"WORSENING",
                  "target":{"value":200,"by":"2026-12-31"},"expectedNow":150,"projected":165.2,
                  "projection":"least-squares line through the baseline and 4 figure(s)","expectedBy":"2026-04-14",
                  "reason":"120 for 2025-Q4 is behind 150, where the straight line from the baseline 100 on 2024-12-31 to the target 200 by 2026-12-31 stands then; the trend of 5 figures (the baseline and 4 since) projects 165.2 by 2026-12-31, short of the target"}}"""
                .formatted(UUID.randomUUID(), measure, time, measure, partnership, ids, outlook);
    }
}
