package org.planwatch.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.planwatch.notification.Inbox.mailsTo;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.Inbox;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.notification.actionview.ActionViews;
import org.planwatch.notification.digest.DailyDigest;
import org.planwatch.notification.reminder.ReminderScan;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planwatch.reminders.cron=-", "planwatch.reminders.when-action-changes=false",
                "planwatch.digest.cron=-"})
class RecipientPreferencesIT {

    static final String TOPIC = "plan.action.events.preferences";

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.planActionEvents-in-0.destination", () -> TOPIC);
    }

    @LocalServerPort
    int port;

    @Autowired
    DailyDigest digest;

    @Autowired
    ReminderScan reminders;

    @Autowired
    ActionViews views;

    @Test
    void aLeadWhoChoseADailyDigestGetsOneEmailForTheDayWithEverything() throws Exception {
        String lead = unique("digest");
        http().put("/api/notifications/preferences/" + lead, Map.of("delivery", "DAILY_DIGEST"));
        publishDueDateChange(lead, "2022-09-30");
        publishDueDateChange(lead, "2022-10-31");
        await().atMost(Duration.ofSeconds(20)).until(() -> log("recipient=" + lead + "&status=DIGEST") == 2);
        assertThat(mailsTo(lead)).isEmpty();

        digest.send(LocalDate.of(2026, 11, 24));
        digest.send(LocalDate.of(2026, 11, 24));

        MimeMessage mail = Inbox.awaitMails(lead, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("[planwatch] Your digest for Tuesday 24 November 2026: 2 updates");
        assertThat(Inbox.part(mail, "text/plain")).contains("30 September 2022").contains("31 October 2022");
        await().during(Duration.ofSeconds(2)).until(() -> mailsTo(lead).size() == 1);
        assertThat(log("recipient=" + lead + "&status=DIGESTED")).isEqualTo(2);
    }

    @Test
    void anAdministratorCanSendTodaysDigestsWithoutWaitingForTheMorning() throws Exception {
        String lead = unique("digest-now");
        http().put("/api/notifications/preferences/" + lead, Map.of("delivery", "DAILY_DIGEST"));
        publishDueDateChange(lead, "2022-12-31");
        await().atMost(Duration.ofSeconds(20)).until(() -> log("recipient=" + lead + "&status=DIGEST") == 1);

        var sent = http().post("/api/notifications/digests/send", Map.of());

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.at("$.queued", Integer.class)).isGreaterThanOrEqualTo(1);
        MimeMessage mail = Inbox.awaitMails(lead, 1).get(0);
        assertThat(mail.getSubject()).startsWith("[planwatch] Your digest for ").endsWith(": 1 update");
        assertThat(Inbox.part(mail, "text/plain")).contains("31 December 2022");
        assertThat(http().post("/api/notifications/digests/send", Map.of()).at("$.queued", Integer.class)).isZero();
        await().during(Duration.ofSeconds(2)).until(() -> mailsTo(lead).size() == 1);
    }

    @Test
    void oneClickUnsubscribeStopsThatKindOfReminderAndTheLogShowsWhy() throws Exception {
        String lead = unique("unsubscribe");
        String first = publishDueDateChange(lead, "2022-06-30");
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(first).isPresent());
        reminders.scan(LocalDate.of(2022, 6, 25));
        MimeMessage reminder = await().atMost(Duration.ofSeconds(20)).until(() -> reminderTo(lead), m -> m != null);
        String header = reminder.getHeader("List-Unsubscribe")[0];
        assertThat(reminder.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String link = header.substring(1, header.length() - 1).replace("http://localhost:8080", "http://localhost:" + port);

        HttpResponse<String> unsubscribed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(http().get("/api/notifications/preferences/" + lead).at("$.optedOut[0]"))
                .isEqualTo("DUE_SOON");

        String second = publishDueDateChange(lead, "2022-06-29");
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(second).isPresent());
        reminders.scan(LocalDate.of(2022, 6, 25));
        await().atMost(Duration.ofSeconds(20)).until(() -> log("recipient=" + lead + "&status=SKIPPED") == 1);
        assertThat(mailsTo(lead).stream().filter(m -> subject(m).contains("is due in"))).hasSize(1);
    }

    @Test
    void aTamperedUnsubscribeLinkIsRefused() {
        HttpJson.Response refused = http().post("/api/notifications/unsubscribe?recipient=someone.else@example.org"
                + "&kind=DUE_SOON&signature=forged", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(http().get("/api/notifications/preferences/someone.else@example.org").list("$.optedOut"))
                .isEmpty();
    }

    private MimeMessage reminderTo(String lead) {
        return mailsTo(lead).stream().filter(m -> subject(m).contains("is due in")).findFirst().orElse(null);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private String publishDueDateChange(String lead, String newDue) {
        String actionId = UUID.randomUUID().toString();
        KafkaTopics.send(TOPIC, actionId, PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(), actionId,
                2, lead, "2022-05-31", newDue), Map.of());
        return actionId;
    }

    private int log(String query) {
        return http().get("/api/notifications?" + query).at("$.totalItems", Integer.class);
    }

    private HttpJson http() {
        return new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
