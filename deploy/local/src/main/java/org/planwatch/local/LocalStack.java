package org.planwatch.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts planwatch on this machine: the broker, the MongoDB stand-in and the local inbox, then the four services,
 * loads demo data the first time, prints where to go, and stops everything on Ctrl-C.
 *
 * <p>Set {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI} or {@code SMTP_HOST}/{@code SMTP_PORT} to use
 * external servers instead of the embedded ones; the services receive the same variables.
 */
public final class LocalStack implements AutoCloseable {

    /** Where things go and which ports they use. */
    public record Settings(Path root, Path dataDir, int gatewayPort, int planPort, int measurePort,
                           int notificationPort, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
                           int inboxPort, boolean demoData, Map<String, String> environment) {

        public static Settings defaults(Path root) {
            return new Settings(root, root.resolve(".local"), 8080, 8081, 8082, 8083, 9092, 9093, 27017, 3025, 8025,
                    true, System.getenv());
        }
    }

    private final Settings settings;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private ServiceProcess inbox;
    private KafkaBroker broker;
    private String kafka;
    private String mongoUri;
    private String smtpHost;
    private int smtpPort;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("planwatch.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(Settings.defaults(root));
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

        if (env.containsKey("SMTP_HOST")) {
            smtpHost = env.get("SMTP_HOST");
            smtpPort = Integer.parseInt(env.getOrDefault("SMTP_PORT", "25"));
        } else {
            smtpHost = "127.0.0.1";
            smtpPort = settings.smtpPort();
            inbox = started(process("local-inbox", settings.root().resolve("deploy/inbox/target"), settings.inboxPort(),
                    Map.of("INBOX_SMTP_PORT", Integer.toString(smtpPort),
                            "INBOX_DIRECTORY", settings.dataDir().resolve("inbox").toString())));
            inbox.start();
        }
        if (env.containsKey("MONGODB_URI")) {
            mongoUri = env.get("MONGODB_URI");
        } else {
            MongoStandIn mongo = started(new MongoStandIn(settings.dataDir().resolve("mongo").resolve("planwatch.mv.db"),
                    settings.mongoPort()));
            mongo.start();
            mongoUri = mongo.uri("planwatch");
        }
        if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
        } else {
            broker = started(new KafkaBroker(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort(), logs.resolve("kafka.log")));
            broker.start();
            kafka = broker.bootstrapServers();
        }
        say("Kafka at %s, MongoDB %s at %s, SMTP at %s:%d (%.1f s)", kafka,
                env.containsKey("MONGODB_URI") ? "(external)" : "stand-in (mongo-java-server, H2 file)", mongoUri,
                smtpHost, smtpPort, seconds(started));

        List<ServiceProcess> services = new ArrayList<>(List.of(
                service("plan-service", settings.planPort(), "planwatch-plans", Map.of()),
                service("measure-service", settings.measurePort(), "planwatch-measures", Map.of()),
                service("notification-service", settings.notificationPort(), "planwatch-notifications",
                        Map.of("PLANWATCH_PUBLIC_URL", gatewayUrl())),
                service("gateway", settings.gatewayPort(), null, Map.of(
                        "PLAN_SERVICE_URL", "http://localhost:" + settings.planPort(),
                        "MEASURE_SERVICE_URL", "http://localhost:" + settings.measurePort(),
                        "NOTIFICATION_SERVICE_URL", "http://localhost:" + settings.notificationPort()))));
        for (ServiceProcess service : services) {
            started(service).start();
        }
        if (inbox != null) {
            services.add(0, inbox);
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofSeconds(180));
            say("%s is up at %s (%.1f s)", service.name(), service.url(), seconds(started));
        }
        for (ServiceProcess service : services) {
            service.superviseRestarts(line -> say("%s", line));
            this.services.put(service.name(), service);
        }
        if (settings.demoData()) {
            new DemoData(gatewayUrl(), settings.dataDir().resolve("demo-data-loaded")).loadOnce();
        }
        say("");
        say("planwatch is running (started in %.1f s).", seconds(started));
        say("  Gateway (the API):  %s/api/plans", gatewayUrl());
        if (inbox != null) {
            say("  Inbox (every email): %s", inboxUrl());
        }
        say("  Logs and data:       %s", settings.dataDir());
        say("Press Ctrl-C to stop.");
    }

    /** Kills one service's process outright, as a crash would; the stack starts it again. */
    void crash(String service) {
        services.get(service).kill();
    }

    /** Stops the embedded broker, as a crash or an outage would; its data stays on disk. */
    void stopBroker() {
        broker.close();
    }

    /** Starts the embedded broker again on the same port, with the data it had. */
    void startBroker() throws Exception {
        broker.start();
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.gatewayPort();
    }

    public String inboxUrl() {
        return inbox == null ? null : inbox.url() + "/";
    }

    private ServiceProcess service(String name, int port, String database, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MONGODB_URI", mongoUri);
        if (database != null) {
            env.put("MONGODB_DATABASE", database);
        }
        env.put("SMTP_HOST", smtpHost);
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.putAll(extra);
        return process(name, settings.root().resolve(name).resolve("target"), port, env);
    }

    private ServiceProcess process(String name, Path builtIn, int port, Map<String, String> env) {
        // run-local copies the jars aside first, so a build while the stack runs cannot pull them from under it.
        String copied = System.getProperty("planwatch.jars");
        Path jar = (copied != null ? Path.of(copied) : builtIn).resolve(name + ".jar");
        return new ServiceProcess(name, jar, port, env, settings.dataDir().resolve("logs").resolve(name + ".log"));
    }

    private <T extends AutoCloseable> T started(T part) {
        running.add(part);
        return part;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::markStopping);
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        running.clear();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
