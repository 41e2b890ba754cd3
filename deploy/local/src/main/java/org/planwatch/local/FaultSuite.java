package org.planwatch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a steady load of real changes through the gateway of a running local stack while it kills, with
 * {@code kill -9} and at random moments, plan-service, notification-service, the broker, the MongoDB stand-in and the
 * SMTP server; then compares every email each lead should have received with the inbox. Each action is led by a
 * lead of its own, and each accepted due-date change or GREEN-to-AMBER downgrade owes that lead exactly one email.
 *
 * <p>{@code deploy/local/fault-suite [--changes 10000] [--actions 100] [--rate 20] [--kills 3] [--drain 600]}: the
 * drain is how long it waits, at most, for the last email once the load is done. The default rate is what the whole
 * stack carries on two cores while every part is killed three times (at 40 a second the load alone takes 94% of them,
 * and the restarts' catch-up runs minutes behind: README, "Faults").
 */
public final class FaultSuite {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TARGETS = List.of("plan-service.jar", "notification-service.jar",
            "kafka.Kafka", "org.planwatch.local.MongoStandIn", "local-inbox.jar", "local-issuer.jar");
    /** Where each part listens once it is back (its first instance's port; a replica's is 10 above). */
    private static final Map<String, Integer> PORTS = Map.of("plan-service.jar", 8081, "notification-service.jar", 8083,
            "kafka.Kafka", 9092, "org.planwatch.local.MongoStandIn", 27017, "local-inbox.jar", 8025,
            "local-issuer.jar", 9000);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String gateway = "http://localhost:8080";
    private final String inbox = "http://localhost:8025";
    private final List<JsonNode> inboxSeen = new ArrayList<>();
    private int inboxBefore;
    private final AccessToken administrator = AccessToken.administratorScript("http://localhost:9000");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Integer> expected = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile long lastKillAt;
    private final List<Long> backTimes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Long> acceptedAt = new ConcurrentHashMap<>();
    private volatile long loadEndedAt;

    /** One action of the run and what the suite knows of it; only its own worker changes it. */
    private static final class Tracked {
        final String id;
        final String lead;
        long version = 1;
        boolean amber;
        int month;

        Tracked(String id, String lead) {
            this.id = id;
            this.lead = lead;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("changes", 10_000, "actions", 100, "rate", 20,
                "kills", 3, "drain", 600));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
        }
        new FaultSuite().run(options);
    }

    private void run(Map<String, Integer> options) throws Exception {
        int changes = options.get("changes");
        int rate = options.get("rate");
        inboxBefore = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(inbox + "/api/messages/count")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("count").asInt();
        List<Tracked> actions = createActions(options.get("actions"));
        long loadMillis = changes * 1000L / rate;
        say("run %s: %d changes over %d actions at %d/s (about %d s), %d kills of each of %s", run, changes,
                actions.size(), rate, loadMillis / 1000, options.get("kills"), TARGETS);

        Thread killer = new Thread(() -> killAtRandom(options.get("kills"), loadMillis), "fault-suite-killer");
        killer.start();
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.currentTimeMillis();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            done.add(pool.submit(() -> {
                for (int k = worker; k < changes; k += workers) {
                    long due = start + k * 1000L / rate;
                    sleepUntil(due);
                    // Worker w owns the actions whose index is w modulo the worker count, so versions never race.
                    int owned = actions.size() / workers;
                    change(actions.get(worker + workers * ((k / workers) % owned)), k);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        killer.join();
        loadEndedAt = System.currentTimeMillis();
        say("load done in %d s: %d changes accepted, %d refused and given up", (System.currentTimeMillis() - start) / 1000,
                accepted.get(), refused.get());
        report(actions, options.get("drain"));
    }

    private List<Tracked> createActions(int count) throws Exception {
        String plan = post("/api/plans", Map.of("title", "Fault suite " + run,
                "owner", Map.of("name", "Suite Owner", "email", "owner-" + run + "@fault.example.org"))).get("id").asString();
        List<Tracked> actions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "lead-" + i + "-" + run + "@fault.example.org";
            String lead = post("/api/leads", Map.of("name", "Fault lead " + i + " " + run, "email", email))
                    .get("id").asString();
            String action = post("/api/actions", Map.of("planId", plan, "reference", "f" + i,
                    "text", "Fault suite action " + i, "leads", List.of(lead), "due", month(0), "rag", "GREEN"))
                    .get("id").asString();
            actions.add(new Tracked(action, email));
            expected.put(email, 0);
        }
        return actions;
    }

    /** A due-date move (one email) or a RAG change (an email when it is a downgrade), until the service takes it. */
    private void change(Tracked action, int k) {
        boolean dueDate = k % 2 == 0;
        String path = "/api/actions/" + action.id + (dueDate ? "/due-date" : "/rag");
        Map<String, Object> body = dueDate ? Map.of("due", month(action.month + 1), "reason", "suite change " + k)
                : Map.of("rag", action.amber ? "GREEN" : "AMBER", "reason", "suite change " + k);
        for (int attempt = 0; attempt < 120; attempt++) {
            Integer status = send("PUT", path, body, action.version);
            // 429: a well-behaved client waits and sends again (a backlog after an outage comes as a burst).
            if (status != null && status != 200 && status != 412 && status != 429 && status < 500) {
                say("change %d to %s refused with %d", k, action.id, status);
                refused.incrementAndGet();
                return;
            }
            // Only this worker changes the action, so a higher version is this change, even when its answer was lost.
            Long now = status != null && status == 200 ? Long.valueOf(action.version + 1) : currentVersion(action);
            if (now != null && now < action.version) {
                say("action %s went back from version %d to %d: the store lost a change it had acknowledged",
                        action.id, action.version, now);
                action.version = now;
                continue;
            }
            if (now != null && now > action.version) {
                action.version = now;
                accepted.incrementAndGet();
                acceptedAt.put(k, System.currentTimeMillis());
                if (dueDate) {
                    action.month++;
                } else {
                    action.amber = !action.amber;
                }
                if (dueDate || action.amber) {
                    expected.merge(action.lead, 1, Integer::sum);
                }
                return;
            }
            sleep(500);
        }
        refused.incrementAndGet();
    }

    private Long currentVersion(Tracked action) {
        for (int attempt = 0; attempt < 240; attempt++) {
            try {
                HttpResponse<String> r = http.send(asAdministrator(URI.create(gateway + "/api/actions/"
                        + action.id)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return JSON.readTree(r.body()).get("version").asLong();
                }
            } catch (IOException | InterruptedException notNow) {
                // the gateway or plan-service is away; ask again
            }
            sleep(500);
        }
        return null;
    }

    private void killAtRandom(int rounds, long loadMillis) {
        Random random = new Random();
        List<String> kills = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            kills.addAll(TARGETS);
        }
        java.util.Collections.shuffle(kills, random);
        long gap = loadMillis / (kills.size() + 1);
        for (String target : kills) {
            sleep(gap / 2 + random.nextLong(gap));
            List<ProcessHandle> matching = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(target)).toList();
            if (matching.isEmpty()) {
                say("nothing to kill for %s (still restarting?)", target);
                continue;
            }
            ProcessHandle victim = matching.get(random.nextInt(matching.size()));
            victim.destroyForcibly();
            lastKillAt = System.currentTimeMillis();
            say("killed %s (pid %d)", target, victim.pid());
            awaitBack(target, victim.pid(), lastKillAt);
        }
    }

    /** Notes, on a thread of its own, when the supervisor has the killed part listening again. */
    private void awaitBack(String target, long killedPid, long killedAt) {
        Thread watcher = new Thread(() -> {
            while (System.currentTimeMillis() - killedAt < 600_000) {
                boolean restarted = ProcessHandle.allProcesses().anyMatch(p -> p.pid() != killedPid
                        && p.info().commandLine().orElse("").contains(target));
                if (restarted && (listening(PORTS.get(target)) || listening(PORTS.get(target) + 10))) {
                    long back = System.currentTimeMillis();
                    backTimes.add(back);
                    say("%s back after %.1f s", target, (back - killedAt) / 1000.0);
                    return;
                }
                sleep(250);
            }
        });
        watcher.setDaemon(true);
        watcher.start();
    }

    private long lastBack() {
        synchronized (backTimes) {
            return backTimes.stream().mapToLong(Long::longValue).max().orElse(lastKillAt);
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException no) {
            return false;
        }
    }

    private void report(List<Tracked> actions, int drainSeconds) throws Exception {
        int owed = expected.values().stream().mapToInt(Integer::intValue).sum();
        long deadline = System.currentTimeMillis() + drainSeconds * 1000L;
        Map<String, Integer> received = received();
        long lastArrival = System.currentTimeMillis();
        int total = sum(received);
        // Until nothing is missing, then 10 s more, so that a copy sent late is counted too.
        long settled = Long.MAX_VALUE;
        while (System.currentTimeMillis() < Math.min(deadline, settled)) {
            sleep(1000);
            received = received();
            if (sum(received) != total) {
                total = sum(received);
                lastArrival = System.currentTimeMillis();
            }
            if (settled == Long.MAX_VALUE && nothingMissing(received)) {
                settled = System.currentTimeMillis() + 10_000;
            }
        }
        int lost = 0;
        int duplicated = 0;
        for (var lead : expected.entrySet()) {
            int got = received.getOrDefault(lead.getKey(), 0);
            lost += Math.max(0, lead.getValue() - got);
            duplicated += Math.max(0, got - lead.getValue());
        }
        say("");
        say("changes accepted:   %d (refused and given up: %d)", accepted.get(), refused.get());
        say("events published:   %d distinct (%d expected: one created and one per change)",
                publishedEvents(actions), actions.size() + accepted.get());
        say("emails expected:    %d", owed);
        say("emails received:    %d", sum(received));
        say("missing:            %d (%d of them still queued, not yet sent)", lost, stillQueued());
        say("duplicated:         %d", duplicated);
        if (lastKillAt == 0) {
            say("no kills; end of the load to last email: %.1f s", (lastArrival - loadEndedAt) / 1000.0);
        } else {
            say("last kill to last email: %.1f s (the load ended %.1f s after the last kill)",
                    (lastArrival - lastKillAt) / 1000.0, (loadEndedAt - lastKillAt) / 1000.0);
            say("last part back to last email: %.1f s; end of the load to last email: %.1f s",
                    (lastArrival - lastBack()) / 1000.0, (lastArrival - loadEndedAt) / 1000.0);
        }
        delays();
    }

    /**
     * Each email's delay from its change being accepted to its sending (the email's Date, to the second), and its
     * lateness: the time since the change or since the last part that came back before it went out, whichever is
     * later. An email owed for a change made while a part was down is due within a minute of that part being back.
     */
    private void delays() throws Exception {
        List<Long> delays = new ArrayList<>();
        List<Long> lateness = new ArrayList<>();
        List<Long> restored;
        synchronized (backTimes) {
            restored = new ArrayList<>(backTimes);
        }
        java.util.regex.Pattern change = java.util.regex.Pattern.compile("suite change (\\d+)");
        for (JsonNode mail : inboxMessages()) {
            if (!expected.containsKey(mail.path("to").path(0).asString(""))) {
                continue;
            }
            java.util.regex.Matcher m = change.matcher(mail.path("text").asString(""));
            Long accepted = m.find() ? acceptedAt.get(Integer.parseInt(m.group(1))) : null;
            if (accepted == null || mail.path("sentAt").isNull()) {
                continue;
            }
            long sent = java.time.Instant.parse(mail.get("sentAt").asString()).toEpochMilli();
            long since = restored.stream().filter(back -> back <= sent).reduce(accepted, Math::max);
            delays.add(Math.max(0, sent - accepted));
            lateness.add(Math.max(0, sent - since));
        }
        java.util.Collections.sort(delays);
        java.util.Collections.sort(lateness);
        if (delays.isEmpty()) {
            return;
        }
        say("change to email:    p50 %.1f s, p99 %.1f s, max %.1f s (%d emails; Date header, to the second)",
                at(delays, 0.5), at(delays, 0.99), at(delays, 1.0), delays.size());
        say("after the change or the last part back, whichever later: max %.1f s; %d emails later than 60 s",
                at(lateness, 1.0), lateness.stream().filter(l -> l > 60_000).count());
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    private boolean nothingMissing(Map<String, Integer> received) {
        return expected.entrySet().stream()
                .allMatch(lead -> received.getOrDefault(lead.getKey(), 0) >= lead.getValue());
    }

    private long stillQueued() {
        try {
            HttpResponse<String> r = http.send(asAdministrator(URI.create(gateway
                    + "/api/notifications?status=PENDING&size=1")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body()).get("totalItems").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private Map<String, Integer> received() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode mail : inboxMessages()) {
            for (JsonNode to : mail.get("to")) {
                if (expected.containsKey(to.asString()) && !mail.get("subject").asString().contains("is due")) {
                    counts.merge(to.asString(), 1, Integer::sum);
                }
            }
        }
        expected.keySet().forEach(lead -> counts.putIfAbsent(lead, 0));
        return counts;
    }

    /** Every email the inbox received since the run began; only those that arrived since the last call are fetched. */
    private List<JsonNode> inboxMessages() {
        HttpResponse<String> r = null;
        for (int attempt = 0; r == null || r.statusCode() != 200; attempt++) {
            if (attempt > 120) {
                throw new IllegalStateException("the inbox did not answer for two minutes");
            }
            if (attempt > 0) {
                sleep(1000);
            }
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(inbox + "/api/messages?after=" + (inboxBefore + inboxSeen.size() - 1)))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException inboxRestarting) {
                r = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        JSON.readTree(r.body()).forEach(inboxSeen::add);
        return inboxSeen;
    }

    private int publishedEvents(List<Tracked> actions) {
        Set<String> keys = new HashSet<>(actions.stream().map(a -> a.id).toList());
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("plan.action.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (keys.contains(record.key())) {
                        ids.add(JSON.readTree(record.value()).get("id").asString());
                    }
                }
            }
        }
        return ids.size();
    }

    /** A request through the gateway with the administrators' script client's token. */
    private HttpRequest.Builder asAdministrator(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", administrator.bearer());
    }

    private Integer send(String method, String path, Object body, long version) {
        try {
            return http.send(asAdministrator(URI.create(gateway + path)).timeout(Duration.ofSeconds(35))
                    .header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException lost) {
            return null;
        }
    }

    private JsonNode post(String path, Object body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = http.send(asAdministrator(URI.create(gateway + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                return JSON.readTree(r.body());
            }
            if (attempt > 30) {
                throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            sleep(1000);
        }
    }

    /** Month {@code n} of a run, far enough ahead that no reminder falls due: "Jan 2031", "Feb 2031", ... */
    private static String month(int n) {
        return YearMonth.of(2031, 1).plusMonths(n).format(DateTimeFormatter.ofPattern("MMM uuuu", Locale.UK));
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void sleepUntil(long at) {
        sleep(Math.max(0, at - System.currentTimeMillis()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
