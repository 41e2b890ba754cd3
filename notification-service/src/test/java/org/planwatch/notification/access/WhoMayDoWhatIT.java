package org.planwatch.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** notification-service decides for itself, from the caller's token, who reaches which emails and preferences. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "planwatch.scheduling.enabled=false")
class WhoMayDoWhatIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

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
