package org.planwatch.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.notification.Inbox.awaitMails;
import static org.planwatch.notification.Inbox.mailsTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An administrator sees the plan events that could not be processed, and replays one once its cause is fixed: its
 * email goes out once, however often it is replayed; one that still fails stays dead-lettered and says why.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planwatch.reminders.cron=-", "planwatch.reminders.when-action-changes=false"})
class ReplayingDeadLettersIT {

    static final String TOPIC = "plan.action.events.replaying";
    static final String DEAD_LETTERS = TOPIC + ".dlq";
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.planActionEvents-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.planActionEventsDlq-out-0.destination", () -> DEAD_LETTERS);
    }

    @LocalServerPort
    int port;

    HttpJson administrator;

    @BeforeEach
    void signIn() {
        administrator = new HttpJson("http://localhost:" + port)
                .as(ISSUER.administrator("Doncaster"));
    }

    @Test
    void anEventDeadLetteredDuringAnOutageIsReplayedAndItsEmailGoesOutOnce() throws Exception {
        String lead = "replayed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = UUID.randomUUID().toString();
        KafkaTopics.send(DEAD_LETTERS, actionId, PlanActionEventFixtures.dueDateChanged(
                PlanActionEventFixtures.newEventId(), actionId, 2, lead, "2022-06-30", "2022-09-15"), Map.of(
                "x-original-topic", TOPIC, "x-original-partition", "0", "x-original-offset", "41",
                "x-exception-message", "Timed out after 30000 ms while waiting for a server"));

        HttpJson.Response listed = awaitListed(actionId);
        assertThat(listed.at("$.items[?(@.key == '" + actionId + "')].reason", List.class))
                .containsExactly("Timed out after 30000 ms while waiting for a server");
        String id = (String) listed.at("$.items[?(@.key == '" + actionId + "')].id", List.class).get(0);
        assertThat(mailsTo(lead)).as("nothing sent before the replay").isEmpty();
        HttpJson another = new HttpJson("http://localhost:" + port).as(ISSUER.administrator("Perth and Kinross"));
        assertThat(another.get("/api/notifications/dead-letters").list("$.items[*].id"))
                .as("another partnership's dead letters").doesNotContain(id);
        assertThat(another.post("/api/notifications/dead-letters/" + id + "/replay", Map.of()).status())
                .isEqualTo(404);

        HttpJson.Response replayed = administrator.post("/api/notifications/dead-letters/" + id + "/replay", Map.of());

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.at("$.replayed.by")).isNotBlank();
        assertThat(awaitMails(lead, 1).get(0).getSubject()).contains("15 September 2022");
        assertThat(administrator.post("/api/notifications/dead-letters/" + id + "/replay", Map.of()).status())
                .as("replaying again is harmless").isEqualTo(200);
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(mailsTo(lead)).as("still one email").hasSize(1));
        assertThat(administrator.get("/api/notifications/dead-letters")
                .at("$.items[?(@.id == '" + id + "')].replayed.at", List.class)).hasSize(1);
    }

    @Test
    void anEventThatStillCannotBeReadStaysDeadLetteredAndSaysWhy() {
        String key = "broken-" + UUID.randomUUID();
        KafkaTopics.send(DEAD_LETTERS, key, "{not json", Map.of("x-exception-message", "unreadable"));
        String id = (String) awaitListed(key).at("$.items[?(@.key == '" + key + "')].id", List.class).get(0);

        HttpJson.Response refused = administrator.post("/api/notifications/dead-letters/" + id + "/replay", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("$.detail")).contains("still cannot be processed");
        assertThat(administrator.post("/api/notifications/dead-letters/0-999999/replay", Map.of()).status())
                .isEqualTo(404);
        assertThat(administrator.post("/api/notifications/dead-letters/not-an-id/replay", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsSeeOrReplayDeadLetters() {
        HttpJson lead = new HttpJson("http://localhost:" + port).as(ISSUER.lead("lena@pkc.example.org", "Perth"));

        assertThat(lead.get("/api/notifications/dead-letters").status()).isEqualTo(403);
        assertThat(lead.post("/api/notifications/dead-letters/0-0/replay", Map.of()).status()).isEqualTo(403);
    }

    private HttpJson.Response awaitListed(String key) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> administrator.get("/api/notifications/dead-letters"),
                        response -> response.status() == 200 && response.body().contains(key));
    }
}
