package org.planwatch.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.actionview.ActionViews;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reminders from the service's own view of actions, scanned on days the test chooses. */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"planwatch.reminders.cron=-",
        "planwatch.reminders.when-action-changes=false"})
class DeadlineRemindersIT {

    static final String TOPIC = "plan.action.events.deadline-reminders";

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.planActionEvents-in-0.destination", () -> TOPIC);
    }

    @Autowired
    ReminderScan scan;

    @Autowired
    ActionViews views;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aPlansOwnReminderDaysReplaceTheDefaults() throws Exception {
        var http = new org.planwatch.testsupport.HttpJson("http://localhost:" + port)
                .as(org.planwatch.testsupport.TestIssuer.shared().administrator("Doncaster"));
        String lead = "policy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = UUID.randomUUID().toString();
        assertThat(http.put("/api/notifications/plans/plan-with-policy/reminder-policy",
                Map.of("daysBefore", java.util.List.of(14), "overdueEveryDays", 14)).status()).isEqualTo(200);
        assertThat(http.put("/api/notifications/plans/plan-with-policy/reminder-policy", Map.of("daysBefore",
                java.util.List.of(0))).at("$.field")).isEqualTo("daysBefore");
        publish(actionId, org.planwatch.notification.PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(),
                actionId, 2, lead, "2022-05-31", "2022-06-30").replace("\"id\":\"plan-1\"", "\"id\":\"plan-with-policy\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(actionId).isPresent());

        scan.scan(LocalDate.of(2022, 6, 16));
        scan.scan(LocalDate.of(2022, 6, 23));

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(lead).size() == 1);
        assertThat(reminders(lead).get(0).getSubject()).contains("is due in 14 days");
        await().during(Duration.ofSeconds(2)).until(() -> reminders(lead).size() == 1);
        assertThat(http.get("/api/notifications/plans/plan-with-policy/reminder-policy").at("$.daysBefore[0]", Integer.class))
                .isEqualTo(14);
    }

    @Test
    void aMonthPrecisionDeadlineGetsOneSevenDayReminderWithACalendarEventHoweverOftenTheScanRuns() throws Exception {
        String lead = "seven-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = UUID.randomUUID().toString();
        publish(actionId, org.planwatch.notification.PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(),
                actionId, 2, lead, "2022-05-31", "2022-06-30").replace("\"text\":\"2022-06-30\"", "\"text\":\"Jun 22\"")
                .replace("\"date\":\"2022-06-30\",\"precision\":\"DAY\"", "\"date\":\"2022-06-30\",\"precision\":\"MONTH\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(actionId).isPresent());

        scan.scan(LocalDate.of(2022, 6, 23));
        scan.scan(LocalDate.of(2022, 6, 23));
        scan.scan(LocalDate.of(2022, 6, 24));

        MimeMessage reminder = await().atMost(Duration.ofSeconds(20)).until(() -> reminders(lead),
                found -> !found.isEmpty()).get(0);
        assertThat(reminder.getSubject()).contains("is due in 7 days, on Jun 22 (Thursday 30 June 2022)");
        assertThat(org.planwatch.notification.Inbox.part(reminder, "text/calendar"))
                .contains("DTSTART;VALUE=DATE:20220630");
        await().during(Duration.ofSeconds(2)).until(() -> reminders(lead).size() == 1);
    }

    @Test
    void anOverdueActionIsRemindedWeeklyUntilItIsComplete() throws Exception {
        String lead = "overdue-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String actionId = UUID.randomUUID().toString();
        publish(actionId, org.planwatch.notification.PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(),
                actionId, 2, lead, "2022-05-31", "2022-06-30"));
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(actionId).isPresent());

        scan.scan(LocalDate.of(2022, 7, 1));
        scan.scan(LocalDate.of(2022, 7, 5));
        scan.scan(LocalDate.of(2022, 7, 8));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(lead).size() == 2);
        publish(actionId, org.planwatch.notification.PlanActionEventFixtures.ragChanged(UUID.randomUUID().toString(),
                actionId, 3, lead, null, "GREEN", "COMPLETE", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETE".equals(views.find(actionId).get().rag()));
        scan.scan(LocalDate.of(2022, 7, 15));

        await().during(Duration.ofSeconds(2)).until(() -> reminders(lead).size() == 2);
        assertThat(reminders(lead).get(0).getSubject()).contains("is overdue: it was due on Thursday 30 June 2022, 1 day ago");
    }

    private static java.util.List<MimeMessage> reminders(String lead) {
        return org.planwatch.notification.Inbox.mailsTo(lead).stream().filter(m -> {
            try {
                return !m.getSubject().contains("Due date of");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static void publish(String actionId, String json) {
        KafkaTopics.send(TOPIC, actionId, json, Map.of());
    }
}
