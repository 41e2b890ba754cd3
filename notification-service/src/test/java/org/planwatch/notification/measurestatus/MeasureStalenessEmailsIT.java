package org.planwatch.notification.measurestatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.planwatch.notification.Inbox.awaitMails;
import static org.planwatch.notification.Inbox.mailsTo;
import static org.planwatch.notification.Inbox.part;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.EventContracts;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When a measure's figures stop coming, its publisher's contact and the leads of its actions are told once; when
 * they come again, they are told that too.
 */
@WithTestServers
@SpringBootTest(properties = {"planwatch.reminders.cron=-", "planwatch.reminders.when-action-changes=false",
        "planwatch.mail.chart-wait=3s"})
class MeasureStalenessEmailsIT {

    static final String ACTIONS = "plan.action.events.measure-staleness";
    static final String STATUS = "measure.status.events.measure-staleness";
    /** A small real PNG, as measure-service sends its chart. */
    static final String A_CHART = Base64.getEncoder().encodeToString(aPng(0x005eb8));
    static final String A_LATER_CHART = Base64.getEncoder().encodeToString(aPng(0xd5281b));
    static final Instant JUDGED_AT = Instant.parse("2026-07-15T02:00:00Z");

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.planActionEvents-in-0.destination", () -> ACTIONS);
        registry.add("spring.cloud.stream.bindings.planActionEventsDlq-out-0.destination", () -> ACTIONS + ".dlq");
        registry.add("spring.cloud.stream.bindings.measureStatus-in-0.destination", () -> STATUS);
    }

    @Test
    void aMeasureWhoseFiguresStopComingIsToldOnceToItsPublisherAndItsLeadsAndAgainWhenTheyResume() throws Exception {
        String lead = "lead-" + UUID.randomUUID() + "@example.org";
        String partner = "data-" + UUID.randomUUID() + "@pkavs.example.org";
        String actionId = UUID.randomUUID().toString();
        KafkaTopics.send(ACTIONS, actionId, PlanActionEventFixtures.dueDateChanged(PlanActionEventFixtures.newEventId(),
                actionId, 2, lead, "2026-06-30", "2026-09-30"), Map.of());
        awaitMails(lead, 1);

        String stale = statusEvent(true, false, partner, actionId);
        KafkaTopics.send(STATUS, "carers-supported", stale, Map.of());
        KafkaTopics.send(STATUS, "carers-supported", stale, Map.of());

        MimeMessage toPartner = awaitMails(partner, 1).get(0);
        assertThat(toPartner.getSubject()).isEqualTo("No new figures for \"Number of carers supported\" since 2026-Q1");
        assertThat(part(toPartner, "text/plain")).contains("a measure your organisation publishes")
                .contains("Latest figure: 1100 for 2026-Q1").contains("Expected by:   Tuesday 14 July 2026");
        MimeMessage toLead = awaitMails(lead, 2).get(1);
        assertThat(toLead.getSubject()).startsWith("No new figures");
        assertThat(part(toLead, "text/plain")).contains("A measure of an action you lead");
        assertThat(part(toLead, "text/html")).contains("src=\"cid:measure-chart\"")
                .contains("alt=\"Baseline 1000 on 2025-03-31. Figures: 2026-Q1 1100.\"");
        assertThat(inlineChart(toLead)).as("the chart travels inside the email").isEqualTo(Base64.getDecoder()
                .decode(A_CHART));

        KafkaTopics.send(STATUS, "carers-supported", statusEvent(false, true, partner, actionId), Map.of());
        assertThat(awaitMails(partner, 2).get(1).getSubject())
                .isEqualTo("Figures for \"Number of carers supported\" are coming in again");
        awaitMails(lead, 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(partner).size() == 2
                && mailsTo(lead).size() == 3);
    }

    @Test
    void aRatingAMeasureLoweredIsEmailedWithTheMeasuresChart() throws Exception {
        String lead = "lead-" + UUID.randomUUID() + "@example.org";
        String actionId = UUID.randomUUID().toString();
        String measure = "carers-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = "data-" + UUID.randomUUID() + "@pkavs.example.org";
        KafkaTopics.send(STATUS, measure, statusEvent(measure, true, false, partner, actionId), Map.of());
        awaitMails(partner, 1);
        String ragEvent = PlanActionEventFixtures.ragChangedByMeasure(PlanActionEventFixtures.newEventId(), actionId,
                2, lead, measure);
        assertThat(EventContracts.violations(EventContracts.schemaOf("plan-service",
                "plan-action-event.v1.schema.json"), ragEvent)).as("the example keeps plan-service's contract").isEmpty();
        KafkaTopics.send(ACTIONS, actionId, ragEvent, Map.of());

        MimeMessage downgrade = awaitMails(lead, 1).get(0);
        assertThat(downgrade.getSubject()).contains("is now RED (was GREEN)");
        assertThat(part(downgrade, "text/html")).contains("src=\"cid:measure-chart\"");
        assertThat(inlineChart(downgrade)).isEqualTo(Base64.getDecoder().decode(A_CHART));
    }

    @Test
    void aRatingChangeThatArrivesBeforeItsMeasuresNewChartIsEmailedWithTheNewChartNotTheOldOne() throws Exception {
        MeasureWithAChart given = aMeasureWhoseChartWasHeard();
        Instant nextJudgement = JUDGED_AT.plus(Duration.ofDays(92));

        // plan-service read the next judgement and lowered the rating before this service read that judgement
        given.ratingLoweredByItsJudgementAt(nextJudgement);
        Thread.sleep(1000);
        KafkaTopics.send(STATUS, given.measure(), statusEvent(given.measure(), false, true, given.partner(),
                given.actionId(), nextJudgement, A_LATER_CHART), Map.of());

        MimeMessage downgrade = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(given.lead()).stream()
                .filter(m -> subjectOf(m).contains("is now RED")).findFirst(), java.util.Optional::isPresent).get();
        assertThat(inlineChart(downgrade)).as("the chart of the judgement that lowered the rating")
                .isEqualTo(Base64.getDecoder().decode(A_LATER_CHART));
    }

    @Test
    void aRatingChangeWhoseMeasuresChartNeverComesIsEmailedWithoutAChartRatherThanAnOlderOne() throws Exception {
        MeasureWithAChart given = aMeasureWhoseChartWasHeard();

        given.ratingLoweredByItsJudgementAt(JUDGED_AT.plus(Duration.ofDays(92)));

        MimeMessage downgrade = awaitMails(given.lead(), 1).get(0);
        assertThat(downgrade.getSubject()).contains("is now RED (was GREEN)");
        assertThat(inlineChart(downgrade)).as("the chart it holds is older than the judgement").isNull();
        assertThat(part(downgrade, "text/html")).doesNotContain("cid:measure-chart");
        assertThat(part(downgrade, "text/plain")).as("the reason still says why").contains("is off track");
    }

    @Test
    void aRatingChangeWaitingForItsMeasuresChartDoesNotHoldUpOtherActionsEmails() throws Exception {
        MeasureWithAChart given = aMeasureWhoseChartWasHeard();
        String otherLead = "lead-" + UUID.randomUUID() + "@example.org";
        String otherAction = anActionIdOnAnotherPartitionThan(given.actionId());

        given.ratingLoweredByItsJudgementAt(JUDGED_AT.plus(Duration.ofDays(92)));
        KafkaTopics.send(ACTIONS, otherAction, PlanActionEventFixtures.dueDateChanged(
                PlanActionEventFixtures.newEventId(), otherAction, 2, otherLead, "2026-06-30", "2026-09-30"), Map.of());

        awaitMails(otherLead, 1);
        assertThat(mailsTo(given.lead())).as("the rating change still waits for its chart (3 s here)").isEmpty();
        assertThat(awaitMails(given.lead(), 1).get(0).getSubject()).contains("is now RED (was GREEN)");
    }

    /** Kafka's default partitioner's choice among the topic's three partitions. */
    private static String anActionIdOnAnotherPartitionThan(String actionId) {
        int taken = partitionOf(actionId);
        return java.util.stream.Stream.generate(() -> UUID.randomUUID().toString())
                .filter(id -> partitionOf(id) != taken).findFirst().orElseThrow();
    }

    private static int partitionOf(String key) {
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes)) % 3;
    }

    /** A measure of an action led by {@code lead}, whose chart as judged at {@link #JUDGED_AT} this service holds. */
    record MeasureWithAChart(String lead, String actionId, String measure, String partner) {

        void ratingLoweredByItsJudgementAt(Instant judgedAt) {
            KafkaTopics.send(ACTIONS, actionId, PlanActionEventFixtures.ragChangedByMeasure(
                    PlanActionEventFixtures.newEventId(), actionId, 2, lead, measure, judgedAt), Map.of());
        }
    }

    static MeasureWithAChart aMeasureWhoseChartWasHeard() {
        MeasureWithAChart given = new MeasureWithAChart("lead-" + UUID.randomUUID() + "@example.org",
                UUID.randomUUID().toString(), "carers-" + UUID.randomUUID().toString().substring(0, 8),
                "data-" + UUID.randomUUID() + "@pkavs.example.org");
        KafkaTopics.send(STATUS, given.measure(), statusEvent(given.measure(), true, false, given.partner(),
                given.actionId(), JUDGED_AT, A_CHART), Map.of());
        awaitMails(given.partner(), 1);
        return given;
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PNG shown in the email's HTML as cid:measure-chart, or null. */
    static byte[] inlineChart(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                byte[] found = inlineChart(parts.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        String[] ids = part.getHeader("Content-ID");
        return part.isMimeType("image/png") && ids != null && ids[0].equals("<measure-chart>")
                ? part.getInputStream().readAllBytes() : null;
    }

    static byte[] aPng(int colour) {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 4,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 2, colour);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String statusEvent(boolean stale, boolean previouslyStale, String contact, String actionId) {
        return statusEvent("carers-supported", stale, previouslyStale, contact, actionId);
    }

    static String statusEvent(String key, boolean stale, boolean previouslyStale, String contact, String actionId) {
        return statusEvent(key, stale, previouslyStale, contact, actionId, JUDGED_AT, A_CHART);
    }

    static String statusEvent(String key, boolean stale, boolean previouslyStale, String contact, String actionId,
                              Instant time, String chart) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/planwatch/measure-service",
                 "type":"org.planwatch.measure.status-changed.v1","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"measure":{"key":"%s","name":"Number of carers supported","unit":"COUNT",
                   "direction":"HIGHER_IS_BETTER","frequency":"QUARTERLY","partnership":"Perth and Kinross",
                   "publishers":["PKAVS Carers Hub"],"actionIds":["%s"],
                   "contact":{"name":"PKAVS data team","email":"%s"}},
                  "outlook":"ON_TRACK","previousOutlook":"ON_TRACK","stale":%s,"previouslyStale":%s,
                  "latest":{"period":"2026-Q1","value":1100},"trend":"IMPROVING",
                  "target":{"value":1400,"by":"2027-03-31"},"expectedNow":1050,"projected":1500,
                  "projection":"least-squares line through the baseline and 2 figure(s)","expectedBy":"2026-07-14",
                  "reason":"1100 for 2026-Q1 is at or ahead of 1050",
                  "chart":{"mediaType":"image/png","description":"Baseline 1000 on 2025-03-31. Figures: 2026-Q1 1100.",
                   "data":"%s"}}}"""
                .formatted(UUID.randomUUID(), key, time, key, actionId, contact, stale, previouslyStale, chart);
        assertThat(EventContracts.violations(EventContracts.schemaOf("measure-service",
                "measure-status-event.v1.schema.json"), event)).as("the example keeps measure-service's contract")
                .isEmpty();
        return event;
    }
}
