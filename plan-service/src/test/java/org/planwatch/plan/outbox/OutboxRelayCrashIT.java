package org.planwatch.plan.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planwatch.testsupport.HttpJson.object;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.TestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A relay that dies after the broker took its events and before it removed them from the outbox: the next relay
 * publishes them again with the same event ids, and no event is missing. Scheduling is off, so the test decides
 * when each relay runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "planwatch.scheduling.enabled=false")
class OutboxRelayCrashIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StreamBridge bridge;

    @Autowired
    OutboxRelay relay;

    static final class RelayCrash extends RuntimeException {
    }

    @Test
    void aRelayCrashAfterPublishingRepeatsEventsWithTheSameIdsAndLosesNone() {
        HttpJson http = new HttpJson("http://localhost:" + port);
        String lead = http.post("/api/leads", object("name", "Crash Lead " + System.nanoTime(), "email", "crash@example.org"))
                .json().get("id").asString();
        String plan = http.post("/api/plans", object("title", "Crash plan", "owner",
                object("name", "Owner", "email", "owner@example.org"))).json().get("id").asString();
        String action = http.post("/api/actions", object("planId", plan, "text", "Survive a crash", "leads", List.of(lead),
                "due", "Jun 22")).json().get("id").asString();
        http.put("/api/actions/" + action + "/due-date", object("due", "Jul 22"), "If-Match", "\"1\"");
        assertThat(outboxSize(action)).isEqualTo(2);

        OutboxRelay crashing = new OutboxRelay(mongo, bridge, List.of("actions"), 100) {
            @Override
            void markPublished(String collection, Object id, List<String> eventIds) {
                throw new RelayCrash();
            }
        };
        assertThatThrownBy(() -> crashing.relay("actions")).isInstanceOf(RelayCrash.class);
        assertThat(outboxSize(action)).isEqualTo(2);
        relay.relay("actions");

        assertThat(outboxSize(action)).isZero();
        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events", r -> action.equals(r.key()), 4,
                Duration.ofSeconds(20));
        List<String> ids = events.stream().map(r -> HttpJson.parse(r.value()).get("id").asString()).toList();
        assertThat(ids).hasSize(4);
        assertThat(ids.subList(2, 4)).as("the repeat carries the same ids, in the same order").isEqualTo(ids.subList(0, 2));
        assertThat(events).extracting(r -> HttpJson.parse(r.value()).get("type").asString()).containsExactly(
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.due-date-changed.v1",
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.due-date-changed.v1");
    }

    private int outboxSize(String actionId) {
        org.bson.Document document = mongo.findById(actionId, org.bson.Document.class, "actions");
        List<?> outbox = document.getList("outbox", Object.class);
        return outbox == null ? 0 : outbox.size();
    }
}
