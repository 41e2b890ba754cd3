package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.EventContracts;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Renaming a plan or correcting a lead's email reaches every consumer's copy of the actions concerned, without
 * touching the actions themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionContextEventsIT {

    static final Path SCHEMA = EventContracts.schemaOf("plan-service", "plan-action-event.v1.schema.json");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aRenamedPlanAndACorrectedLeadEmailArePublishedForTheirActionsWhoseVersionStaysTheSame() {
        HttpJson http = new HttpJson("http://localhost:" + port);
        String leadName = "Context Lead " + System.nanoTime();
        String lead = http.post("/api/leads", object("name", leadName, "email", "old.address@example.org")).json()
                .get("id").asString();
        String planId = http.post("/api/plans", object("title", "Carers Strategy Action Plan", "owner",
                object("name", "Owner", "email", "owner@example.org"))).json().get("id").asString();
        String id = http.post("/api/actions", object("planId", planId, "text", "Coproduce the GP resource pack",
                "leads", List.of(lead), "due", "Jun 27")).json().get("id").asString();

        assertThat(http.put("/api/plans/" + planId, object("title", "Carers Strategy Action Plan 2026-2029",
                "owner", object("name", "Owner", "email", "owner@example.org")), "If-Match", "\"1\"").status())
                .isEqualTo(200);
        assertThat(http.put("/api/leads/" + lead, object("name", leadName, "email", "new.address@example.org"),
                "If-Match", "\"1\"").status()).isEqualTo(200);

        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events", r -> id.equals(r.key()), 3,
                Duration.ofSeconds(30));
        List<JsonNode> parsed = events.stream().map(r -> HttpJson.parse(r.value())).toList();
        assertThat(parsed).extracting(e -> e.get("type").asString()).containsExactly(
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.context-changed.v1",
                "org.planwatch.plan.action.context-changed.v1");
        assertThat(parsed.get(1).get("data").get("plan").get("title").asString())
                .isEqualTo("Carers Strategy Action Plan 2026-2029");
        assertThat(parsed.get(1).get("data").get("changedFields").get(0).asString()).isEqualTo("plan");
        assertThat(parsed.get(2).get("data").get("action").get("leads").get(0).get("email").asString())
                .isEqualTo("new.address@example.org");
        assertThat(parsed).extracting(e -> e.get("data").get("actionVersion").asLong()).containsOnly(1L);
        for (KafkaTopics.Record event : events) {
            assertThat(EventContracts.violations(SCHEMA, event.value())).as(event.value()).isEmpty();
        }
        assertThat(http.get("/api/actions/" + id).header("ETag")).isEqualTo("\"1\"");
        assertThat(http.get("/api/actions/" + id + "/history").json()).hasSize(1);
    }
}
