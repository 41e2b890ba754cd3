package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionApiIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    HttpJson http;
    String planId;
    String themeId;
    String outcomeId;

    @BeforeEach
    void aPlanWithALead() {
        http = new HttpJson("http://localhost:" + port);
        http.post("/api/leads", object("kind", "PERSON", "name", "Dana Carers-Lead " + System.nanoTime(),
                "roleTitle", "Carers Lead " + System.nanoTime(), "email", "dana@example.org"));
        JsonNode plan = http.post("/api/plans", object("title", "Carers Strategy Action Plan",
                "partnership", "Doncaster", "period", "2022-2025",
                "owner", object("name", "Olive Owner", "email", "owner@example.org"),
                "themes", List.of(object("name", "IDENTIFICATION", "outcomes",
                        List.of(object("reference", "1.1", "text", "IT systems will facilitate joined up working.")))))).json();
        planId = plan.get("id").asString();
        themeId = plan.get("themes").get(0).get("id").asString();
        outcomeId = plan.get("themes").get(0).get("outcomes").get(0).get("id").asString();
    }

    private HttpJson.Response createAction(String lead) {
        return http.post("/api/actions", object("planId", planId, "themeId", themeId, "outcomeId", outcomeId,
                "reference", "1.1a", "text", "Carers support will record on the council's mosaic system.",
                "leads", List.of(lead), "due", "Jun 22", "rag", "Green",
                "measures", List.of("Improved information sharing")));
    }

    private String newLead(String email) {
        return http.post("/api/leads", object("name", "Lead " + System.nanoTime(), "email", email)).json()
                .get("id").asString();
    }

    @Test
    void aMonthPrecisionDueDateIsDueAtTheEndOfThatMonth() {
        HttpJson.Response created = createAction(newLead("a@example.org"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode due = created.json().get("due");
        assertThat(due.get("date").asString()).isEqualTo("2022-06-30");
        assertThat(due.get("precision").asString()).isEqualTo("MONTH");
        assertThat(due.get("text").asString()).isEqualTo("Jun 22");
        assertThat(created.json().get("rag").asString()).isEqualTo("GREEN");
    }

    @Test
    void changingTheDueDatePublishesOneDueDateChangedEventCarryingWhatAConsumerNeeds() {
        String leadId = newLead("due.lead@example.org");
        String actionId = createAction(leadId).json().get("id").asString();

        HttpJson.Response changed = http.put("/api/actions/" + actionId + "/due-date",
                object("due", "2022-09", "reason", "Waiting for GP pack"), "If-Match", "\"1\"",
                "X-Planwatch-User", "admin@example.org");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events",
                r -> actionId.equals(r.key()) && r.value().contains("due-date-changed"), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        JsonNode event = HttpJson.parse(events.get(0).value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("org.planwatch.plan.action.due-date-changed.v1");
        assertThat(event.get("subject").asString()).isEqualTo(actionId);
        assertThat(events.get(0).headers()).containsEntry("contentType", "application/cloudevents+json");
        JsonNode data = event.get("data");
        assertThat(data.get("actionVersion").asLong()).isEqualTo(2);
        assertThat(data.get("changedBy").asString()).isEqualTo("admin@example.org");
        assertThat(data.get("reason").asString()).isEqualTo("Waiting for GP pack");
        assertThat(data.get("previous").get("due").get("date").asString()).isEqualTo("2022-06-30");
        assertThat(data.get("action").get("due").get("date").asString()).isEqualTo("2022-09-30");
        assertThat(data.get("plan").get("title").asString()).isEqualTo("Carers Strategy Action Plan");
        assertThat(data.get("outcome").get("reference").asString()).isEqualTo("1.1");
        assertThat(data.get("action").get("leads").get(0).get("email").asString()).isEqualTo("due.lead@example.org");
        assertThat(data.get("action").get("measures").get(0).get("text").asString())
                .isEqualTo("Improved information sharing");
    }

    @Test
    void aStaleVersionIsRefusedWith412AndTheCurrentStateAndNothingIsOverwritten() {
        String actionId = createAction(newLead("b@example.org")).json().get("id").asString();
        http.put("/api/actions/" + actionId + "/status", object("status", "Training requested"), "If-Match", "\"1\"");

        HttpJson.Response stale = http.put("/api/actions/" + actionId + "/rag", object("rag", "RED"),
                "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.json().get("current").get("status").asString()).isEqualTo("Training requested");
        assertThat(http.get("/api/actions/" + actionId).json().get("rag").asString()).isEqualTo("GREEN");
    }

    @Test
    void ofManyConcurrentChangesBasedOnTheSameVersionExactlyOneWins() throws Exception {
        String actionId = createAction(newLead("race@example.org")).json().get("id").asString();
        int clients = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String status = "Update from client " + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return http.put("/api/actions/" + actionId + "/status", object("status", status), "If-Match", "\"1\"")
                        .status();
            }));
        }
        start.countDown();
        List<Integer> codes = new java.util.ArrayList<>();
        for (var status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();

        assertThat(codes).containsOnly(200, 412);
        assertThat(codes.stream().filter(c -> c == 200)).hasSize(1);
        assertThat(http.get("/api/actions/" + actionId).header("ETag")).isEqualTo("\"2\"");
        assertThat(http.get("/api/actions/" + actionId + "/history").json()).hasSize(2);
    }

    @Test
    void aChangeWithoutAVersionIsRefusedWith428() {
        String actionId = createAction(newLead("c@example.org")).json().get("id").asString();

        HttpJson.Response refused = http.put("/api/actions/" + actionId + "/rag", object("rag", "RED"));

        assertThat(refused.status()).isEqualTo(428);
        assertThat(refused.json().get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void badInputIsRefusedWith400NamingTheField() {
        String leadId = newLead("d@example.org");
        String actionId = createAction(leadId).json().get("id").asString();

        assertField(http.put("/api/actions/" + actionId + "/rag", object("rag", "PURPLE"), "If-Match", "\"1\""), "rag");
        assertField(http.put("/api/actions/" + actionId + "/due-date", object("due", "2022-02-30"), "If-Match", "\"1\""),
                "due");
        assertField(http.patch("/api/actions/" + actionId, object("text", "  "), "If-Match", "\"1\""), "text");
        assertField(http.patch("/api/actions/" + actionId, object("leads", List.of("Nobody We Know")),
                "If-Match", "\"1\""), "leads[0]");
        assertField(http.patch("/api/actions/" + actionId, object("status", "x".repeat(5000)), "If-Match", "\"1\""),
                "status");
        assertField(http.patch("/api/actions/" + actionId, "{\"text\": ", "If-Match", "\"1\""), "body");
        assertThat(http.get("/api/actions/" + actionId).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aPatchLeavesWhatItDoesNotNameAndANullDueDateRemovesIt() {
        String actionId = createAction(newLead("patch@example.org")).json().get("id").asString();

        JsonNode statusOnly = http.patch("/api/actions/" + actionId, object("status", "Started"), "If-Match", "\"1\"",
                "Content-Type", "application/merge-patch+json").json();
        assertThat(statusOnly.get("due").get("text").asString()).isEqualTo("Jun 22");

        java.util.Map<String, Object> clearDue = new java.util.HashMap<>();
        clearDue.put("due", null);
        // An ETag sent back without its quotes is read as the same version.
        JsonNode cleared = http.patch("/api/actions/" + actionId, clearDue, "If-Match", "2").json();
        assertThat(cleared.get("due").isNull()).isTrue();
        assertThat(cleared.get("status").asString()).isEqualTo("Started");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndAWrongTypeIsRefusedNotConverted() {
        String actionId = createAction(newLead("many@example.org")).json().get("id").asString();

        HttpJson.Response refused = http.post("/api/actions", object("planId", " ", "text", "",
                "reason", "r".repeat(Action.MAX_TEXT + 1)));
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new java.util.ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("planId", "text", "reason");

        assertField(http.patch("/api/actions/" + actionId, object("text", 5), "If-Match", "\"1\""), "text");
        assertField(http.patch("/api/actions/" + actionId, object("version", 1.5), "If-Match", "\"1\""), "version");
        assertField(http.put("/api/actions/" + actionId + "/status", object("status", "x", "colour", "blue"),
                "If-Match", "\"1\""), "colour");
        assertField(http.get("/api/actions?planId=" + planId + "&size=501"), "size");
        assertField(http.get("/api/actions?planId=" + planId + "&overdue=maybe"), "overdue");
        assertThat(http.get("/api/actions/" + actionId).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aMeasureIsTextUntilLinkedToAMeasureServiceMeasure() {
        String actionId = createAction(newLead("m@example.org")).json().get("id").asString();

        JsonNode linked = http.patch("/api/actions/" + actionId, object("measures", List.of(
                "Staff report greater understanding",
                object("text", "Number of carers identified", "measureId", "carers-identified"))),
                "If-Match", "\"1\"").json();

        assertThat(linked.get("measures").get(0).get("measureId").isNull()).isTrue();
        assertThat(linked.get("measures").get(1).get("measureId").asString()).isEqualTo("carers-identified");
        assertField(http.patch("/api/actions/" + actionId, object("measures", List.of(object("text", "x",
                "measureId", "not a valid id!"))), "If-Match", "\"2\""), "measures[0].measureId");
    }

    @Test
    void aMisspeltFieldIsRefusedByNameNotDropped() {
        assertField(http.post("/api/plans", object("title", "Plan", "colour", "blue", "owner",
                object("name", "Owner", "email", "owner@example.org"))), "colour");
        assertField(http.post("/api/leads", object("name", "Someone", "email", "someone@example.org", "phone", "1")),
                "phone");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        HttpJson.Response refused = http.send("POST", "/api/plans", "title=x", "Content-Type", "text/plain");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theServiceServesItsOpenApiDocument() {
        HttpJson.Response openApi = http.get("/v3/api-docs");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/actions/{id}/due-date")).isTrue();
    }

    @Test
    void unknownIdsAnswer404() {
        HttpJson.Response missing = http.get("/api/actions/no-such-action");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyChangeIsKeptAsATimeline() {
        String actionId = createAction(newLead("e@example.org")).json().get("id").asString();
        http.put("/api/actions/" + actionId + "/rag", object("rag", "Amber", "reason", "Slipping"), "If-Match", "\"1\"",
                "X-Planwatch-User", "lead@example.org");

        JsonNode history = http.get("/api/actions/" + actionId + "/history").json();

        assertThat(history).hasSize(2);
        JsonNode rag = history.get(1);
        assertThat(rag.get("field").asString()).isEqualTo("rag");
        assertThat(rag.get("from").asString()).isEqualTo("GREEN");
        assertThat(rag.get("to").asString()).isEqualTo("AMBER");
        assertThat(rag.get("by").asString()).isEqualTo("lead@example.org");
        assertThat(rag.get("reason").asString()).isEqualTo("Slipping");
    }

    @Test
    void overdueAndLeadFiltersFindTheRightActions() {
        String leadId = newLead("f@example.org");
        String actionId = createAction(leadId).json().get("id").asString();

        JsonNode overdue = http.get("/api/actions?planId=" + planId + "&overdue=true&lead=" + leadId).json();

        assertThat(overdue.get("totalItems").asLong()).isEqualTo(1);
        assertThat(overdue.get("items").get(0).get("id").asString()).isEqualTo(actionId);
        assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(http.get("/api/actions?planId=" + planId + "&rag=RED").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void dueWithinDaysDueBeforeAfterReviewDueAndThemeFiltersFindTheRightActions() {
        String lead = newLead("filters@example.org");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String soon = http.post("/api/actions", object("planId", planId, "themeId", themeId, "text", "Soon",
                "leads", List.of(lead), "due", today.plusDays(5).toString())).json().get("id").asString();
        String later = http.post("/api/actions", object("planId", planId, "text", "Later", "leads", List.of(lead),
                "due", today.plusDays(60).toString(), "review", object("nextReview", today.minusDays(1).toString())))
                .json().get("id").asString();

        assertThat(ids("dueWithinDays=7")).containsExactly(soon);
        assertThat(ids("dueAfter=" + today.plusDays(30))).containsExactly(later);
        assertThat(ids("dueBefore=" + today.plusDays(30) + "&dueAfter=" + today)).containsExactly(soon);
        assertThat(ids("reviewDue=true")).containsExactly(later);
        assertThat(ids("themeId=" + themeId + "&dueAfter=" + today)).containsExactly(soon);
        assertThat(ids("sort=due,desc&dueAfter=" + today)).containsExactly(later, soon);
        assertField(http.get("/api/actions?planId=" + planId + "&dueBefore=31-12-2024"), "dueBefore");
        assertField(http.get("/api/actions?planId=" + planId + "&sort=colour"), "sort");
    }

    private List<String> ids(String query) {
        JsonNode page = http.get("/api/actions?planId=" + planId + "&" + query).json();
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void assertField(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
    }
}
