package org.planwatch.plan.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.planwatch.testsupport.HttpJson.at;
import static org.planwatch.testsupport.HttpJson.object;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.mongo.outbox.OutboxRelay;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.KafkaTopics;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A relay that dies after the broker took its events and before it removed them from the outbox: once its lease
 * runs out, the next relay publishes them again with the same event ids, and no event is missing. Scheduling is off, so the test decides
 * when each relay runs.
 */
@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "planwatch.scheduling.enabled=false")
class OutboxRelayCrashIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StreamBridge bridge;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ObjectProvider<Tracer> tracer;

    @Autowired
    ObjectProvider<Propagator> propagator;

    static final class RelayCrash extends RuntimeException {
    }

    @Test
    void aRelayCrashAfterPublishingRepeatsEventsWithTheSameIdsAndLosesNone() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String lead = newLead(http, "Crash");
        String plan = newPlan(http, "Crash");
        String action = http.post("/api/actions", object("planId", plan, "text", "Survive a crash", "leads", List.of(lead),
                "due", "Jun 22")).at("$.id");
        http.put("/api/actions/" + action + "/due-date", object("due", "Jul 22"), "If-Match", "\"1\"");
        assertThat(outboxSize(action)).isEqualTo(2);

        OutboxRelay crashing = new OutboxRelay(mongo, bridge, Clock.systemUTC(), tracer, propagator, List.of("actions"), 100,
                Duration.ofSeconds(2)) {
            @Override
            protected void markPublished(String collection, Object id, List<String> eventIds) {
                throw new RelayCrash();
            }
        };
        assertThatThrownBy(() -> crashing.relay("actions")).isInstanceOf(RelayCrash.class);
        assertThat(outboxSize(action)).isEqualTo(2);
        assertThat(relay.relay("actions")).as("the crashed relay's claim holds until its lease runs out").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay("actions") == 2);

        assertThat(outboxSize(action)).isZero();
        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events", r -> action.equals(r.key()), 4,
                Duration.ofSeconds(20));
        List<String> ids = events.stream().map(r -> at(r.value(), "$.id")).toList();
        assertThat(ids).hasSize(4);
        assertThat(ids.subList(2, 4)).as("the repeat carries the same ids, in the same order").isEqualTo(ids.subList(0, 2));
        assertThat(events).extracting(r -> at(r.value(), "$.type")).containsExactly(
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.due-date-changed.v1",
                "org.planwatch.plan.action.created.v1", "org.planwatch.plan.action.due-date-changed.v1");
    }

    @Test
    void twoRelaysAtOnceShareTheWorkAndPublishEachEventOnceInItsActionsOrder() throws Exception {
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String lead = newLead(http, "Shared");
        String plan = newPlan(http, "Shared");
        List<String> actions = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String action = http.post("/api/actions", object("planId", plan, "text", "Action " + i,
                    "leads", List.of(lead), "due", "Jun 22")).at("$.id");
            http.put("/api/actions/" + action + "/due-date", object("due", "Jul 22"), "If-Match", "\"1\"");
            actions.add(action);
        }
        OutboxRelay other = new OutboxRelay(mongo, bridge, Clock.systemUTC(), tracer, propagator, List.of("actions"), 1,
                Duration.ofSeconds(30));
        OutboxRelay one = new OutboxRelay(mongo, bridge, Clock.systemUTC(), tracer, propagator, List.of("actions"), 1,
                Duration.ofSeconds(30));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        var first = pool.submit(() -> drain(one, start));
        var second = pool.submit(() -> drain(other, start));
        start.countDown();
        int published = first.get() + second.get();
        pool.shutdown();

        assertThat(published).isEqualTo(40);
        assertThat(first.get()).as("each relay did a share of the work").isPositive();
        assertThat(second.get()).as("each relay did a share of the work").isPositive();
        List<KafkaTopics.Record> events = KafkaTopics.read("plan.action.events", r -> actions.contains(r.key()), 40,
                Duration.ofSeconds(20));
        assertThat(events.stream().map(r -> at(r.value(), "$.id"))).hasSize(40).doesNotHaveDuplicates();
        for (String action : actions) {
            assertThat(events.stream().filter(r -> action.equals(r.key())).map(r -> at(r.value(), "$.type")))
                    .containsExactly("org.planwatch.plan.action.created.v1",
                            "org.planwatch.plan.action.due-date-changed.v1");
        }
    }

    @Test
    void anActionThatKeepsChangingDoesNotKeepTheOthersWaiting() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String lead = newLead(http, "Busy");
        String plan = newPlan(http, "Busy");
        List<String> actions = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            actions.add(http.post("/api/actions", object("planId", plan, "text", "Action " + i, "leads", List.of(lead),
                    "due", "Jun 22")).at("$.id"));
        }
        drain(relay);
        OutboxRelay oneAtATime = new OutboxRelay(mongo, bridge, Clock.systemUTC(), tracer, propagator,
                List.of("actions"), 1, Duration.ofSeconds(30));
        for (String action : actions) {
            http.put("/api/actions/" + action + "/due-date", object("due", "Jul 22"), "If-Match", "\"1\"");
        }
        drain(oneAtATime, 1);
        String relayed = outboxSize(actions.get(0)) == 0 ? actions.get(0) : actions.get(1);
        String waiting = relayed.equals(actions.get(0)) ? actions.get(1) : actions.get(0);
        http.put("/api/actions/" + relayed + "/due-date", object("due", "Aug 22"), "If-Match", "\"2\"");

        drain(oneAtATime, 1);

        assertThat(outboxSize(waiting)).as("the action waiting longer goes next").isZero();
        assertThat(outboxSize(relayed)).isEqualTo(1);
        drain(relay);
    }

    private static String newLead(HttpJson http, String name) {
        return http.post("/api/leads", object("name", name + " Lead " + System.nanoTime(), "email", "lead@example.org"))
                .at("$.id");
    }

    private static String newPlan(HttpJson http, String name) {
        return http.post("/api/plans", object("title", name + " plan", "owner",
                object("name", "Owner", "email", "owner@example.org"))).at("$.id");
    }

    private void drain(OutboxRelay relay, int documents) {
        for (int i = 0; i < documents; i++) {
            relay.relay("actions");
        }
    }

    private void drain(OutboxRelay relay) {
        while (relay.relay("actions") > 0) {
            // until nothing waits
        }
    }

    private static int drain(OutboxRelay relay, java.util.concurrent.CountDownLatch start) throws InterruptedException {
        start.await();
        int total = 0;
        for (int published = relay.relay("actions"); published > 0; published = relay.relay("actions")) {
            total += published;
        }
        return total;
    }

    private int outboxSize(String actionId) {
        org.bson.Document document = mongo.findById(actionId, org.bson.Document.class, "actions");
        List<?> outbox = document.getList("outbox", Object.class);
        return outbox == null ? 0 : outbox.size();
    }
}
