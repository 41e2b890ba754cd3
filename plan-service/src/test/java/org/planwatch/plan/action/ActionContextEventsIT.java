package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.at;
import static org.planwatch.testsupport.HttpJson.object;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.EventContracts;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Renaming a plan or correcting a lead's email reaches every consumer's copy of the actions concerned, without
 * touching the actions themselves.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionContextEventsIT {

    static final Path SCHEMA = EventContracts.schemaOf("plan-service", "plan-action-event.v1.schema.json");


    @LocalServerPort
    int port;

    @Test
    void aRenamedPlanAndACorrectedLeadEmailArePublishedForTheirActionsWhoseVersionStaysTheSame() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String leadName = "Context Lead " + System.nanoTime();
        String lead = http.post("/api/leads", object("name", leadName, "email", "old.address@example.org")).at("$.id");
        String planId = http.post("/api/plans", object("title", "Carers Strategy Action Plan", "owner",
                object("name", "Owner", "email", "owner@example.org"))).at("$.id");
        String id = http.post("/api/actions", object("planId", planId, "text", "Coproduce the GP resource pack",
                "leads", List.of(lead), "due", "Jun 27")).at("$.id");

        assertThat(http.put("/api/plans/" + planId, object("title", "Carers Strategy Action Plan 2026-2029",
                "owner", object("name", "Owner", "email", "owner@example.org")), "If-Match", "\"1\"").status())
                .isEqualTo(200);
        assertThat(http.put("/api/leads/" + lead, object("name", leadName, "email", "new.address@example.org"),
                "If-Match", "\"1\"").status()).isEqualTo(200);

        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events", r -> id.equals(r.key()), 3,
                Duration.ofSeconds(30));
        assertThat(events).extracting(e -> at(e.value(), "$.type")).containsExactly(
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.context-changed.v1",
                "org.planwatch.plan.action.context-changed.v1");
        assertThat(at(events.get(1).value(), "$.data.plan.title")).isEqualTo("Carers Strategy Action Plan 2026-2029");
        assertThat(at(events.get(1).value(), "$.data.changedFields[0]")).isEqualTo("plan");
        assertThat(at(events.get(2).value(), "$.data.action.leads[0].email")).isEqualTo("new.address@example.org");
        assertThat(events).extracting(e -> at(e.value(), "$.data.actionVersion", Long.class)).containsOnly(1L);
        for (KafkaTopics.Record event : events) {
            assertThat(EventContracts.violations(SCHEMA, event.value())).as(event.value()).isEmpty();
        }
        assertThat(http.get("/api/actions/" + id).header("ETag")).isEqualTo("\"1\"");
        assertThat(http.get("/api/actions/" + id + "/history").json()).hasSize(1);
    }
}
