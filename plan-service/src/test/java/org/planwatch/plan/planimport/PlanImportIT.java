package org.planwatch.plan.planimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.json.JsonMapper;

/** An administrator feeds in the plan document they already have: a dry run first, then a commit, then newer versions. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanImportIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String IMPORTS = "/api/plans/imports?ownerName=Olive%20Owner&ownerEmail=owner@example.org";


    @LocalServerPort
    int port;

    HttpJson adminOf(String partnership) {
        return new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator(partnership));
    }

    @Test
    void aDryRunShowsTheParsedPlanAndEveryWarningWithItsLineAndStoresNothing() {
        HttpJson admin = adminOf("Dry Run Partnership");

        HttpJson.Response dryRun = admin.upload(IMPORTS, Seeds.DONCASTER, Seeds.bytes(Seeds.DONCASTER));

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.at("$.committed", Boolean.class)).isFalse();
        assertThat(dryRun.at("$.summary.actions", Integer.class)).isEqualTo(47);
        assertThat(dryRun.list("$.themes[*].name")).containsExactly("IDENTIFICATION", "RECOGNITION",
                "INFORMATION AND ADVICE", "RIGHTS", "CONNECTION", "INDEPENDENCE AND WELLBEING");
        assertThat(dryRun.list("$.changes.created[*].reference")).hasSize(47).contains("1.1.1", "6.7.1");
        assertThat(dryRun.list("$.warnings[*].place")).contains("line 2", "line 35").doesNotContainNull();
        assertThat(admin.get("/api/plans").at("$.totalItems", Integer.class)).isZero();
    }

    @Test
    void aCommitCreatesThePlanAndEachActionsHistoryStartsWithItsLineInTheFile() {
        HttpJson admin = adminOf("Commit Partnership");

        HttpJson.Response committed = admin.upload(IMPORTS + "&commit=true", Seeds.PERTH, Seeds.bytes(Seeds.PERTH));

        assertThat(committed.status()).isEqualTo(201);
        String planId = committed.at("$.planId");
        assertThat(committed.header("Location")).endsWith("/api/plans/" + planId);
        HttpJson.Response actions = admin.get("/api/actions?planId=" + planId + "&sort=reference");
        assertThat(actions.list("$.items[*].reference")).containsExactly("1.1", "2.1", "3.1", "4.1", "5.1");
        assertThat(actions.at("$.items[2].leads[0].name")).isEqualTo("Carers Centre Manager");
        assertThat(actions.at("$.items[2].due.text")).isEqualTo("June 2023 and quarterly review");
        String employers = actions.at("$.items[2].id");
        HttpJson.Response history = admin.get("/api/actions/" + employers + "/history");
        assertThat(history.at("$[0].reason")).isEqualTo("imported from " + Seeds.PERTH + ", line 4");
    }

    @Test
    void aPlanPublishedAsAPdfImportsAsItsSpreadsheetDoesSoEitherCanUpdateTheOther() throws Exception {
        HttpJson admin = adminOf("PDF Partnership");
        String pdf = "doncaster-carers-action-plan.pdf";
        byte[] printed;
        try (var in = getClass().getResourceAsStream("/plans/" + pdf)) {
            printed = in.readAllBytes();
        }

        HttpJson.Response fromPdf = admin.upload(IMPORTS + "&commit=true", pdf, printed);

        assertThat(fromPdf.status()).isEqualTo(201);
        assertThat(fromPdf.at("$.format")).isEqualTo("pdf");
        assertThat(fromPdf.at("$.title")).isEqualTo("Doncaster Carers Strategy Action Plan 2022-2025");
        assertThat(fromPdf.list("$.changes.created")).hasSize(47);
        String planId = fromPdf.at("$.planId");
        String firstAction = admin.get("/api/actions?planId=" + planId + "&sort=reference").at("$.items[0].id");
        assertThat(admin.get("/api/actions/" + firstAction + "/history").at("$[0].reason"))
                .isEqualTo("imported from " + pdf + ", page 1, row 3");

        HttpJson.Response fromTsv = admin.upload(IMPORTS + "&commit=true&planId=" + planId, Seeds.DONCASTER,
                Seeds.bytes(Seeds.DONCASTER));

        assertThat(fromTsv.status()).isEqualTo(200);
        assertThat(fromTsv.list("$.changes.created")).isEmpty();
        assertThat(fromTsv.list("$.changes.updated")).isEmpty();
        assertThat(fromTsv.at("$.changes.unchanged", Integer.class)).isEqualTo(47);
    }

    @Test
    void reimportingTheSameFileChangesNothingAndPublishesNothing() {
        HttpJson admin = adminOf("Reimport Partnership");
        String planId = admin.upload(IMPORTS + "&commit=true", Seeds.DONCASTER, Seeds.bytes(Seeds.DONCASTER))
                .at("$.planId");

        HttpJson.Response again = admin.upload(IMPORTS + "&commit=true", Seeds.DONCASTER, Seeds.bytes(Seeds.DONCASTER));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("$.planId")).isEqualTo(planId);
        assertThat(again.list("$.changes.created")).isEmpty();
        assertThat(again.list("$.changes.updated")).isEmpty();
        assertThat(again.at("$.changes.unchanged", Integer.class)).isEqualTo(47);
        HttpJson.Response actions = admin.get("/api/actions?planId=" + planId + "&size=100");
        assertThat(actions.at("$.totalItems", Integer.class)).isEqualTo(47);
        assertThat(actions.list("$.items[?(@.version != 1)].reference")).as("actions changed by the re-import").isEmpty();
        assertThat(admin.get("/api/plans").at("$.totalItems", Integer.class)).isEqualTo(1);
        String anAction = actions.at("$.items[0].id");
        assertThat(KafkaTopics.read("plan.action.events", r -> anAction.equals(r.key()), 2, Duration.ofSeconds(5)))
                .as("events of one action: its creation only").hasSize(1);
    }

    @Test
    void aNewerVersionUpdatesOnlyWhatChangedAndReportsActionsThatDisappeared() {
        HttpJson admin = adminOf("Newer Version Partnership");
        admin.upload(IMPORTS + "&commit=true", Seeds.DONCASTER, Seeds.bytes(Seeds.DONCASTER));
        List<String> lines = new String(Seeds.bytes(Seeds.DONCASTER), StandardCharsets.UTF_8).lines().toList();
        String newer = String.join("\n", lines.subList(0, 70)).replaceFirst("\tApr 22\t", "\tJun 22\t");

        HttpJson.Response update = admin.upload(IMPORTS + "&commit=true", Seeds.DONCASTER,
                newer.getBytes(StandardCharsets.UTF_8));

        assertThat(update.status()).isEqualTo(200);
        assertThat(update.list("$.changes.updated[*].reference")).containsExactly("1.1.1");
        assertThat(update.list("$.changes.updated[0].fields")).containsExactly("dueDate");
        assertThat(update.list("$.changes.missing[*].reference")).containsExactly("6.7.1");
        String moved = update.at("$.changes.updated[0].actionId");
        HttpJson.Response action = admin.get("/api/actions/" + moved);
        assertThat(action.at("$.due.text")).isEqualTo("Jun 22");
        assertThat(admin.get("/api/actions/" + moved + "/history").at("$[1].reason"))
                .isEqualTo("imported from " + Seeds.DONCASTER + ", line 3");
        String disappeared = update.at("$.changes.missing[0].actionId");
        assertThat(admin.get("/api/actions/" + disappeared).status()).as("reported, never deleted").isEqualTo(200);
        assertThat(KafkaTopics.read("plan.action.events", r -> moved.equals(r.key()), 2, Duration.ofSeconds(20)))
                .as("created, then the due date moved").hasSize(2);
    }

    @Test
    void anImportLinksMeasuresOfTheSameNameProposesSimilarOnesAndAReimportKeepsALinkMadeByHand() {
        String partnership = "Measure Link Partnership";
        HttpJson admin = adminOf(partnership);
        announce("carers-supported", "Number of carers supported by PKAVS and Perth and Kinross HSCP", partnership);
        announce("feel-supported", "Percentage of carers feeling supported to continue their caring role",
                partnership);
        announce("professionals-trained", "Number of professionals completing training", "Another Partnership");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin
                .upload(IMPORTS, Seeds.PERTH, Seeds.bytes(Seeds.PERTH)).list("$.measureLinks[*].measureId"))
                .containsExactly("carers-supported", "feel-supported"));
        HttpJson.Response dryRun = admin.upload(IMPORTS, Seeds.PERTH, Seeds.bytes(Seeds.PERTH));
        assertThat(dryRun.list("$.measureLinks[*].match")).containsExactly("SAME_NAME", "SIMILAR_NAME");
        assertThat(HttpJson.at(dryRun.body(), "$.measureLinks[*].linked", List.class)).containsExactly(true, false);
        assertThat(dryRun.at("$.measureLinks[0].reference")).isEqualTo("1.1");
        assertThat(dryRun.at("$.measureLinks[0].text")).isEqualTo("Number of carers supported by PKAVS and Perth and"
                + " Kinross HSCP.");

        String planId = admin.upload(IMPORTS + "&commit=true", Seeds.PERTH, Seeds.bytes(Seeds.PERTH)).at("$.planId");
        HttpJson.Response first = admin.get("/api/actions?planId=" + planId + "&sort=reference");
        String actionId = first.at("$.items[0].id");
        assertThat(first.list("$.items[0].measures[*].measureId")).containsExactly("carers-supported", null, null);

        HttpJson.Response action = admin.get("/api/actions/" + actionId);
        List<Object> measures = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = action.at("$.measures[" + i + "].text");
            String measureId = i == 1 ? "carers-feeling-supported" : action.at("$.measures[" + i + "].measureId");
            measures.add(HttpJson.object("text", text, "measureId", measureId));
        }
        assertThat(admin.patch("/api/actions/" + actionId, HttpJson.object("measures", measures), "If-Match",
                "\"" + action.at("$.version") + "\"").status()).isEqualTo(200);

        HttpJson.Response again = admin.upload(IMPORTS + "&commit=true", Seeds.PERTH, Seeds.bytes(Seeds.PERTH));

        assertThat(again.list("$.changes.updated")).as("a link made by hand is not undone").isEmpty();
        assertThat(admin.get("/api/actions/" + actionId).list("$.measures[*].measureId"))
                .containsExactly("carers-supported", "carers-feeling-supported", null);
    }

    /** measure-service announcing a measure, as its contract says it does. */
    static void announce(String key, String name, String partnership) {
        String event = JSON.writeValueAsString(HttpJson.object("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "/planwatch/measure-service", "type", "org.planwatch.measure.status-changed.v1",
                "subject", key, "time", Instant.now().toString(), "datacontenttype", "application/json",
                "data", HttpJson.object("measure", HttpJson.object("key", key, "name", name, "unit", "COUNT",
                                "direction", "HIGHER_IS_BETTER", "frequency", "QUARTERLY", "partnership", partnership,
                                "publishers", List.of("PKAVS"), "actionIds", List.of()),
                        "outlook", "NOT_JUDGED", "previousOutlook", null, "stale", false, "previouslyStale", false,
                        "trend", "UNKNOWN",
                        "reason", "no figures yet")));
        assertThat(EventContracts.violations(EventContracts.schemaOf("measure-service",
                "measure-status-event.v1.schema.json"), event)).as("the example keeps measure-service's contract")
                .isEmpty();
        KafkaTopics.send("measure.status.events", key, event, Map.of());
    }

    @Test
    void aFileThatIsNotAPlanIsRefusedNamingTheFileAndTheReason() {
        HttpJson admin = adminOf("Bad Files Partnership");

        HttpJson.Response empty = admin.upload(IMPORTS, "plan.tsv", new byte[0]);
        HttpJson.Response binary = admin.upload(IMPORTS, "plan.tsv", new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        HttpJson.Response noHeader = admin.upload(IMPORTS, "list.csv", "Item,Price\nMilk,1.20\n".getBytes());
        HttpJson.Response huge = admin.upload(IMPORTS, "plan.tsv", new byte[11 * 1024 * 1024]);
        HttpJson.Response noFile = admin.send("POST", IMPORTS, "--b\r\nContent-Disposition: form-data; name=\"notes\""
                + "\r\n\r\nthe plan\r\n--b--\r\n", "Content-Type", "multipart/form-data; boundary=b");

        for (HttpJson.Response refused : List.of(empty, binary, noHeader, noFile)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("$.field")).isEqualTo("file");
        }
        assertThat(noHeader.at("$.detail")).contains("no header row");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(admin.get("/api/plans").at("$.totalItems", Integer.class)).isZero();
    }

    @Test
    void aDocumentARowOfWhichCannotBeStoredIsRefusedWholeAndStoresNothing() {
        HttpJson admin = adminOf("Refused Partnership");
        String tooLong = "Train staff ".repeat(400);
        String document = "No\tOutcome\tAction\tLead\tDue Date\n"
                + "1.1\tCarers are identified.\tTell carers about support\tCarers Lead\tJun 22\n"
                + "1.2\tCarers are heard.\t" + tooLong + "\tCarers Lead\tJul 22\n";

        HttpJson.Response refused = admin.upload(IMPORTS + "&commit=true", "plan.tsv",
                document.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("$.errors[0].place")).isEqualTo("line 3");
        assertThat(refused.at("$.errors[0].column")).isEqualTo("text");
        assertThat(admin.get("/api/plans").at("$.totalItems", Integer.class)).isZero();
    }

    @Test
    void onlyAdministratorsImportPlans() {
        HttpJson lead = new HttpJson("http://localhost:" + port)
                .as(TestIssuer.shared().lead("lead@example.org", "Lead Partnership"));

        assertThat(lead.upload(IMPORTS, Seeds.PERTH, Seeds.bytes(Seeds.PERTH)).status()).isEqualTo(403);
        assertThat(new HttpJson("http://localhost:" + port).upload(IMPORTS, Seeds.PERTH, Seeds.bytes(Seeds.PERTH))
                .status()).isEqualTo(401);
    }
}
