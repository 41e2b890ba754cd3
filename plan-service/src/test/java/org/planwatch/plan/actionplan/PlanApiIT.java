package org.planwatch.plan.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Plans with their themes in order and numbered outcomes, kept as administrators arrange them. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanApiIT {

    @LocalServerPort
    int port;

    HttpJson http;
    String planId;

    @BeforeEach
    void aPlanWithTwoThemes() {
        http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        HttpJson.Response created = http.post("/api/plans", object("title", "Carers Strategy Action Plan",
                "partnership", "Doncaster", "period", "2022-2025",
                "owner", object("name", "Olive Owner", "email", "owner@example.org"),
                "themes", List.of(
                        object("name", "IDENTIFICATION", "outcomes", List.of(
                                object("reference", "1.1", "text", "IT systems will facilitate joined up working."),
                                object("reference", "1.2", "text", "Carers are identified early."))),
                        object("name", "RECOGNITION", "outcomes", List.of()))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/plans/" + created.at("$.id"));
        planId = created.at("$.id");
    }

    @Test
    void themesAndOutcomesKeepTheOrderTheyWereGivenIn() {
        HttpJson.Response plan = http.get("/api/plans/" + planId);

        assertThat(plan.list("$.themes[*].name")).containsExactly("IDENTIFICATION", "RECOGNITION");
        assertThat(plan.list("$.themes[0].outcomes[*].reference")).containsExactly("1.1", "1.2");
        assertThat(plan.at("$.owner.email")).isEqualTo("owner@example.org");
    }

    @Test
    void anAdministratorAddsRenamesMovesAndRemovesThemesAndOutcomes() {
        String third = http.post("/api/plans/" + planId + "/themes", object("name", "HEALTH AND WELLBEING"))
                .at("$.themes[2].id");

        HttpJson.Response moved = http.put("/api/plans/" + planId + "/themes/" + third,
                object("name", "HEALTH & WELLBEING", "position", 1));
        assertThat(moved.list("$.themes[*].name")).containsExactly("HEALTH & WELLBEING", "IDENTIFICATION", "RECOGNITION");

        String outcome = http.post("/api/plans/" + planId + "/themes/" + third + "/outcomes",
                object("reference", "3.1", "text", "Carers look after their own health.")).at("$.themes[0].outcomes[0].id");
        HttpJson.Response changed = http.put("/api/plans/" + planId + "/themes/" + third + "/outcomes/" + outcome,
                object("reference", "3.1", "text", "Carers are supported to look after their own health."));
        assertThat(changed.at("$.themes[0].outcomes[0].text"))
                .isEqualTo("Carers are supported to look after their own health.");

        assertThat(http.delete("/api/plans/" + planId + "/themes/" + third + "/outcomes/" + outcome).status())
                .isEqualTo(200);
        assertThat(http.delete("/api/plans/" + planId + "/themes/" + third).status()).isEqualTo(200);
        assertThat(http.get("/api/plans/" + planId).list("$.themes[*].name")).containsExactly("IDENTIFICATION", "RECOGNITION");
    }

    @Test
    void aThemeThatStillHoldsActionsCannotBeRemovedAndAPlanDeletedTakesItsActionsWithIt() {
        HttpJson.Response plan = http.get("/api/plans/" + planId);
        String theme = plan.at("$.themes[0].id");
        String lead = http.post("/api/leads", object("name", "Lead " + System.nanoTime(), "email", "l@example.org"))
                .at("$.id");
        String action = http.post("/api/actions", object("planId", planId, "themeId", theme,
                "outcomeId", plan.at("$.themes[0].outcomes[0].id"),
                "text", "Record carers on the mosaic system.", "leads", List.of(lead), "due", "Jun 27"))
                .at("$.id");

        assertThat(http.delete("/api/plans/" + planId + "/themes/" + theme).status()).isEqualTo(409);
        assertThat(http.delete("/api/plans/" + planId).status()).isEqualTo(428);
        assertThat(http.delete("/api/plans/" + planId, "If-Match", "\"1\"").status()).isEqualTo(204);
        assertThat(http.get("/api/plans/" + planId).status()).isEqualTo(404);
        assertThat(http.get("/api/actions/" + action).status()).isEqualTo(404);
    }

    @Test
    void aStaleEditOfAPlanIsRefusedWithTheCurrentState() {
        assertThat(http.put("/api/plans/" + planId, object("title", "Carers Strategy Action Plan 2023",
                "owner", object("name", "Olive Owner", "email", "owner@example.org")), "If-Match", "\"1\"").status())
                .isEqualTo(200);

        HttpJson.Response stale = http.put("/api/plans/" + planId, object("title", "Another title",
                "owner", object("name", "Olive Owner", "email", "owner@example.org")), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.at("$.current.title")).isEqualTo("Carers Strategy Action Plan 2023");
    }

    @Test
    void badPlanInputIsRefusedNamingTheFieldAndUnknownIdsAreNotFound() {
        assertThat(field(http.post("/api/plans", object("title", " ", "owner",
                object("name", "O", "email", "o@example.org"))))).isEqualTo("title");
        assertThat(field(http.post("/api/plans", object("title", "T", "owner",
                object("name", "O", "email", "not-an-email"))))).isEqualTo("owner.email");
        String theme = http.get("/api/plans/" + planId).at("$.themes[0].id");
        assertThat(field(http.put("/api/plans/" + planId + "/themes/" + theme, object("position", 7))))
                .isEqualTo("position");
        assertThat(http.get("/api/plans/no-such-plan").status()).isEqualTo(404);
        assertThat(http.post("/api/plans/" + planId + "/themes/no-such-theme/outcomes",
                object("reference", "9.9", "text", "x")).status()).isEqualTo(404);
        assertThat(http.get("/api/plans/" + planId).list("$.themes[*].name")).containsExactly("IDENTIFICATION", "RECOGNITION");
    }

    @Test
    void overLongTextsListsIdsAndQueriesAreRefusedNamingTheFieldAndTheStoredPlanIsUnchanged() {
        String tooLong = "x".repeat(4001);
        String before = http.get("/api/plans/" + planId).body();

        assertThat(field(http.post("/api/plans", object("title", tooLong, "owner",
                object("name", "O", "email", "o@example.org"))))).isEqualTo("title");
        assertThat(field(http.post("/api/plans/" + planId + "/themes", object("name", "NEW", "outcomes",
                List.of(object("reference", "3.1", "text", tooLong)))))).isEqualTo("outcomes[0].text");
        assertThat(field(http.put("/api/plans/" + planId, object("title", "T", "period", tooLong, "owner",
                object("name", "O", "email", "o@example.org")), "If-Match", "\"1\""))).isEqualTo("period");
        assertThat(field(http.get("/api/plans/" + "p".repeat(201)))).isEqualTo("id");
        assertThat(field(http.get("/api/actions?q=" + "q".repeat(1001)))).isEqualTo("q");

        assertThat(http.get("/api/plans/" + planId).body()).isEqualTo(before);
    }

    private static String field(HttpJson.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.at("$.field");
    }
}
