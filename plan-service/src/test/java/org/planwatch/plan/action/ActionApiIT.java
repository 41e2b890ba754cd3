package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.at;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionApiIT {

    @LocalServerPort
    int port;

    HttpJson http;
    String planId;
    String themeId;
    String outcomeId;

    @BeforeEach
    void aPlanWithALead() {
        http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        http.post("/api/leads", object("kind", "PERSON", "name", "Dana Carers-Lead " + System.nanoTime(),
                "roleTitle", "Carers Lead " + System.nanoTime(), "email", "dana@example.org"));
        HttpJson.Response plan = http.post("/api/plans", object("title", "Carers Strategy Action Plan",
                "partnership", "Doncaster", "period", "2022-2025",
                "owner", object("name", "Olive Owner", "email", "owner@example.org"),
                "themes", List.of(object("name", "IDENTIFICATION", "outcomes",
                        List.of(object("reference", "1.1", "text", "IT systems will facilitate joined up working."))))));
        planId = plan.at("$.id");
        themeId = plan.at("$.themes[0].id");
        outcomeId = plan.at("$.themes[0].outcomes[0].id");
    }

    private HttpJson.Response createAction(String lead) {
        return http.post("/api/actions", object("planId", planId, "themeId", themeId, "outcomeId", outcomeId,
                "reference", "1.1a", "text", "Carers support will record on the council's mosaic system.",
                "leads", List.of(lead), "due", "Jun 22", "rag", "Green",
                "measures", List.of("Improved information sharing")));
    }

    private String newLead(String email) {
        return http.post("/api/leads", object("name", "Lead " + System.nanoTime(), "email", email)).at("$.id");
    }

    @Test
    void aMonthPrecisionDueDateIsDueAtTheEndOfThatMonth() {
        HttpJson.Response created = createAction(newLead("a@example.org"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.at("$.due.date")).isEqualTo("2022-06-30");
        assertThat(created.at("$.due.precision")).isEqualTo("MONTH");
        assertThat(created.at("$.due.text")).isEqualTo("Jun 22");
        assertThat(created.at("$.rag")).isEqualTo("GREEN");
    }

    @Test
    void changingTheDueDatePublishesOneDueDateChangedEventCarryingWhatAConsumerNeeds() {
        String leadId = newLead("due.lead@example.org");
        String actionId = createAction(leadId).at("$.id");

        HttpJson.Response changed = http.put("/api/actions/" + actionId + "/due-date",
                object("due", "2022-09", "reason", "Waiting for GP pack"), "If-Match", "\"1\"");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events",
                r -> actionId.equals(r.key()) && r.value().contains("due-date-changed"), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        String event = events.get(0).value();
        assertThat(at(event, "$.specversion")).isEqualTo("1.0");
        assertThat(at(event, "$.type")).isEqualTo("org.planwatch.plan.action.due-date-changed.v1");
        assertThat(at(event, "$.subject")).isEqualTo(actionId);
        assertThat(events.get(0).headers()).containsEntry("contentType", "application/cloudevents+json");
        assertThat(at(event, "$.data.actionVersion", Long.class)).isEqualTo(2);
        assertThat(at(event, "$.data.changedBy")).isEqualTo("admin@doncaster.example.org");
        assertThat(at(event, "$.data.reason")).isEqualTo("Waiting for GP pack");
        assertThat(at(event, "$.data.previous.due.date")).isEqualTo("2022-06-30");
        assertThat(at(event, "$.data.action.due.date")).isEqualTo("2022-09-30");
        assertThat(at(event, "$.data.plan.title")).isEqualTo("Carers Strategy Action Plan");
        assertThat(at(event, "$.data.outcome.reference")).isEqualTo("1.1");
        assertThat(at(event, "$.data.action.leads[0].email")).isEqualTo("due.lead@example.org");
        assertThat(at(event, "$.data.action.measures[0].text")).isEqualTo("Improved information sharing");
    }

    @Test
    void aStaleVersionIsRefusedWith412AndTheCurrentStateAndNothingIsOverwritten() {
        String actionId = createAction(newLead("b@example.org")).at("$.id");
        http.put("/api/actions/" + actionId + "/status", object("status", "Training requested"), "If-Match", "\"1\"");

        HttpJson.Response stale = http.put("/api/actions/" + actionId + "/rag", object("rag", "RED"),
                "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.at("$.currentVersion", Long.class)).isEqualTo(2);
        assertThat(stale.at("$.current.status")).isEqualTo("Training requested");
        assertThat(http.get("/api/actions/" + actionId).at("$.rag")).isEqualTo("GREEN");
    }

    @Test
    void ofManyConcurrentChangesBasedOnTheSameVersionExactlyOneWins() throws Exception {
        String actionId = createAction(newLead("race@example.org")).at("$.id");
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
        String actionId = createAction(newLead("c@example.org")).at("$.id");

        HttpJson.Response refused = http.put("/api/actions/" + actionId + "/rag", object("rag", "RED"));

        assertThat(refused.status()).isEqualTo(428);
        assertThat(refused.at("$.field")).isEqualTo("If-Match");
    }

    @Test
    void badInputIsRefusedWith400NamingTheField() {
        String leadId = newLead("d@example.org");
        String actionId = createAction(leadId).at("$.id");

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
    void aBodyThatIsNotJsonOrNotAnObjectIsRefusedInTheCallersTermsNotJavas() {
        HttpJson.Response broken = http.post("/api/actions", "{\"planId\": ");
        HttpJson.Response list = http.post("/api/actions", "[]");
        HttpJson.Response text = http.post("/api/actions", "\"an action\"");

        assertField(broken, "body");
        assertThat(broken.at("$.detail")).startsWith("body: is not valid JSON (line 1, column");
        for (HttpJson.Response wrongShape : List.of(list, text)) {
            assertField(wrongShape, "body");
            assertThat(wrongShape.at("$.detail")).isEqualTo("body: must be a JSON object holding the request's fields");
        }
    }

    @Test
    void aPatchLeavesWhatItDoesNotNameAndANullDueDateRemovesIt() {
        String actionId = createAction(newLead("patch@example.org")).at("$.id");

        HttpJson.Response statusOnly = http.patch("/api/actions/" + actionId, object("status", "Started"),
                "If-Match", "\"1\"", "Content-Type", "application/merge-patch+json");
        assertThat(statusOnly.at("$.due.text")).isEqualTo("Jun 22");

        java.util.Map<String, Object> clearDue = new java.util.HashMap<>();
        clearDue.put("due", null);
        // An ETag sent back without its quotes is read as the same version.
        HttpJson.Response cleared = http.patch("/api/actions/" + actionId, clearDue, "If-Match", "2");
        assertThat(cleared.at("$.due")).isNull();
        assertThat(cleared.at("$.status")).isEqualTo("Started");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndAWrongTypeIsRefusedNotConverted() {
        String actionId = createAction(newLead("many@example.org")).at("$.id");

        HttpJson.Response refused = http.post("/api/actions", object("planId", " ", "text", "",
                "reason", "r".repeat(Action.MAX_TEXT + 1)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.list("$.errors[*].field")).containsExactlyInAnyOrder("planId", "text", "reason");

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
        String actionId = createAction(newLead("m@example.org")).at("$.id");

        HttpJson.Response linked = http.patch("/api/actions/" + actionId, object("measures", List.of(
                "Staff report greater understanding",
                object("text", "Number of carers identified", "measureId", "carers-identified"))),
                "If-Match", "\"1\"");

        assertThat(linked.at("$.measures[0].measureId")).isNull();
        assertThat(linked.at("$.measures[1].measureId")).isEqualTo("carers-identified");
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
        assertThat(openApi.at("$.paths", java.util.Map.class)).containsKey("/api/actions/{id}/due-date");
    }

    @Test
    void unknownIdsAnswer404() {
        HttpJson.Response missing = http.get("/api/actions/no-such-action");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyChangeIsKeptAsATimeline() {
        String actionId = createAction(newLead("e@example.org")).at("$.id");
        http.as(TestIssuer.shared().lead("e@example.org", "Doncaster")).put("/api/actions/" + actionId + "/rag",
                object("rag", "Amber", "reason", "Slipping"), "If-Match", "\"1\"");

        HttpJson.Response history = http.get("/api/actions/" + actionId + "/history");

        assertThat(history.at("$.length()", Integer.class)).isEqualTo(2);
        assertThat(history.at("$[1].field")).isEqualTo("rag");
        assertThat(history.at("$[1].from")).isEqualTo("GREEN");
        assertThat(history.at("$[1].to")).isEqualTo("AMBER");
        assertThat(history.at("$[1].by")).isEqualTo("e@example.org");
        assertThat(history.at("$[1].reason")).isEqualTo("Slipping");
    }

    @Test
    void overdueAndLeadFiltersFindTheRightActions() {
        String leadId = newLead("f@example.org");
        String actionId = createAction(leadId).at("$.id");

        HttpJson.Response overdue = http.get("/api/actions?planId=" + planId + "&overdue=true&lead=" + leadId);

        assertThat(overdue.at("$.totalItems", Long.class)).isEqualTo(1);
        assertThat(overdue.at("$.items[0].id")).isEqualTo(actionId);
        assertThat(overdue.at("$.items[0].overdue", Boolean.class)).isTrue();
        assertThat(http.get("/api/actions?planId=" + planId + "&rag=RED").at("$.totalItems", Long.class)).isZero();
    }

    @Test
    void dueWithinDaysDueBeforeAfterReviewDueAndThemeFiltersFindTheRightActions() {
        String lead = newLead("filters@example.org");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String soon = http.post("/api/actions", object("planId", planId, "themeId", themeId, "text", "Soon",
                "leads", List.of(lead), "due", today.plusDays(5).toString())).at("$.id");
        String later = http.post("/api/actions", object("planId", planId, "text", "Later", "leads", List.of(lead),
                "due", today.plusDays(60).toString(), "review", object("nextReview", today.minusDays(1).toString())))
                .at("$.id");

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
        return http.get("/api/actions?planId=" + planId + "&" + query).list("$.items[*].id");
    }

    private static void assertField(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("$.field")).isEqualTo(field);
    }
}
