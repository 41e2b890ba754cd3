package org.planwatch.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** notification-service decides for itself, from the caller's token, who reaches which emails and preferences. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "planwatch.scheduling.enabled=false")
class WhoMayDoWhatIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();


    @LocalServerPort
    int port;

    HttpJson anonymous;
    HttpJson lead;

    @BeforeEach
    void clients() {
        anonymous = new HttpJson("http://localhost:" + port);
        lead = anonymous.as(ISSUER.lead("lena@pkc.example.org", "Perth and Kinross"));
    }

    @Test
    void withoutATokenOnlyHealthAndTheSignedUnsubscribeLinkAnswer() {
        HttpJson.Response refused = anonymous.get("/api/notifications");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.post("/api/notifications/reminders/scan", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/notifications/unsubscribe?token=forged").status()).isNotIn(401, 403, 500);
    }

    @Test
    void aLeadReadsAndSetsOnlyTheirOwnPreferences() {
        assertThat(lead.put("/api/notifications/preferences/lena@pkc.example.org",
                object("delivery", "DAILY_DIGEST", "optedOut", List.of())).status()).isEqualTo(200);
        assertThat(lead.get("/api/notifications/preferences/LENA@pkc.example.org").at("$.delivery"))
                .isEqualTo("DAILY_DIGEST");

        HttpJson.Response someoneElses = lead.put("/api/notifications/preferences/otto@pkc.example.org",
                object("delivery", "DAILY_DIGEST"));
        assertThat(someoneElses.status()).isEqualTo(403);
        assertThat(lead.get("/api/notifications/preferences/otto@pkc.example.org").status()).isEqualTo(403);
    }

    @Test
    void aLeadSeesOnlyTheEmailsSentToThem() {
        assertThat(lead.get("/api/notifications").status()).isEqualTo(200);
        assertThat(lead.get("/api/notifications?recipient=otto@pkc.example.org").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorReadsOnlyTheEmailsAboutTheirOwnPartnership() {
        String recipient = "dana-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = java.util.UUID.randomUUID().toString();
        KafkaTopics.send("plan.action.events", actionId, PlanActionEventFixtures.dueDateChanged(
                PlanActionEventFixtures.newEventId(), actionId, 2, recipient, "2022-06-30", "2022-09-30"), Map.of());
        HttpJson doncaster = anonymous.as(ISSUER.administrator("Doncaster"));
        HttpJson perth = anonymous.as(ISSUER.administrator("Perth and Kinross"));

        await().atMost(Duration.ofSeconds(30)).until(() -> doncaster.get("/api/notifications?recipient=" + recipient)
                .at("$.totalItems", Integer.class) == 1);

        assertThat(perth.get("/api/notifications?recipient=" + recipient).at("$.totalItems", Integer.class)).isZero();
        String id = doncaster.get("/api/notifications?recipient=" + recipient).at("$.items[0].id");
        assertThat(perth.post("/api/notifications/" + id + "/retry", Map.of()).status()).isEqualTo(404);
        assertThat(doncaster.post("/api/notifications/" + id + "/retry", Map.of()).status())
                .as("found, but only a FAILED email is sent again").isEqualTo(409);
    }

    @Test
    void runningTheScanSendingDigestsAndSettingPoliciesAreForAdministrators() {
        assertThat(lead.post("/api/notifications/reminders/scan", Map.of()).status()).isEqualTo(403);
        assertThat(lead.post("/api/notifications/digests/send", Map.of()).status()).isEqualTo(403);
        assertThat(lead.put("/api/notifications/plans/p1/reminder-policy", object("daysBefore", List.of(7)))
                .status()).isEqualTo(403);
        assertThat(lead.get("/actuator/metrics").status()).isEqualTo(403);
        HttpJson partner = anonymous.as(ISSUER.partner("pkavs-feed", "PKAVS"));
        assertThat(partner.get("/api/notifications").status()).isEqualTo(403);
        assertThat(anonymous.as(ISSUER.administrator("Perth and Kinross")).get("/api/notifications").status())
                .isEqualTo(200);
    }
}
