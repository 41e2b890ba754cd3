package org.planwatch.measure.planaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator asks for the measures of a plan: those an action of the plan reports on, whether the measure
 * names the action or the action names the measure, as plan-service's events on plan.action.events tell.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeasuresOfAPlanIT {

    static final String PARTNERSHIP = "Perth and Kinross";
    static final JsonMapper JSON = JsonMapper.builder().build();


    @LocalServerPort
    int port;

    HttpJson administrator(String partnership) {
        return new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator(partnership));
    }

    String aMeasure(String name, String... actionIds) {
        String key = "m-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response defined = administrator(PARTNERSHIP).post("/api/measures", definition(key, name, actionIds));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        return key;
    }

    static Map<String, Object> definition(String key, String name, String... actionIds) {
        int year = LocalDate.now().getYear();
        return object("key", key, "name", name, "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                "baseline", object("value", 10, "date", (year - 1) + "-12-31"),
                "targets", List.of(object("value", 20, "by", (year + 1) + "-12-31")),
                "frequency", "QUARTERLY", "publishers", List.of("PKAVS"), "actionIds", List.of(actionIds));
    }

    /** An action event as plan-service publishes it (its contract is checked, not its classes used). */
    static String actionEvent(String type, String actionId, long version, String planId, String partnership,
                              String... measureIds) {
        List<Map<String, Object>> measures = new ArrayList<>();
        for (String measureId : measureIds) {
            measures.add(object("text", "Number of carers supported", "measureId", measureId));
        }
        measures.add(object("text", "Percentage of carers who feel supported", "measureId", null));
        String event = JSON.writeValueAsString(object("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "/planwatch/plan-service", "type", "org.planwatch.plan.action." + type + ".v1",
                "subject", actionId, "time", "2026-12-03T09:00:00Z", "datacontenttype", "application/json",
                "data", object("actionId", actionId, "actionVersion", version, "changedBy", "admin@pkc.example.org",
                        "changedFields", List.of("measures"),
                        "plan", object("id", planId, "title", "Carers Strategy Action Plan", "partnership", partnership,
                                "owner", object("name", "Olive Owner", "email", "owner@pkc.example.org")),
                        "action", object("text", "Identify carers early", "rag", "GREEN", "measures", measures,
                                "leads", List.of(object("id", "lead-1", "kind", "PERSON", "name", "Lena Lead",
                                        "email", "lena@pkc.example.org"))))));
        assertThat(EventContracts.violations(EventContracts.schemaOf("plan-service", "plan-action-event.v1.schema.json"),
                event)).as("the fixture keeps plan-service's contract").isEmpty();
        return event;
    }

    @Test
    void aPlansMeasuresAreThoseItsActionsReportOnWithTheirLatestStatus() {
        String plan = "plan-" + UUID.randomUUID();
        String first = "action-" + UUID.randomUUID();
        String second = "action-" + UUID.randomUUID();
        String namesTheAction = aMeasure("Carers identified by GP practices", first);
        String namedByTheAction = aMeasure("Number of carers supported");
        String elsewhere = aMeasure("Businesses awarded Carer Positive", "action-of-another-plan");
        KafkaTopics.send("plan.action.events", first, actionEvent("created", first, 1, plan, PARTNERSHIP), Map.of());
        KafkaTopics.send("plan.action.events", second, actionEvent("created", second, 1, plan, PARTNERSHIP), Map.of());
        KafkaTopics.send("plan.action.events", second, actionEvent("updated", second, 2, plan, PARTNERSHIP,
                namedByTheAction), Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(administrator(PARTNERSHIP)
                .get("/api/measures?planId=" + plan).list("$.items[*].key"))
                .containsExactlyInAnyOrder(namesTheAction, namedByTheAction));
        HttpJson.Response measures = administrator(PARTNERSHIP).get("/api/measures?planId=" + plan);
        assertThat(measures.list("$.items[*].status.outlook")).hasSize(2);
        assertThat(measures.list("$.items[*].key")).doesNotContain(elsewhere);
        assertThat(administrator("Doncaster").get("/api/measures?planId=" + plan).list("$.items[*].key"))
                .as("another partnership's plan shows nothing").isEmpty();
    }

    @Test
    void renamingAMeasureOrLinkingItToAnotherActionIsAnnouncedEvenWhenItsOutlookStaysTheSame() {
        String key = aMeasure("Carers supported", "action-1");

        String version = administrator(PARTNERSHIP).get("/api/measures/" + key).header("ETag");
        HttpJson.Response renamed = administrator(PARTNERSHIP).put("/api/measures/" + key,
                definition(key, "Number of carers supported by PKAVS", "action-1", "action-2"), "If-Match", version);

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        List<KafkaTopics.Record> events = KafkaTopics.read("measure.status.events", r -> key.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertThat(events).extracting(r -> HttpJson.at(r.value(), "$.data.measure.name"))
                .containsExactly("Carers supported", "Number of carers supported by PKAVS");
        assertThat(HttpJson.at(events.get(1).value(), "$.data.measure.actionIds", List.class))
                .containsExactly("action-1", "action-2");
        assertThat(events).extracting(r -> HttpJson.at(r.value(), "$.data.outlook")).containsOnly("NOT_JUDGED");
        assertThat(events).allSatisfy(event -> assertThat(EventContracts.violations(
                EventContracts.schemaOf("measure-service", "measure-status-event.v1.schema.json"), event.value()))
                .isEmpty());
    }

    @Test
    void anActionDeletedOrUnlinkedTakesItsMeasureOffThePlanAndAnOlderEventDeliveredLateChangesNothing() {
        String plan = "plan-" + UUID.randomUUID();
        String action = "action-" + UUID.randomUUID();
        String kept = "action-" + UUID.randomUUID();
        String measure = aMeasure("Number of carers supported");
        String other = aMeasure("Carers' assessments completed", kept);
        KafkaTopics.send("plan.action.events", kept, actionEvent("created", kept, 1, plan, PARTNERSHIP), Map.of());
        KafkaTopics.send("plan.action.events", action, actionEvent("created", action, 1, plan, PARTNERSHIP, measure),
                Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(administrator(PARTNERSHIP)
                .get("/api/measures?planId=" + plan).list("$.items[*].key")).containsExactlyInAnyOrder(measure, other));

        KafkaTopics.send("plan.action.events", action, actionEvent("updated", action, 2, plan, PARTNERSHIP), Map.of());
        KafkaTopics.send("plan.action.events", action, actionEvent("created", action, 1, plan, PARTNERSHIP, measure),
                Map.of());
        KafkaTopics.send("plan.action.events", kept, actionEvent("deleted", kept, 2, plan, PARTNERSHIP), Map.of());
        KafkaTopics.send("plan.action.events", kept, "not an event at all", Map.of());
        String marker = "action-" + UUID.randomUUID();
        String markerMeasure = aMeasure("Carers' breaks funded", marker);
        KafkaTopics.send("plan.action.events", marker, actionEvent("created", marker, 1, plan, PARTNERSHIP), Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(administrator(PARTNERSHIP)
                .get("/api/measures?planId=" + plan).list("$.items[*].key")).containsExactly(markerMeasure));
    }
}
