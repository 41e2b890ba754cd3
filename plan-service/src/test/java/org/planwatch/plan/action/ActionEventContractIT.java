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

/** Every kind of event plan-service publishes keeps the documented contract, in the order the changes were made. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionEventContractIT {

    static final Path SCHEMA = EventContracts.schemaOf("plan-service", "plan-action-event.v1.schema.json");


    @LocalServerPort
    int port;

    @Test
    void everyPublishedEventMatchesTheSchemaAndOneActionsEventsArriveInOrder() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String first = http.post("/api/leads", object("name", "Contract Lead " + System.nanoTime(),
                "email", "contract.one@example.org")).at("$.id");
        String second = http.post("/api/leads", object("kind", "ORGANISATION", "name", "NHS England " + System.nanoTime(),
                "contactName", "Primary Care Team", "email", "england.contract@example.org")).at("$.id");
        String planId = http.post("/api/plans", object("title", "Contract plan", "owner",
                object("name", "Owner", "email", "owner@example.org"))).at("$.id");
        String id = http.post("/api/actions", object("planId", planId, "text", "Coproduce the GP resource pack",
                "leads", List.of(first), "due", "Jun 22", "rag", "GREEN")).at("$.id");
        http.put("/api/actions/" + id + "/due-date", object("due", "Q3 2022"), "If-Match", "\"1\"");
        http.put("/api/actions/" + id + "/rag", object("rag", "AMBER"), "If-Match", "\"2\"");
        http.put("/api/actions/" + id + "/status", object("status", "Initial session hosted"), "If-Match", "\"3\"");
        http.put("/api/actions/" + id + "/leads", object("leads", List.of(first, second)), "If-Match", "\"4\"");
        http.patch("/api/actions/" + id, object("measures", List.of("Number of carers recorded by GPs")),
                "If-Match", "\"5\"");
        http.delete("/api/actions/" + id, "If-Match", "\"6\"");

        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events", r -> id.equals(r.key()), 7,
                Duration.ofSeconds(30));

        assertThat(events).extracting(r -> at(r.value(), "$.type")).containsExactly(
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.due-date-changed.v1",
                "org.planwatch.plan.action.rag-changed.v1", "org.planwatch.plan.action.status-updated.v1",
                "org.planwatch.plan.action.leads-changed.v1", "org.planwatch.plan.action.updated.v1",
                "org.planwatch.plan.action.deleted.v1");
        assertThat(events).extracting(r -> at(r.value(), "$.data.actionVersion", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        for (KafkaTopics.Record event : events) {
            assertThat(EventContracts.violations(SCHEMA, event.value())).as(event.value()).isEmpty();
        }
        assertThat(at(events.get(2).value(), "$.data.downgrade", Boolean.class)).isTrue();
        assertThat(KafkaTopics.partitionCount("plan.action.events")).as("partitions of the topic plan-service created")
                .isEqualTo(3);
    }

    @Test
    void anEventCarriesTheTraceOfTheRequestThatCausedItToItsConsumers() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String planId = http.post("/api/plans", object("title", "Traced plan", "owner",
                object("name", "Owner", "email", "owner@example.org"))).at("$.id");

        String lead = http.post("/api/leads", object("name", "Traced Lead " + System.nanoTime(),
                "email", "traced.lead@example.org")).at("$.id");

        String id = http.post("/api/actions", object("planId", planId, "text", "Run the carers' forum",
                        "leads", List.of(lead)),
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01").at("$.id");

        KafkaTopics.Record created = KafkaTopics.read("plan.action.events", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(created.headers().get("traceparent")).as("the Kafka header consumers' tracing reads")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(at(created.value(), "$.traceparent")).as("the request that made the change")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(EventContracts.violations(SCHEMA, created.value())).isEmpty();
    }

    @Test
    void theSchemaRejectsAnEventWithoutLeadEmails() {
        String broken = """
                {"specversion":"1.0","id":"e1","source":"/planwatch/plan-service",
                 "type":"org.planwatch.plan.action.created.v1","subject":"a1","time":"2026-01-01T00:00:00Z",
                 "datacontenttype":"application/json",
                 "data":{"actionId":"a1","actionVersion":1,"changedBy":"x","changedFields":[],
                   "plan":{"id":"p","title":"t","owner":{"name":"o","email":"o@example.org"}},
                   "action":{"text":"t","leads":[{"id":"l","kind":"PERSON","name":"n"}],"rag":"GREEN","measures":[]}}}
                """;

        assertThat(EventContracts.violations(SCHEMA, broken)).anyMatch(v -> v.contains("email"));
    }
}
