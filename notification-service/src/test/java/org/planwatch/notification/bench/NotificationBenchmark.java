package org.planwatch.notification.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.planwatch.notification.NotificationServiceApplication;
import org.planwatch.notification.PlanActionEventFixtures;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast notification-service turns action events into emails in an inbox, next to the ceiling: a bare JavaMail
 * send loop to the same SMTP server. Run on demand with {@code notification-service/bench/run-benchmark.sh}, never in
 * the test suite. Everything runs in this one JVM (broker, MongoDB stand-in, GreenMail, the service), so the CPU
 * figures are for the whole pipeline.
 */
public final class NotificationBenchmark {

    static final String TOPIC = "plan.action.events.benchmark";
    static final int WARM_UP = 100;
    static final int ROUND = 300;
    static final int ROUNDS = 3;
    static final Duration LATENCY_PHASE = Duration.ofSeconds(10);
    static final int RECIPIENTS = 50;

    private final GreenMail smtp = TestServers.mail();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile boolean watching = true;
    private final int[] seen = new int[RECIPIENTS];

    public static void main(String[] args) throws Exception {
        new NotificationBenchmark().run();
        System.exit(0);
    }

    /**
     * Dates well ahead, so that each event also goes through the reminder check a changed action gets (as in
     * production) without that check adding reminder emails to what is counted.
     */
    static final String FROM = java.time.LocalDate.now().plusDays(200).toString();
    static final String TO = java.time.LocalDate.now().plusDays(230).toString();

    void run() throws Exception {
        String pollInterval = System.getProperty("bench.poll-interval", "100ms");
        ConfigurableApplicationContext service = startService(pollInterval);
        Thread watcher = new Thread(this::watchInbox, "inbox-watcher");
        watcher.setDaemon(true);
        watcher.start();
        KafkaProducer<byte[], byte[]> producer = producer();
        Session session = Session.getInstance(smtpProperties());
        String sample = PlanActionEventFixtures.dueDateChanged("sample", "a", 2, "x@example.org", FROM, TO);
        MimeMessage rendered = renderedSample(sample, producer);

        printEnvironment(pollInterval, sample.length(), rendered.getSize());

        System.out.println("\nwarm-up: " + WARM_UP + " bare sends and " + WARM_UP + " events through the service");
        reference(session, rendered, WARM_UP);
        pipeline(producer, WARM_UP);

        System.out.println("\nthroughput at saturation (closed loop), interleaved A B A B, " + ROUND + " emails a round");
        System.out.printf("%-7s %-28s %12s %18s%n", "round", "path", "emails/s", "CPU s / 1000");
        double[] bare = new double[ROUNDS];
        double[] service2 = new double[ROUNDS];
        for (int round = 1; round <= ROUNDS; round++) {
            Result a = reference(session, rendered, ROUND);
            Result b = pipeline(producer, ROUND);
            bare[round - 1] = a.perSecond();
            service2[round - 1] = b.perSecond();
            System.out.printf("%-7d %-28s %12.1f %18.2f%n", round, "A bare JavaMail loop", a.perSecond(), a.cpuPer1000());
            System.out.printf("%-7d %-28s %12.1f %18.2f%n", round, "B event -> service -> inbox", b.perSecond(),
                    b.cpuPer1000());
        }
        double bareMedian = median(bare);
        double serviceMedian = median(service2);
        System.out.printf("median: bare %.1f/s, service %.1f/s, service/bare = %.2f%n", bareMedian, serviceMedian,
                serviceMedian / bareMedian);

        System.out.println("\nlatency from the event's intended send time to the email in the inbox (open model, "
                + LATENCY_PHASE.toSeconds() + " s per rate)");
        System.out.printf("%-10s %10s %8s %10s %10s %10s %10s%n", "load", "rate/s", "emails", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms");
        for (double share : new double[] {0.25, 0.50, 0.75}) {
            double rate = serviceMedian * share;
            long[] latencies = openModel(producer, rate, LATENCY_PHASE);
            System.out.printf("%-10s %10.1f %8d %10.1f %10.1f %10.1f %10.1f%n", (int) (share * 100) + "%", rate,
                    latencies.length, percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 99.9),
                    percentile(latencies, 100));
        }
        watching = false;
        producer.close();
        service.close();
    }

    record Result(int emails, long nanos, long cpuNanos) {
        double perSecond() {
            return emails / (nanos / 1e9);
        }

        double cpuPer1000() {
            return cpuNanos / 1e9 / emails * 1000;
        }
    }

    /** The ceiling: the same rendered message, sent in a loop over one SMTP connection, as the service does. */
    Result reference(Session session, MimeMessage rendered, int count) throws Exception {
        purge();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        rendered.writeTo(bytes);
        byte[] raw = bytes.toByteArray();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(raw));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient(i)));
                message.setHeader("X-Planwatch-Mail-Id", "bare-" + i + ":REFERENCE:" + recipient(i));
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        awaitArrivals(count, Duration.ofMinutes(2));
        return new Result(count, System.nanoTime() - start, processCpuNanos() - cpu);
    }

    /** Events published as fast as the producer takes them; done when every email is in the inbox. */
    Result pipeline(KafkaProducer<byte[], byte[]> producer, int count) throws Exception {
        purge();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            publish(producer, UUID.randomUUID().toString(), recipient(i));
        }
        producer.flush();
        awaitArrivals(count, Duration.ofMinutes(5));
        return new Result(count, System.nanoTime() - start, processCpuNanos() - cpu);
    }

    /** Publishes at a fixed rate whatever happens downstream; latency counts from when each send was due. */
    long[] openModel(KafkaProducer<byte[], byte[]> producer, double rate, Duration length) throws Exception {
        purge();
        Map<String, Long> intended = new ConcurrentHashMap<>();
        long intervalNanos = (long) (1e9 / rate);
        int count = (int) (length.toNanos() / intervalNanos);
        long start = System.nanoTime() + 50_000_000L;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            int n = i;
            timer.schedule(() -> {
                String eventId = UUID.randomUUID().toString();
                intended.put(eventId, due);
                publish(producer, eventId, recipient(n));
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        timer.shutdown();
        timer.awaitTermination(length.toSeconds() + 10, TimeUnit.SECONDS);
        awaitArrivals(count, Duration.ofMinutes(2));
        long[] latencies = intended.entrySet().stream()
                .mapToLong(e -> arrivals.getOrDefault(e.getKey(), Long.MAX_VALUE) - e.getValue()).sorted().toArray();
        return latencies;
    }

    /**
     * Recipients come from a pool of 50: GreenMail keeps a mailbox per address, and thousands of them would make
     * the SMTP server, not the service, the thing measured. Emails are told apart by their event id instead.
     */
    private static String recipient(int i) {
        return "lead-" + (i % RECIPIENTS) + "@example.org";
    }

    private void publish(KafkaProducer<byte[], byte[]> producer, String eventId, String lead) {
        String actionId = UUID.randomUUID().toString();
        String json = PlanActionEventFixtures.dueDateChanged(eventId, actionId, 2, lead, FROM, TO);
        producer.send(new ProducerRecord<>(TOPIC, actionId.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Notes when each email reached its mailbox; a mailbox lists its messages in the order they arrived. */
    private void watchInbox() {
        int total = 0;
        while (watching) {
            int held = smtp.getReceivedMessages().length;
            if (held == total) {
                pause();
                continue;
            }
            total = held;
            synchronized (this) {
                for (int r = 0; r < RECIPIENTS; r++) {
                    MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipient(r));
                    long now = System.nanoTime();
                    for (int i = seen[r]; i < received.length; i++) {
                        try {
                            String mailId = received[i].getHeader("X-Planwatch-Mail-Id")[0];
                            arrivals.putIfAbsent(mailId.substring(0, mailId.indexOf(':')), now);
                        } catch (Exception ignored) {
                            // a message without our header is not one of ours
                        }
                    }
                    seen[r] = Math.max(seen[r], received.length);
                }
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitArrivals(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (arrivals.size() < count) {
            if (System.nanoTime() > nextReport) {
                System.out.printf("  ... %d of %d emails in the inbox (%d messages held)%n", arrivals.size(), count,
                        smtp.getReceivedMessages().length);
                nextReport += 10_000_000_000L;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.size() + " of " + count + " emails arrived");
            }
            Thread.sleep(1);
        }
    }

    private synchronized void purge() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        Arrays.fill(seen, 0);
        arrivals.clear();
    }

    private MimeMessage renderedSample(String sample, KafkaProducer<byte[], byte[]> producer) throws Exception {
        purge();
        publish(producer, UUID.randomUUID().toString(), recipient(0));
        awaitArrivals(1, Duration.ofSeconds(60));
        return smtp.getReceivedMessages()[0];
    }

    private ConfigurableApplicationContext startService(String pollInterval) {
        Map<String, String> properties = new HashMap<>(TestServers.properties("benchmark-" + UUID.randomUUID()));
        properties.put("server.port", "0");
        properties.put("planwatch.reminders.cron", "-");
        properties.put("planwatch.digest.cron", "-");
        properties.put("planwatch.mail.poll-interval", pollInterval);
        properties.put("spring.cloud.stream.bindings.planActionEvents-in-0.destination", TOPIC);
        properties.put("logging.level.root", "WARN");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Properties smtpProperties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(TestServers.smtpPort()));
        return properties;
    }

    private static void printEnvironment(String pollInterval, int eventBytes, int mailBytes) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("notification-service benchmark");
        System.out.printf("JDK %s (%s), heap max %d MiB, %d cores, servers in this JVM: %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() >> 20,
                runtime.availableProcessors(), TestServers.source());
        System.out.printf("Kafka clients %s, event %d bytes (CloudEvents JSON), email %d bytes (text + HTML + .ics), "
                        + "acks=all, linger.ms=0, mail poll interval %s, mail batch 50%n",
                org.apache.kafka.common.utils.AppInfoParser.getVersion(), eventBytes, mailBytes, pollInterval);
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

    private static double percentile(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        long value = sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))];
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value / 1e6;
    }
}
