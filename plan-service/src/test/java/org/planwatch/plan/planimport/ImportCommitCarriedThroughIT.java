package org.planwatch.plan.planimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planwatch.caller.Caller;
import org.planwatch.plan.actionplan.Contact;
import org.planwatch.plan.planimport.store.ImportJournal;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A commit that stops midway (its instance killed after some rows) is finished by the service, never left half-done. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportCommitCarriedThroughIT {

    static final String PARTNERSHIP = "Halfway Partnership";


    @LocalServerPort
    int port;

    @Autowired
    PlanImports imports;

    @Autowired
    ImportJournal journal;

    @Test
    void aCommitWhoseInstanceDiedAfterTwentyRowsIsFinishedWithEveryActionCreatedOnce() {
        Caller admin = new Caller("admin@halfway", "admin@halfway.example.org", Set.of(Caller.Role.ADMINISTRATOR),
                PARTNERSHIP, null);
        byte[] whole = Seeds.bytes(Seeds.DONCASTER);
        String commitId = journal.open(new ImportJournal.Commit(Seeds.DONCASTER, whole, null, null, "Olive Owner",
                "owner@example.org", admin.subject(), admin.email(), Set.of("ADMINISTRATOR"), PARTNERSHIP, null),
                Duration.ofSeconds(2));
        String firstRows = String.join("\n", new String(whole, StandardCharsets.UTF_8).lines().limit(22).toList());
        // What the killed instance had written: the rows before it died, under the commit's own ids.
        ImportReport beforeTheKill = imports.write(commitId, new PlanImports.ImportRequest(Seeds.DONCASTER,
                firstRows.getBytes(StandardCharsets.UTF_8), null, null, new Contact("Olive Owner", "owner@example.org")),
                admin);
        assertThat(beforeTheKill.changes().created()).hasSizeBetween(5, 30);

        await().atMost(Duration.ofSeconds(30)).until(() -> journal.state(commitId), Optional.of("DONE")::equals);

        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator(PARTNERSHIP));
        assertThat(http.get("/api/plans").at("$.totalItems", Integer.class)).isEqualTo(1);
        String planId = beforeTheKill.planId();
        HttpJson.Response actions = http.get("/api/actions?planId=" + planId + "&size=100&sort=reference");
        List<String> references = actions.list("$.items[*].reference");
        assertThat(references).hasSize(47).doesNotHaveDuplicates().contains("1.1.1", "6.7.1");
        String writtenBeforeTheKill = actions.at("$.items[0].id");
        assertThat(http.get("/api/actions/" + writtenBeforeTheKill + "/history").list("$[*].version"))
                .as("one creation, nothing after it").hasSize(1);
        // The plan gained the themes the first rows lacked: its actions' copies are refreshed, nobody is told.
        assertThat(KafkaTopics.read("plan.action.events", r -> writtenBeforeTheKill.equals(r.key()), 3,
                Duration.ofSeconds(5))).extracting(r -> HttpJson.parse(r.value()).path("type").asText())
                .as("events of an action written before the kill").containsExactly(
                        "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.context-changed.v1");
    }
}
