package org.planwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class LeadNotificationsIT {

    static final String TOPIC = "plan.action.events";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
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
        List<KafkaTopics.Record> dead = KafkaTopics.read("plan.action.events.notification-service.dlq",
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

    static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(TestServers.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The text of the first body part of the given type, however deeply the multiparts nest. */
    static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static List<MimeMessage> awaitMails(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient).size() >= count);
        return mailsTo(recipient);
    }
}
