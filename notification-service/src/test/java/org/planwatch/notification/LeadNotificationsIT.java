package org.planwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.notification.Inbox.awaitMails;
import static org.planwatch.notification.Inbox.mailsTo;
import static org.planwatch.notification.Inbox.part;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.mail.MailQueue;
import org.planwatch.notification.mail.QueuedMail;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@WithTestServers
@SpringBootTest(properties = {"planwatch.reminders.cron=-", "planwatch.reminders.when-action-changes=false"})
class LeadNotificationsIT {

    /** A topic of this test's own, so another cached test context in this JVM never takes its events. */
    static final String TOPIC = "plan.action.events.lead-notifications";
    static final String DEAD_LETTERS = TOPIC + ".dlq";

    @Autowired
    MailQueue queue;

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.planActionEvents-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.planActionEventsDlq-out-0.destination", () -> DEAD_LETTERS);
    }

    @Test
    void aDueDateChangeEmailsTheLeadWithOldAndNewDateAndThePlan() throws Exception {
        String lead = unique("lead");
        String actionId = UUID.randomUUID().toString();

        publish(actionId, PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(), actionId, 2, lead,
                "2022-06-30", "2022-09-15"));

        MimeMessage mail = awaitMails(lead, 1).get(0);
        assertThat(mail.getSubject()).contains("Carers Strategy Action Plan").contains("1.1a")
                .contains("Jun 22").contains("15 September 2022");
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(lead);
        assertThat(part(mail, "text/plain")).contains("Waiting for the GP pack").contains("IDENTIFICATION")
                .contains("Carers support will record on the <mosaic> system.");
        assertThat(part(mail, "text/html")).contains("Carers support will record on the &lt;mosaic&gt; system.")
                .doesNotContain("<mosaic>");
        assertThat(part(mail, "text/calendar")).contains("DTSTART;VALUE=DATE:20220915").contains("SEQUENCE:2")
                .contains("UID:due-" + actionId + "@planwatch");
        assertThat(mail.getMessageID()).as("the same on every attempt: derived from the email's id in the queue")
                .isEqualTo("<" + UUID.nameUUIDFromBytes(mail.getHeader("X-Planwatch-Mail-Id")[0]
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "@localhost>");
    }

    @Test
    void anEmailCanBeFollowedBackToTheTraceOfTheChangeThatCausedIt() throws Exception {
        String lead = unique("traced");
        String actionId = UUID.randomUUID().toString();
        String traceId = "5c1a7bd04f3e2a7791c3b8ab36b2d001";

        KafkaTopics.send(TOPIC, actionId, PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(),
                actionId, 2, lead, "2022-06-30", "2022-09-15"), Map.of("contentType", "application/cloudevents+json",
                "traceparent", "00-" + traceId + "-a3ce929d0e0e4736-01"));

        awaitMails(lead, 1);
        assertThat(queue.find(query(where("recipient").is(lead)))).extracting(QueuedMail::traceId)
                .containsExactly(traceId);
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() throws Exception {
        String lead = unique("twice");
        String actionId = UUID.randomUUID().toString();
        String event = PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(), actionId, 2, lead,
                "2022-06-30", "2022-10-01");

        publish(actionId, event);
        publish(actionId, event);
        String marker = unique("marker");
        publish(actionId, PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(), actionId, 3,
                marker, "2022-10-01", "2022-11-01"));

        awaitMails(marker, 1);
        assertThat(mailsTo(lead)).hasSize(1);
    }

    @Test
    void aMoveToRedEmailsTheLeadsAndThePlanOwner() throws Exception {
        String lead = unique("red-lead");
        String owner = unique("owner");
        String actionId = UUID.randomUUID().toString();

        publish(actionId, PlanActionEventFixtures.ragChanged(PlanActionEventFixtures.newEventId(), actionId, 2, lead, owner,
                "AMBER", "RED", true));

        assertThat(awaitMails(lead, 1).get(0).getSubject()).contains("is now RED (was AMBER)");
        assertThat(awaitMails(owner, 1).get(0).getSubject()).contains("is now RED");
    }

    @Test
    void anUpgradeSendsNothing() throws Exception {
        String lead = unique("upgrade");
        String actionId = UUID.randomUUID().toString();
        publish(actionId, PlanActionEventFixtures.ragChanged(PlanActionEventFixtures.newEventId(), actionId, 2, lead, null,
                "AMBER", "GREEN", false));
        String marker = unique("after-upgrade");
        publish(actionId, PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(), actionId, 3,
                marker, "2022-06-30", "2022-12-01"));

        awaitMails(marker, 1);
        assertThat(mailsTo(lead)).isEmpty();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheStreamMovesOn() throws Exception {
        String key = "broken-" + UUID.randomUUID();
        KafkaTopics.send(TOPIC, key, "{not json", Map.of());
        String lead = unique("after-broken");
        String actionId = UUID.randomUUID().toString();
        publish(actionId, PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(), actionId, 2, lead,
                "2022-06-30", "2023-01-31"));

        awaitMails(lead, 1);
        List<KafkaTopics.Record> dead = KafkaTopics.read(DEAD_LETTERS,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers().get("x-exception-message")).contains("not a CloudEvents JSON action event");
    }

    private static void publish(String actionId, String json) {
        KafkaTopics.send(TOPIC, actionId, json, Map.of("contentType", "application/cloudevents+json"));
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
