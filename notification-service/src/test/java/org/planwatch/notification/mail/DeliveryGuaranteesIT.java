package org.planwatch.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.NotificationServiceApplication;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started and stopped as an operator would, against a real broker, the MongoDB stand-in and an SMTP
 * server of this test's own that it takes down and brings back.
 */
class DeliveryGuaranteesIT {

    final String topic = "plan.action.events.delivery-" + UUID.randomUUID();
    final String database = "delivery-" + UUID.randomUUID();
    final int smtpPort = freePort();
    GreenMail smtp;
    ConfigurableApplicationContext service;
    ConfigurableApplicationContext replica;

    @AfterEach
    void stopEverything() {
        if (service != null) {
            service.close();
        }
        if (replica != null) {
            replica.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void withTheSmtpServerDownNothingIsLostAndEverythingIsSentWhenItReturns() {
        service = start();
        List<String> leads = publishDueDateChanges(6);
        await().atMost(Duration.ofSeconds(20)).until(() -> log("status=PENDING").at("$.totalItems", Integer.class) == 6);
        await().during(Duration.ofSeconds(3)).until(() -> log("status=SENT").at("$.totalItems", Integer.class) == 0);

        smtp = startSmtp();

        await().atMost(Duration.ofSeconds(60)).until(() -> log("status=SENT").at("$.totalItems", Integer.class) == 6);
        for (String lead : leads) {
            assertThat(received(lead)).as(lead).isEqualTo(1);
        }
        assertThat(metric("planwatch.mail.sent")).isEqualTo(6);
        assertThat(metric("planwatch.mail.queued")).isEqualTo(6);
        assertThat(metric("planwatch.mail.retried")).isPositive();
    }

    @Test
    void withTheStoreDownNoEventIsDeadLetteredAndEveryEmailGoesOutWhenItReturns() {
        smtp = startSmtp();
        int storePort = freePort();
        MongoServer store = new MongoServer(new MemoryBackend());
        store.bind("127.0.0.1", storePort);
        service = start(Map.of("spring.mongodb.uri", "mongodb://127.0.0.1:" + storePort + "/" + database,
                "planwatch.mongo.server-selection-timeout", "1s"));
        store.shutdownNow();

        List<String> leads = publishDueDateChanges(5);
        // Long enough for every event to fail more often than a failing event may before it is dead-lettered.
        await().pollDelay(Duration.ofSeconds(8)).until(() -> true);
        store = new MongoServer(new MemoryBackend());
        store.bind("127.0.0.1", storePort);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> leads.stream().allMatch(l -> received(l) >= 1));
            await().during(Duration.ofSeconds(2)).until(() -> leads.stream().allMatch(l -> received(l) == 1));
            assertThat(KafkaTopics.read(topic + ".dlq", record -> true, 1, Duration.ofSeconds(2)))
                    .as("nothing dead-lettered for the store's absence").isEmpty();
        } finally {
            service.close();
            service = null;
            store.shutdownNow();
        }
    }

    @Test
    void aRejectedAddressIsMarkedFailedWithTheReasonAndCanBeRetried() {
        smtp = startSmtp();
        service = start();
        String actionId = UUID.randomUUID().toString();
        KafkaTopics.send(topic, actionId, PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(), actionId, 2,
                "no-such.user@@example.org", "2022-06-30", "2022-07-31"), Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> log("status=FAILED").at("$.totalItems", Integer.class) == 1);
        HttpJson.Response failed = log("status=FAILED");
        assertThat(failed.at("$.items[0].lastError")).isNotBlank();
        assertThat(failed.at("$.items[0].attempts", Integer.class)).isEqualTo(1);

        HttpJson.Response retried = http().post("/api/notifications/" + failed.at("$.items[0].id") + "/retry", null);
        assertThat(retried.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> log("status=FAILED")
                .at("$.items[0].attempts", Integer.class) == 2);
    }

    @Test
    void aRestartInTheMiddleOfSendingSendsEachEmailExactlyOnce() {
        smtp = startSmtp();
        service = start();
        List<String> leads = publishDueDateChanges(30);
        await().atMost(Duration.ofSeconds(30)).until(() -> leads.stream().anyMatch(l -> received(l) > 0));
        service.close();

        service = start();

        await().atMost(Duration.ofSeconds(60)).until(() -> leads.stream().allMatch(l -> received(l) >= 1));
        await().during(Duration.ofSeconds(2)).until(() -> leads.stream().allMatch(l -> received(l) == 1));
    }

    @Test
    void twoReplicasShareTheQueueAndNoEmailIsSentTwice() {
        smtp = startSmtp();
        // One consumer each, so that each replica takes some of the topic's three partitions (with three each, one
        // replica's consumers can hold all of them); the senders share the queue whoever consumed.
        Map<String, String> oneConsumer = Map.of("spring.cloud.stream.bindings.planActionEvents-in-0.consumer.concurrency", "1");
        service = start(oneConsumer);
        replica = start(oneConsumer);
        // Both consume before anything is published: a replica still joining would leave the other all the events.
        await().atMost(Duration.ofSeconds(60)).until(() -> membersConsuming(topic) == 2);
        List<String> leads = publishDueDateChanges(40);

        await().atMost(Duration.ofSeconds(60)).until(() -> leads.stream().allMatch(l -> received(l) >= 1));
        await().during(Duration.ofSeconds(2)).until(() -> leads.stream().allMatch(l -> received(l) == 1));
        double sentByOne = sent(service);
        double sentByOther = sent(replica);
        assertThat(sentByOne + sentByOther).isEqualTo(40);
        assertThat(sentByOne).as("both replicas send").isPositive();
        assertThat(sentByOther).as("both replicas send").isPositive();
    }

    private static long membersConsuming(String topic) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                TestServers.kafkaBootstrapServers()))) {
            var group = admin.describeConsumerGroups(List.of("notification-service")).all().get()
                    .get("notification-service");
            return group.members().stream().filter(member -> member.assignment().topicPartitions().stream()
                    .anyMatch(partition -> partition.topic().equals(topic))).count();
        }
    }

    private static double sent(ConfigurableApplicationContext instance) {
        return instance.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("planwatch.mail.sent").count();
    }

    private List<String> publishDueDateChanges(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String lead = "lead-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
            String actionId = UUID.randomUUID().toString();
            KafkaTopics.send(topic, actionId, PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(),
                    actionId, 2, lead, "2022-06-30", "2022-09-30"), Map.of());
            return lead;
        }).toList();
    }

    private ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    private ConfigurableApplicationContext start(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(TestServers.properties(database));
        properties.putAll(overrides);
        properties.put("spring.mail.port", Integer.toString(smtpPort));
        properties.put("server.port", "0");
        properties.put("planwatch.reminders.cron", "-");
        properties.put("planwatch.reminders.when-action-changes", "false");
        properties.put("spring.cloud.stream.bindings.planActionEvents-in-0.destination", topic);
        properties.put("spring.cloud.stream.bindings.planActionEventsDlq-out-0.destination", topic + ".dlq");
        properties.put("resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state", "2s");
        properties.put("planwatch.mail.longest-wait", "3s");
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "1000");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments);
    }

    private HttpJson http() {
        return new HttpJson("http://localhost:" + service.getEnvironment().getProperty("local.server.port")).as(TestIssuer.shared().administrator("Doncaster"));
    }

    private double metric(String name) {
        return http().get("/actuator/metrics/" + name).at("$.measurements[0].value", Double.class);
    }

    private HttpJson.Response log(String query) {
        return http().get("/api/notifications?" + query);
    }

    private int received(String lead) {
        return smtp == null ? 0 : (int) Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(lead);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    private GreenMail startSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
