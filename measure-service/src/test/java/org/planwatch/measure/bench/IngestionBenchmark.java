package org.planwatch.measure.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.TestServers;

/**
 * How fast measure-service takes in partners' figures from {@code measure.datapoints}, next to its two ceilings
 * measured in the same run on the same servers with the same messages: the broker's raw rate (Kafka's own
 * ProducerPerformance and ConsumerPerformance tools) and the store's raw bulk-insert rate (the MongoDB driver's
 * unordered insertMany of the same documents, in batches as large as the service's largest polls, for at least as long
 * as the service's round took, so that the stand-in's collection pauses weigh on both alike). Rounds interleave the
 * four, after a warm-up that lasts until the service's JIT compilers are nearly idle. measure-service runs as a
 * process of its own (its jar, -Xmx512m), so its CPU and memory are its own; the broker and the MongoDB stand-in run
 * in this JVM. Run on demand with
 * {@code measure-service/bench/run-ingestion-benchmark.sh}, never in the test suite.
 */
public final class IngestionBenchmark {

    static final int MEASURES = Integer.getInteger("bench.measures", 200);
    static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /** The service's polls take up to this many figures (max.poll.records), stored in one insert: the raw batch. */
    static final int POLL = 30_000;

    public static void main(String[] args) throws Exception {
        String database = "bench-" + UUID.randomUUID();
        Map<String, String> servers = TestServers.properties(database);
        int port = freePort();
        Process service = startService(servers, port);
        try (MongoClient mongo = MongoClients.create(TestServers.mongoUri(database))) {
            String base = "http://localhost:" + port;
            awaitUp(base, service);
            HttpJson admin = new HttpJson(base).as(TestIssuer.shared().administrator("Bench"));
            List<String> measures = defineMeasures(admin);
            printEnvironment(service);
            MongoCollection<Document> revisions = mongo.getDatabase(database).getCollection("revisions");
            MongoDatabase raw = mongo.getDatabase(database + "-raw");

            // Warm-up of every path. The service runs for months; what is measured is its steady state. On two
            // cores shared with the broker and the store, its JIT compilers were half of its CPU in a run after a
            // 20,000-event warm-up (profiled), so it is fed until its C2 compiler threads are nearly idle (under 0.3 s
            // of CPU in each of two rounds of 50,000 running), 12 rounds at most.
            int quiet = 0;
            int warmRounds = 0;
            double compiled = 0;
            while (quiet < 2 && warmRounds < 12) {
                double compilerBefore = compilerCpuSeconds(service.pid());
                double rate = runService(revisions, messages("warm" + warmRounds, measures, 50_000));
                compiled = compilerCpuSeconds(service.pid()) - compilerBefore;
                quiet = compiled < 0.3 ? quiet + 1 : 0;
                warmRounds++;
                System.out.printf("warm-up %d: service %,.0f/s, its C2 compilers busy %.1f s%n", warmRounds, rate,
                        compiled);
            }
            for (int round = 0; round < 3; round++) {
                rawProducer(messages("warm" + round, measures, 50_000), "bench.raw.warm" + round);
                rawConsumer("bench.raw.warm" + round, 50_000);
                rawStoreWithSeries(raw, documents("warm-s" + round, measures, 50_000), 0);
            }
            rawStore(raw, documents("warm", measures, 100_000), 0);

            List<Double> serviceRates = new ArrayList<>();
            List<Double> producerRates = new ArrayList<>();
            List<Double> consumerRates = new ArrayList<>();
            List<Double> storeRates = new ArrayList<>();
            List<Double> storeWithSeriesRates = new ArrayList<>();
            double serviceCpu = 0;
            double storeCpuForService = 0;
            double storeCpuForRaw = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                List<byte[]> events = messages("r" + round, measures, EVENTS);
                double cpuBefore = cpuSeconds(service.pid());
                double storeCpuBefore = storeCpuSeconds();
                serviceRates.add(runService(revisions, events));
                double serviceSeconds = EVENTS / last(serviceRates);
                serviceCpu += cpuSeconds(service.pid()) - cpuBefore;
                storeCpuForService += storeCpuSeconds() - storeCpuBefore;
                String rawTopic = "bench.raw.r" + round;
                producerRates.add(rawProducer(events, rawTopic));
                consumerRates.add(rawConsumer(rawTopic, EVENTS));
                // For as long as the service's round took at least: the stand-in's collection pauses (about a second
                // every few seconds) then land in both as often, rather than in the service's longer round only.
                storeCpuBefore = storeCpuSeconds();
                long rawStart = System.nanoTime();
                storeRates.add(rawStore(raw, documents("r" + round, measures, EVENTS), serviceSeconds));
                double rawDocuments = last(storeRates) * (System.nanoTime() - rawStart) / 1e9;
                storeCpuForRaw += (storeCpuSeconds() - storeCpuBefore) / rawDocuments;
                storeWithSeriesRates.add(rawStoreWithSeries(raw, documents("s" + round, measures, EVENTS),
                        serviceSeconds));
                System.out.printf("round %d: service %,.0f/s | raw producer %,.0f/s, raw consumer %,.0f/s | raw store"
                        + " bulk insert %,.0f/s, with series deltas %,.0f/s%n", round, last(serviceRates),
                        last(producerRates), last(consumerRates), last(storeRates), last(storeWithSeriesRates));
            }
            double broker = Math.min(median(producerRates), median(consumerRates));
            double store = median(storeRates);
            double slower = Math.min(broker, store);
            System.out.println();
            System.out.printf("%,d events of %d bytes on average, %d measures, median of %d rounds (interleaved):%n",
                    EVENTS, averageSize(messages("size", measures, 1000)), MEASURES, ROUNDS);
            System.out.printf("  measure-service, measure.datapoints -> store   %,10.0f events/s  %.3f CPU s per"
                    + " 1,000 events (service process)%n", median(serviceRates), serviceCpu / ROUNDS / EVENTS * 1000);
            System.out.printf("  the store's own CPU for each 1,000 figures: %.3f s taking the service's writes, %.3f s"
                    + " taking the raw inserts%n", storeCpuForService / ROUNDS / EVENTS * 1000,
                    storeCpuForRaw / ROUNDS * 1000);
            System.out.printf("  raw broker: producer perf                       %,10.0f records/s%n",
                    median(producerRates));
            System.out.printf("  raw broker: consumer perf                       %,10.0f records/s%n",
                    median(consumerRates));
            System.out.printf("  raw store: driver insertMany, %,d per batch    %,10.0f documents/s%n", POLL, store);
            System.out.printf("  raw store: the same inserts + series deltas       %,10.0f documents/s%n",
                    median(storeWithSeriesRates));
            System.out.printf("  service / slower raw rate: %.2f (target >= 0.50); service above 10,000/s: %s%n",
                    median(serviceRates) / slower, median(serviceRates) > 10_000 ? "yes" : "no");
            System.out.printf("  service / raw rate of the same writes (inserts + series deltas): %.2f%n",
                    median(serviceRates) / median(storeWithSeriesRates));
            System.out.printf("  service memory: %s%n", memory(service.pid()));
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.exit(0);
    }

    /** Publishes the events to measure.datapoints and waits until the service has stored all of them. */
    static double runService(MongoCollection<Document> revisions, List<byte[]> events) throws Exception {
        long before = revisions.estimatedDocumentCount();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (byte[] event : events) {
                producer.send(new ProducerRecord<>("measure.datapoints", null, event));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        // The collection's own count (no scan), so that watching does not slow the store down.
        while (revisions.estimatedDocumentCount() < before + events.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service stored " + (revisions.estimatedDocumentCount() - before)
                        + " of " + events.size() + " in 10 minutes");
            }
            Thread.sleep(50);
        }
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    static double rawProducer(List<byte[]> events, String topic) throws Exception {
        Path payloads = Files.createTempFile("bench-payloads-", ".txt");
        Files.write(payloads, String.join("\n", events.stream().map(e -> new String(e, StandardCharsets.UTF_8))
                .toList()).getBytes(StandardCharsets.UTF_8));
        String output = captured(() -> ProducerPerformance.main(new String[] {"--topic", topic, "--num-records",
                Integer.toString(events.size()), "--payload-file", payloads.toString(), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + TestServers.kafkaBootstrapServers(), "acks=all",
                "linger.ms=5", "batch.size=65536"}));
        Files.delete(payloads);
        // "100000 records sent, 51234.5 records/sec (...)"
        String summary = output.lines().filter(l -> l.contains("records sent")).reduce((a, b) -> b).orElseThrow(
                () -> new IllegalStateException(output));
        return Double.parseDouble(summary.split(",")[1].trim().split(" ")[0]);
    }

    static double rawConsumer(String topic, int count) throws Exception {
        String output = captured(() -> ConsumerPerformance.main(new String[] {"--bootstrap-server",
                TestServers.kafkaBootstrapServers(), "--topic", topic, "--messages", Integer.toString(count),
                "--timeout", "60000"}));
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String values = output.lines().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b).orElseThrow(
                () -> new IllegalStateException(output));
        return Double.parseDouble(values.split(",")[5].trim());
    }

    /**
     * The store's raw rate for the service's whole write per poll: the same inserts, plus one series delta per measure
     * of the poll (its entries, as the service writes them), inserted in one more insertMany.
     */
    static double rawStoreWithSeries(MongoDatabase raw, List<Document> documents, double atLeastSeconds) {
        return inPasses(raw, documents, atLeastSeconds, (pass, poll) -> {
            raw.getCollection("revisions-with-series-" + pass).insertMany(poll, new InsertManyOptions().ordered(false));
            Map<String, Document> deltas = new java.util.HashMap<>();
            for (Document d : poll) {
                deltas.computeIfAbsent(d.getString("measure"), m -> new Document("measure", m)
                        .append("periods", new Document())).get("periods", Document.class).append(d.getString("period"),
                        "000001700000000000|000001700000000000|" + d.getString("eventId") + "|" + d.get("value"));
            }
            raw.getCollection("series-" + pass).insertMany(new ArrayList<>(deltas.values()));
        }, "revisions-with-series-", "series-");
    }

    /** The store's raw bulk-insert rate: the documents inserted a poll's worth at a time. */
    static double rawStore(MongoDatabase raw, List<Document> documents, double atLeastSeconds) {
        return inPasses(raw, documents, atLeastSeconds, (pass, poll) -> raw.getCollection("revisions-" + pass)
                .insertMany(poll, new InsertManyOptions().ordered(false)), "revisions-");
    }

    /**
     * Writes the documents a poll's worth at a time, all of them, then again as a new pass into fresh collections
     * (same ids) until {@code atLeastSeconds} have passed; returns documents written a second, and drops every pass's
     * collections (named by the prefixes and the pass number).
     */
    static double inPasses(MongoDatabase raw, List<Document> documents, double atLeastSeconds,
                           java.util.function.BiConsumer<Integer, List<Document>> write, String... collections) {
        long start = System.nanoTime();
        int passes = 0;
        do {
            for (int i = 0; i < documents.size(); i += POLL) {
                write.accept(passes, documents.subList(i, Math.min(documents.size(), i + POLL)));
            }
            passes++;
        } while (System.nanoTime() - start < atLeastSeconds * 1e9);
        double rate = (double) passes * documents.size() / ((System.nanoTime() - start) / 1e9);
        for (int pass = 0; pass < passes; pass++) {
            for (String prefix : collections) {
                raw.getCollection(prefix + pass).drop();
            }
        }
        return rate;
    }

    /** The CloudEvents partners publish: one figure each, every one for a different day of a measure. */
    static List<byte[]> messages(String round, List<String> measures, int count) {
        List<byte[]> events = new ArrayList<>(count);
        LocalDate day = LocalDate.now().minusDays(1);
        for (int i = 0; i < count; i++) {
            String measure = measures.get(i % measures.size());
            events.add(("{\"specversion\":\"1.0\",\"id\":\"" + round + "-" + i + "\",\"source\":\"urn:partner:bench\","
                    + "\"type\":\"org.planwatch.measure.datapoint.v1\",\"time\":\"" + Instant.now() + "\","
                    + "\"organisation\":\"Bench Partner\",\"datacontenttype\":\"application/json\",\"data\":{"
                    + "\"measure\":\"" + measure + "\",\"period\":\"" + day.minusDays(i / measures.size() % 3000)
                    + "\",\"value\":" + (i % 1000) + ",\"source\":\"bench CRM\"}}").getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }

    /** The documents the service stores for the same figures, for the store's ceiling. */
    static List<Document> documents(String round, List<String> measures, int count) {
        List<Document> documents = new ArrayList<>(count);
        LocalDate day = LocalDate.now().minusDays(1);
        Date now = new Date();
        for (int i = 0; i < count; i++) {
            String measure = measures.get(i % measures.size());
            String period = day.minusDays(i / measures.size() % 3000).toString();
            documents.add(new Document("_id", measure + "|" + round + "-" + i).append("measure", measure)
                    .append("period", period).append("periodStart", period).append("periodEnd", period)
                    .append("value", new Decimal128(BigDecimal.valueOf(i % 1000))).append("source", "bench CRM")
                    .append("organisation", "Bench Partner").append("eventId", round + "-" + i)
                    .append("producedAt", now).append("receivedAt", now));
        }
        return documents;
    }

    static List<String> defineMeasures(HttpJson admin) {
        List<String> keys = new ArrayList<>();
        for (int m = 0; m < MEASURES; m++) {
            String key = "bench-measure-" + m;
            HttpJson.Response defined = admin.post("/api/measures", Map.of("key", key, "name", "Bench measure " + m,
                    "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                    "baseline", Map.of("value", 0, "date", "2000-01-01"),
                    "targets", List.of(Map.of("value", 1000, "by", LocalDate.now().plusYears(1).toString())),
                    "frequency", "AS_MEASURED", "publishers", List.of("Bench Partner")));
            if (defined.status() != 201) {
                throw new IllegalStateException(defined.body());
            }
            keys.add(key);
        }
        return keys;
    }

    static Process startService(Map<String, String> servers, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        // -Dbench.service-jvm="-XX:StartFlightRecording=filename=service.jfr" records the service, say.
        command.addAll(words(System.getProperty("bench.service-jvm", "")));
        command.addAll(List.of("-jar", "measure-service/target/measure-service.jar", "--server.port=" + port,
                "--logging.level.root=WARN"));
        servers.forEach((name, value) -> command.add("--" + name + "=" + value));
        command.addAll(words(System.getProperty("bench.service-args", "")));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("measure-service/target/bench-service.log").toFile()).start();
    }

    private static List<String> words(String line) {
        return java.util.Arrays.stream(line.split(" ")).filter(w -> !w.isBlank()).toList();
    }

    static void awaitUp(String base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("measure-service exited; see measure-service/target/bench-service.log");
            }
            try {
                if (new HttpJson(base).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("measure-service did not start");
    }

    static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536), new ByteArraySerializer(), new ByteArraySerializer());
    }

    interface Work {
        void run() throws Exception;
    }

    static String captured(Work work) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** User plus system CPU seconds of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks). */
    static double cpuSeconds(long pid) throws Exception {
        return cpuSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    /** User and system CPU seconds from a process's or thread's {@code stat} file. */
    static double cpuSeconds(Path statFile) throws java.io.IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** CPU seconds the process's C2 compiler threads have used so far. */
    static double compilerCpuSeconds(long pid) throws Exception {
        return threadsCpuSeconds(pid, "C2 CompilerThre");
    }

    /** CPU seconds the MongoDB stand-in's threads in this JVM have used so far. */
    static double storeCpuSeconds() throws Exception {
        return threadsCpuSeconds(ProcessHandle.current().pid(), "mongo-server-wo");
    }

    /** CPU seconds used so far by the process's threads whose name (as the kernel keeps it) starts so. */
    static double threadsCpuSeconds(long pid, String namePrefix) throws Exception {
        double seconds = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(namePrefix)) {
                        seconds += cpuSeconds(task.resolve("stat"));
                    }
                } catch (java.io.IOException threadEnded) {
                    // a thread that ended meanwhile
                }
            }
        }
        return seconds;
    }

    static String memory(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("unknown")
                + " (heap at most 512 MB)";
    }

    static void printEnvironment(Process service) {
        System.out.printf("JDK %s, %d cores; broker and MongoDB: %s, in the benchmark's JVM (max heap %d MB);"
                + " measure-service pid %d, -Xmx512m; raw inserts %d a batch%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), TestServers.source(),
                Runtime.getRuntime().maxMemory() >> 20, service.pid(), POLL);
    }

    static int averageSize(List<byte[]> events) {
        return (int) events.stream().mapToInt(e -> e.length).average().orElse(0);
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
