package org.planwatch.notification.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.planwatch.notification.NotificationServiceApplication;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whether a second replica of notification-service sends twice as fast, and never sends an email twice. Run on
 * demand with {@code notification-service/bench/run-scale-out-benchmark.sh}, never in the test suite.
 *
 * <p>Each replica sends over one SMTP connection, one email at a time, so a replica's rate is bounded by the SMTP
 * server's round trips (a relay some milliseconds away answers each of the five or so commands an email takes)
 * or, with a server on the same machine, by the CPU. The SMTP server here sits behind a proxy that holds each of its
 * replies for a set delay, the way a relay on the network does; the same rounds also run with no delay, where both
 * replicas share this machine's two cores with the broker, the store and the SMTP server. The replicas are two Spring
 * contexts in this JVM on one store, one consumer group and one SMTP server: the second is started and closed
 * between rounds, 1 2 1 2 1 2, so each pair of rounds sees the same machine.
 */
public final class ScaleOutBenchmark {

    static final String TOPIC = "plan.action.events.scale-out-benchmark";
    static final String GROUP = "notification-service";
    static final int RECIPIENTS = 50;
    static final int ROUNDS = 3;
    static final String FROM = LocalDate.now().plusDays(200).toString();
    static final String TO = LocalDate.now().plusDays(230).toString();

    private final GreenMail smtp = TestServers.mail();
    private final DelayingProxy relay;
    private final String database = "scale-out-benchmark-" + UUID.randomUUID();
    private final KafkaProducer<byte[], byte[]> producer = producer();

    private ScaleOutBenchmark() throws IOException {
        relay = new DelayingProxy(TestServers.smtpPort());
    }

    public static void main(String[] args) throws Exception {
        new ScaleOutBenchmark().run(Duration.parse("PT" + System.getProperty("bench.smtp-delay", "0.020") + "S"),
                Integer.getInteger("bench.emails", 300));
        System.exit(0);
    }

    void run(Duration delay, int emails) throws Exception {
        printEnvironment(delay, emails);
        // The MongoDB stand-in in this JVM logs each index it cannot build
        System.setProperty("logging.level.de.bwaldvogel", "ERROR");
        ConfigurableApplicationContext first = startReplica(1);
        System.out.println("\nwarm-up: 2 x 200 emails with no delay, one replica then two");
        relay.delay(Duration.ZERO);
        round(200);
        ConfigurableApplicationContext second = startReplica(2);
        round(200);
        stopReplica(second, 1);

        List<String> lines = new ArrayList<>();
        for (Duration each : List.of(delay, Duration.ZERO)) {
            relay.delay(each);
            System.out.printf("%nSMTP replies held %d ms each; %d emails a round (closed loop: all events published, "
                    + "timed to the last email in the inbox)%n", each.toMillis(), emails);
            System.out.printf("%-7s %-10s %10s %12s %12s %12s%n", "round", "replicas", "emails/s", "duplicates",
                    "cores busy", "CPU s / 1000");
            double[] one = new double[ROUNDS];
            double[] two = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                one[r] = print(r + 1, 1, round(emails));
                second = startReplica(2);
                two[r] = print(r + 1, 2, round(emails));
                stopReplica(second, 1);
            }
            lines.add(String.format("SMTP replies held %3d ms: median one replica %6.1f/s, two replicas %6.1f/s, "
                    + "two/one = %.2f", each.toMillis(), median(one), median(two), median(two) / median(one)));
        }
        System.out.println();
        lines.forEach(System.out::println);
        first.close();
        producer.close();
    }

    record Round(int emails, int duplicates, long nanos, long cpuNanos) {
        double perSecond() {
            return emails / (nanos / 1e9);
        }
    }

    private static double print(int round, int replicas, Round result) {
        double seconds = result.nanos() / 1e9;
        System.out.printf("%-7d %-10d %10.1f %12d %12.2f %12.2f%n", round, replicas, result.perSecond(),
                result.duplicates(), result.cpuNanos() / 1e9 / seconds, result.cpuNanos() / 1e9 / result.emails() * 1000);
        return result.perSecond();
    }

    /** Publishes one event per email at once and waits until each email is in the inbox, then a second for repeats. */
    private Round round(int count) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String actionId = UUID.randomUUID().toString();
            String json = PlanActionEventFixtures.dueDateChanged(UUID.randomUUID().toString(), actionId, 2,
                    "lead-" + (i % RECIPIENTS) + "@example.org", FROM, TO);
            producer.send(new ProducerRecord<>(TOPIC, actionId.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + smtp.getReceivedMessages().length + " of " + count
                        + " emails arrived");
            }
            Thread.sleep(2);
        }
        long elapsed = System.nanoTime() - start;
        long cpuUsed = processCpuNanos() - cpu;
        Thread.sleep(1_000);
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> mailIds = new HashSet<>();
        for (MimeMessage message : received) {
            mailIds.add(message.getHeader("X-Planwatch-Mail-Id")[0]);
        }
        if (mailIds.size() != count) {
            throw new IllegalStateException(mailIds.size() + " different emails arrived, " + count + " expected");
        }
        return new Round(count, received.length - mailIds.size(), elapsed, cpuUsed);
    }

    /** Returns once the consumer group has settled with the new replica in it, so no round starts in a rebalance. */
    private ConfigurableApplicationContext startReplica(int replicas) throws Exception {
        ConfigurableApplicationContext replica = startContext();
        awaitSettledGroup(replicas);
        return replica;
    }

    private void stopReplica(ConfigurableApplicationContext replica, int replicasLeft) throws Exception {
        replica.close();
        awaitSettledGroup(replicasLeft);
    }

    /**
     * The group is settled when it is stable with six consumers for each replica: three (one per partition) for
     * each of the two topics the service reads in this group.
     */
    private static void awaitSettledGroup(int replicas) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                if (group.groupState() == GroupState.STABLE && group.members().size() == 6 * replicas) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the consumer group is " + group.groupState() + " with "
                            + group.members().size() + " consumers");
                }
                Thread.sleep(100);
            }
        }
    }

    private ConfigurableApplicationContext startContext() {
        Map<String, String> properties = new HashMap<>(TestServers.properties(database));
        properties.put("server.port", "0");
        properties.put("spring.mail.port", Integer.toString(relay.port()));
        properties.put("planwatch.reminders.cron", "-");
        properties.put("planwatch.digest.cron", "-");
        properties.put("spring.cloud.stream.bindings.planActionEvents-in-0.destination", TOPIC);
        properties.put("logging.level.root", "ERROR");
        properties.put("spring.main.banner-mode", "off");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void printEnvironment(Duration delay, int emails) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("notification-service scale-out benchmark");
        System.out.printf("JDK %s, heap max %d MiB, %d cores, servers in this JVM: %s; SMTP delay %d ms, %d emails a "
                        + "round, %d rounds of each%n", System.getProperty("java.version"), runtime.maxMemory() >> 20,
                runtime.availableProcessors(), TestServers.source(), delay.toMillis(), emails, ROUNDS);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * A TCP proxy to the SMTP server that holds each chunk the server sends for a set time before passing it on,
     * as a relay on the network would. SMTP without pipelining is one command, one reply, so this is the round trip.
     */
    static final class DelayingProxy {

        private final ServerSocket listener;
        private final int target;
        private volatile long delayMillis;

        DelayingProxy(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        void delay(Duration delay) {
            delayMillis = delay.toMillis();
        }

        private void accept() {
            while (true) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    daemon(() -> pipe(client, server, false));
                    daemon(() -> pipe(server, client, true));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "smtp-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private void pipe(Socket from, Socket to, boolean held) {
            byte[] buffer = new byte[64 * 1024];
            try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (held && delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed: closing both ends (try-with-resources) ends the other direction too
            }
        }
    }
}
