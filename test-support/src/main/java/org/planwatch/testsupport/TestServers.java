package org.planwatch.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker, MongoDB and SMTP server every integration test in a JVM shares.
 *
 * <p>Order of choice, per server: an address in the environment ({@code PLANWATCH_TEST_KAFKA_BOOTSTRAP},
 * {@code PLANWATCH_TEST_MONGODB_URI}); else a container of the real image when a Docker engine answers;
 * else a real server started in this JVM (Apache Kafka in KRaft mode, mongo-java-server as the MongoDB
 * stand-in). {@code PLANWATCH_TEST_SERVERS=in-process} skips the Docker probe. SMTP is always an
 * in-process GreenMail, because the tests read what it received.
 *
 * <p>Servers start on first use and stop when the JVM exits, so one broker serves a whole test run.
 */
public final class TestServers {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8.0";

    private TestServers() {
    }

    /** How the servers of this run were chosen, for the test log. */
    public enum Source { EXTERNAL, CONTAINERS, IN_PROCESS }

    public static String kafkaBootstrapServers() {
        return Kafka.BOOTSTRAP;
    }

    /** A connection string for a database of its own, so tests sharing one server do not see each other. */
    public static String mongoUri(String database) {
        String base = Mongo.BASE_URI;
        int query = base.indexOf('?');
        String path = query < 0 ? base : base.substring(0, query);
        String params = query < 0 ? "" : base.substring(query);
        String withoutDb = path.replaceFirst("(mongodb(\\+srv)?://[^/]+)(/.*)?$", "$1");
        return withoutDb + "/" + database + params;
    }

    public static GreenMail mail() {
        return Smtp.SERVER;
    }

    public static int smtpPort() {
        return Smtp.SERVER.getSmtp().getPort();
    }

    public static Source source() {
        return Choice.SOURCE;
    }

    /**
     * Points an application at the shared servers and the test token issuer, with {@code database} for its own:
     * for a Spring test through {@link WithTestServers}, or for an application started outside one.
     */
    public static Map<String, String> properties(String database) {
        Map<String, String> properties = new java.util.HashMap<>(TestIssuer.shared().properties());
        properties.putAll(Map.of(
                "spring.mongodb.uri", mongoUri(database),
                "spring.mongodb.database", database,
                "spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers(),
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.mail.host", "localhost",
                "spring.mail.port", Integer.toString(smtpPort())));
        return Map.copyOf(properties);
    }

    /**
     * Stops a shared server when the JVM exits, after the applications under test had a moment to close: JVM
     * shutdown hooks run all at once, and an application whose broker vanished first waits out its client timeouts.
     */
    private static void stopLast(Runnable stop, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.run();
        }, name));
    }

    private static final long SHUTDOWN_GRACE_MILLIS = 5_000;

    private static final class Choice {
        static final Source SOURCE = decide();

        private static Source decide() {
            if (System.getenv("PLANWATCH_TEST_KAFKA_BOOTSTRAP") != null) {
                return Source.EXTERNAL;
            }
            if (!"in-process".equals(System.getenv("PLANWATCH_TEST_SERVERS")) && dockerAnswers()) {
                return Source.CONTAINERS;
            }
            return Source.IN_PROCESS;
        }

        private static boolean dockerAnswers() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }

    private static final class Kafka {
        static final String BOOTSTRAP = start();

        private static String start() {
            String external = System.getenv("PLANWATCH_TEST_KAFKA_BOOTSTRAP");
            if (external != null) {
                return external;
            }
            if (Choice.SOURCE == Source.CONTAINERS) {
                KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
                kafka.start();
                return kafka.getBootstrapServers();
            }
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0",
                    "log.flush.interval.messages", Long.toString(Long.MAX_VALUE)));
            broker.afterPropertiesSet();
            stopLast(broker::destroy, "kafka-test-broker-stop");
            return broker.getBrokersAsString();
        }
    }

    private static final class Mongo {
        static final String BASE_URI = start();

        private static String start() {
            String external = System.getenv("PLANWATCH_TEST_MONGODB_URI");
            if (external != null) {
                return external;
            }
            if (Choice.SOURCE == Source.CONTAINERS) {
                MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
                mongo.start();
                return mongo.getReplicaSetUrl();
            }
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            stopLast(server::shutdownNow, "mongo-test-server-stop");
            return "mongodb://127.0.0.1:" + address.getPort();
        }
    }

    private static final class Smtp {
        static final GreenMail SERVER = start();

        private static GreenMail start() {
            GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            stopLast(greenMail::stop, "smtp-test-server-stop");
            return greenMail;
        }
    }
}
