package org.planwatch.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts planwatch on this machine, each part in a process of its own: the broker, the MongoDB stand-in and the
 * local inbox, then the services (plan-service and notification-service as many times as {@code --replicas} says,
 * behind the gateway, which balances across them). Every part is supervised: one that dies is started again on its
 * data. Loads demo data the first time, prints where to go, and stops everything on Ctrl-C.
 *
 * <p>Every part listens on this machine's loopback address only: the services are reached through the gateway.
 * Sign-in is the local issuer's (Spring Authorization Server, demo people and programs, printed at start-up).
 *
 * <p>Set {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code SMTP_HOST}/{@code SMTP_PORT} or
 * {@code PLANWATCH_ISSUER_URI} to use external servers instead of the embedded ones; the services receive the same
 * variables.
 */
public final class LocalStack implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    /** Where things go and which ports they use; a second replica of a service listens 10 ports above the first. */
    public record Settings(Path root, Path dataDir, int gatewayPort, int planPort, int measurePort,
                           int notificationPort, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
                           int inboxPort, int issuerPort, boolean demoData, Map<String, String> environment,
                           int replicas) {

        public static Settings defaults(Path root, int replicas) {
            return new Settings(root, root.resolve(".local"), 8080, 8081, 8082, 8083, 9092, 9093, 27017, 3025, 8025,
                    9000, true, System.getenv(), replicas);
        }
    }

    private final Settings settings;
    private final Map<String, SupervisedProcess> parts = new LinkedHashMap<>();
    private final List<SupervisedProcess> servers = new ArrayList<>();
    private String kafka;
    private String mongoUri;
    private String smtpHost;
    private int smtpPort;
    private String issuer;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        int replicas = args.length == 2 && args[0].equals("--replicas") ? Integer.parseInt(args[1]) : 1;
        Path root = Path.of(System.getProperty("planwatch.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(Settings.defaults(root, replicas));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping planwatch...");
            stack.close();
            System.out.println("Stopped.");
        }, "planwatch-local-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("planwatch did not start: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    public void start() throws Exception {
        long started = System.nanoTime();
        Path logs = Files.createDirectories(settings.dataDir().resolve("logs"));
        Map<String, String> env = settings.environment();

        smtpHost = env.getOrDefault("SMTP_HOST", "127.0.0.1");
        smtpPort = Integer.parseInt(env.getOrDefault("SMTP_PORT", env.containsKey("SMTP_HOST") ? "25"
                : Integer.toString(settings.smtpPort())));
        if (!env.containsKey("SMTP_HOST")) {
            servers.add(SupervisedProcess.springBoot("local-inbox", jar("local-inbox", "deploy/inbox"),
                    settings.inboxPort(), Map.of("INBOX_SMTP_PORT", Integer.toString(smtpPort),
                            "INBOX_DIRECTORY", settings.dataDir().resolve("inbox").toString()),
                    logs.resolve("local-inbox.log")));
        }
        mongoUri = env.get("MONGODB_URI");
        if (mongoUri == null) {
            servers.add(MongoStandIn.process(settings.dataDir().resolve("mongo").resolve("planwatch.mv.db"),
                    settings.mongoPort(), logs.resolve("mongodb.log")));
            mongoUri = MongoStandIn.uri(settings.mongoPort(), "planwatch");
        }
        kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null) {
            servers.add(KafkaBroker.prepare(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort(), logs.resolve("kafka.log")));
            kafka = KafkaBroker.bootstrapServers(settings.kafkaPort());
        }
        issuer = env.get("PLANWATCH_ISSUER_URI");
        if (issuer == null) {
            issuer = "http://localhost:" + settings.issuerPort();
            Map<String, String> issuerEnv = new LinkedHashMap<>();
            issuerEnv.put("SERVER_ADDRESS", LOOPBACK);
            issuerEnv.put("PLANWATCH_ISSUER_URI", issuer);
            issuerEnv.put("PLANWATCH_GATEWAY_URL", gatewayUrl());
            issuerEnv.put("ISSUER_KEY_FILE", settings.dataDir().resolve("issuer").resolve("signing-key.json").toString());
            issuerEnv.put("ISSUER_PARTNER_CLIENTS_FILE", settings.dataDir().resolve("issuer")
                    .resolve("partner-clients.json").toString());
            issuerEnv.put("ISSUER_SUMMARY_FILE", signInSummary().toString());
            servers.add(SupervisedProcess.springBoot("local-issuer", jar("local-issuer", "deploy/issuer"),
                    settings.issuerPort(), issuerEnv, logs.resolve("local-issuer.log")));
        }
        startAll(servers, started);
        say("Kafka at %s, MongoDB %s at %s, SMTP at %s:%d (%.1f s)", kafka,
                env.containsKey("MONGODB_URI") ? "(external)" : "stand-in (mongo-java-server, H2 file)", mongoUri,
                smtpHost, smtpPort, seconds(started));

        List<Integer> replicas = IntStream.range(0, settings.replicas()).boxed().toList();
        List<SupervisedProcess> services = new ArrayList<>();
        for (int replica : replicas) {
            services.add(service("plan-service", replica, settings.planPort(), "planwatch-plans", Map.of()));
            services.add(service("notification-service", replica, settings.notificationPort(),
                    "planwatch-notifications", Map.of("PLANWATCH_PUBLIC_URL", gatewayUrl())));
        }
        services.add(service("measure-service", 0, settings.measurePort(), "planwatch-measures", Map.of()));
        services.add(service("gateway", 0, settings.gatewayPort(), null, Map.of(
                "MEASURE_SERVICE_URL", "http://localhost:" + settings.measurePort(),
                "SPRING_APPLICATION_JSON", instances(Map.of("plan-service", settings.planPort(),
                        "notification-service", settings.notificationPort())))));
        startAll(services, started);

        if (settings.demoData()) {
            new SeedPlans(gatewayUrl(), settings.root().resolve("deploy/local/seeds"),
                    settings.dataDir().resolve("seed-plans-loaded")).loadOnce(SeedPlans.of(issuer));
        }
        say("");
        say("planwatch is running (started in %.1f s%s).", seconds(started),
                settings.replicas() > 1 ? ", " + settings.replicas() + " replicas of plan- and notification-service" : "");
        say("  Gateway (the API):  %s/api/plans", gatewayUrl());
        say("  Sign-in (issuer):    %s", issuer);
        if (inboxUrl() != null) {
            say("  Inbox (every email): %s", inboxUrl());
        }
        if (Files.exists(signInSummary())) {
            Files.readAllLines(signInSummary()).forEach(LocalStack::say);
        }
        say("  Logs and data:       %s", settings.dataDir());
        say("Press Ctrl-C to stop.");
    }

    /** Kills one part's process outright (kill -9), as a crash would; its supervisor starts it again. */
    void crash(String part) {
        parts.get(part).kill();
    }

    /** Stops one part, as an outage would, until {@link #restart} brings it back; its data stays on disk. */
    void stop(String part) {
        parts.get(part).stop();
    }

    /** The process of one part, for a test that makes it hang as a stuck service would. */
    ProcessHandle process(String part) {
        return parts.get(part).handle();
    }

    void restart(String part) throws Exception {
        SupervisedProcess process = parts.get(part);
        process.start();
        process.awaitReady(Duration.ofSeconds(120));
    }

    public String issuerUrl() {
        return issuer;
    }

    private Path signInSummary() {
        return settings.dataDir().resolve("issuer").resolve("sign-in.txt");
    }

    /** The Kafka broker's bootstrap servers, for tests that put a record on a topic the way a service would. */
    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.gatewayPort();
    }

    public String inboxUrl() {
        SupervisedProcess inbox = parts.get("local-inbox");
        return inbox == null ? null : inbox.url() + "/";
    }

    private void startAll(List<SupervisedProcess> processes, long started) throws Exception {
        for (SupervisedProcess process : processes) {
            parts.put(process.name(), process);
            process.start();
        }
        for (SupervisedProcess process : processes) {
            process.awaitReady(Duration.ofSeconds(180));
            process.supervise(line -> say("%s", line));
            say("%s is up%s (%.1f s)", process.name(), process.url() == null ? "" : " at " + process.url(),
                    seconds(started));
        }
    }

    private SupervisedProcess service(String name, int replica, int firstPort, String database,
                                      Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MONGODB_URI", mongoUri);
        if (database != null) {
            env.put("MONGODB_DATABASE", database);
        }
        env.put("SMTP_HOST", smtpHost);
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("PLANWATCH_ISSUER_URI", issuer);
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.putAll(extra);
        String instance = replica == 0 ? name : name + "-" + (replica + 1);
        return SupervisedProcess.springBoot(instance, jar(name, name), firstPort + 10 * replica, env,
                settings.dataDir().resolve("logs").resolve(instance + ".log"));
    }

    /**
     * The gateway's view of where each replicated service's instances listen. An instance that is down refuses the
     * connection, and the gateway tries the next one.
     */
    private String instances(Map<String, Integer> firstPorts) {
        Map<String, Object> instances = firstPorts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> IntStream.range(0, settings.replicas())
                        .mapToObj(r -> Map.of("uri", "http://localhost:" + (e.getValue() + 10 * r))).toList()));
        return JsonMapper.builder().build().writeValueAsString(Map.of("spring", Map.of("cloud", Map.of(
                "discovery", Map.of("client", Map.of("simple", Map.of("instances", instances)))))));
    }

    /**
     * A part's jar: run-local copies the jars aside first, so a build while the stack runs cannot pull them away, and
     * unpacks each into a folder of its own (its classes, and its libraries beside it) where it starts faster.
     */
    private Path jar(String name, String module) {
        String copied = System.getProperty("planwatch.jars");
        if (copied == null) {
            return settings.root().resolve(module).resolve("target").resolve(name + ".jar");
        }
        Path unpacked = Path.of(copied, name, name + ".jar");
        return Files.exists(unpacked) ? unpacked : Path.of(copied, name + ".jar");
    }

    @Override
    public void close() {
        parts.values().forEach(SupervisedProcess::markStopping);
        // The services first, all at once, while the broker and the store they flush to are still there.
        stopTogether(parts.values().stream().filter(part -> !servers.contains(part)).toList());
        stopTogether(servers);
    }

    private static void stopTogether(List<SupervisedProcess> processes) {
        List<Thread> stopping = processes.stream().map(process -> new Thread(process::close)).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
