package org.planwatch.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.Inbox;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A lead hears of a date that is already near as soon as the action changes, not at the next scan; the scan and an
 * administrator's "scan now" then find nothing more to send. The scheduled scan is off, so every reminder here comes
 * from the change itself or from the endpoint.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "planwatch.reminders.cron=-")
class RemindersWhenActionsChangeIT {

    static final String TOPIC = "plan.action.events.reminders-on-change";

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.planActionEvents-in-0.destination", () -> TOPIC);
    }

    @LocalServerPort
    int port;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void anActionMovedToADateFiveDaysAwayGetsItsSevenDayReminderAtOnceAndOnlyOnce() {
        String lead = "near-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = UUID.randomUUID().toString();
        String event = PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(), actionId, 2, lead,
                today.plusDays(60).toString(), today.plusDays(5).toString());

        KafkaTopics.send(TOPIC, actionId, event, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(lead).size() == 1);
        KafkaTopics.send(TOPIC, actionId, event, Map.of());
        var scanNow = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster")).post("/api/notifications/reminders/scan", Map.of());

        assertThat(scanNow.status()).isEqualTo(200);
        assertThat(scanNow.at("$.day")).isEqualTo(today.toString());
        assertThat(scanNow.at("$.queued", Integer.class)).isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> reminders(lead).size() == 1);
        assertThat(subject(reminders(lead).get(0))).contains("is due in 5 days");
        assertThat(Inbox.mailsTo(lead)).hasSize(2); // the due-date change and the reminder
        var http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        assertThat(http.get("/api/notifications?actionId=" + actionId + "&kind=due-soon").at("$.totalItems", Integer.class))
                .isEqualTo(1);
        assertThat(http.get("/api/notifications?actionId=" + actionId + "&status=SENT").at("$.totalItems", Integer.class))
                .isEqualTo(2);
        assertThat(http.get("/api/notifications?kind=SOMETIME").at("$.field")).isEqualTo("kind");
    }

    @Test
    void anActionCreatedFarFromItsDateWaitsForTheScanAndAnAdministratorCanRunTheScanNow() {
        String lead = "far-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String farAction = UUID.randomUUID().toString();
        KafkaTopics.send(TOPIC, farAction, PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(),
                farAction, 2, lead, today.plusDays(90).toString(), today.plusDays(60).toString()), Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> Inbox.mailsTo(lead).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> reminders(lead).isEmpty());

        var http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        assertThat(http.put("/api/notifications/plans/plan-1/reminder-policy",
                Map.of("daysBefore", List.of(60, 7))).status()).isEqualTo(200);
        var scanNow = http.post("/api/notifications/reminders/scan", Map.of());

        assertThat(scanNow.at("$.queued", Integer.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(lead).size() == 1);
        assertThat(subject(reminders(lead).get(0))).contains("is due in 60 days");
        assertThat(http.post("/api/notifications/reminders/scan", Map.of()).at("$.queued", Integer.class)).isZero();
    }

    @Test
    void aCorrectedLeadAddressAndARenamedPlanReachTheRemindersButAreNotThemselvesNews() {
        String oldAddress = "old-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String newAddress = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = UUID.randomUUID().toString();
        String due = today.plusDays(5).toString();
        KafkaTopics.send(TOPIC, actionId, PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(),
                actionId, 2, oldAddress, today.plusDays(60).toString(), due), Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(oldAddress).size() == 1);

        KafkaTopics.send(TOPIC, actionId, PlanActionEventFixtures.contextChanged(UUID.randomUUID().toString(),
                actionId, 2, newAddress, due, "Carers Strategy Action Plan 2026-2029"), Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(newAddress).size() == 1);
        assertThat(subject(reminders(newAddress).get(0)))
                .startsWith("[Carers Strategy Action Plan 2026-2029]").contains("is due in 5 days");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Inbox.mailsTo(newAddress).size() == 1 && Inbox.mailsTo(oldAddress).size() == 2);
    }

    private static List<MimeMessage> reminders(String lead) {
        return Inbox.mailsTo(lead).stream().filter(m -> !subject(m).contains("Due date of")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
