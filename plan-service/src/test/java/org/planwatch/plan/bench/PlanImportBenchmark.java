package org.planwatch.plan.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.planwatch.plan.PlanServiceApplication;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.TestServers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long a 2,000-action plan document takes to import through plan-service's API (dry run, commit of a new plan,
 * re-import of the unchanged file), next to the ceiling for its store: the raw MongoDB driver inserting the same
 * number of action documents in one unordered bulk write on the same server. Run on demand with
 * {@code plan-service/bench/run-import-benchmark.sh}, never in the test suite. Everything runs in this one JVM (the
 * broker, the MongoDB stand-in, plan-service), so the CPU figures are for the whole path.
 */
public final class PlanImportBenchmark {

    static final int THEMES = 10;
    static final int OUTCOMES_PER_THEME = 20;
    static final int ACTIONS_PER_OUTCOME = 10;
    static final int ROUNDS = 3;
    static final String[] THEME_NAMES = {"IDENTIFICATION", "RECOGNITION", "INFORMATION AND ADVICE", "RIGHTS",
            "CONNECTION", "INDEPENDENCE AND WELLBEING", "EMPLOYMENT", "YOUNG CARERS", "HEALTH", "HOUSING"};

    public static void main(String[] args) throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServers.properties("bench-" + UUID.randomUUID()));
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("planwatch.rate-limit.capacity", "100000");
        byte[] document = document();
        Path saved = Files.createTempFile("bench-plan-2000-actions-", ".tsv");
        Files.write(saved, document);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PlanServiceApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
             MongoClient raw = MongoClients.create(TestServers.mongoUri("bench-raw"))) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            String base = "http://localhost:" + port;
            printEnvironment(document, saved);
            warmUp(base, document);
            MongoCollection<Document> ceiling = raw.getDatabase("bench-raw").getCollection("actions");
            List<Double> dryRuns = new ArrayList<>();
            List<Double> commits = new ArrayList<>();
            List<Double> reimports = new ArrayList<>();
            List<Double> bulk = new ArrayList<>();
            double[] cpu = new double[4];
            for (int round = 1; round <= ROUNDS; round++) {
                HttpJson admin = new HttpJson(base).as(TestIssuer.shared().administrator("Bench " + round));
                String imports = "/api/plans/imports?ownerName=Owner&ownerEmail=owner@example.org&title=Bench";
                dryRuns.add(timed(cpu, 0, () -> expect(admin.upload(imports, "plan.tsv", document), 200, 2000)));
                commits.add(timed(cpu, 1, () -> expect(admin.upload(imports + "&commit=true", "plan.tsv", document),
                        201, 2000)));
                reimports.add(timed(cpu, 2, () -> expect(admin.upload(imports + "&commit=true", "plan.tsv", document),
                        200, 2000)));
                bulk.add(timed(cpu, 3, () -> ceiling.insertMany(actionDocuments(), new InsertManyOptions().ordered(false))));
                System.out.printf("round %d: dry run %.2f s, commit %.2f s, re-import %.2f s, raw bulk insert %.2f s%n",
                        round, last(dryRuns), last(commits), last(reimports), last(bulk));
            }
            int actions = THEMES * OUTCOMES_PER_THEME * ACTIONS_PER_OUTCOME;
            System.out.println();
            System.out.printf("2,000-action plan, median of %d rounds (A B C D interleaved):%n", ROUNDS);
            System.out.printf("  dry run (read, check, compare)   %6.2f s   %6.2f CPU s per 1,000 actions%n",
                    median(dryRuns), cpu[0] / ROUNDS / actions * 1000);
            System.out.printf("  commit, new plan                 %6.2f s   %6.2f CPU s per 1,000 actions%n",
                    median(commits), cpu[1] / ROUNDS / actions * 1000);
            System.out.printf("  re-import, nothing changed       %6.2f s   %6.2f CPU s per 1,000 actions%n",
                    median(reimports), cpu[2] / ROUNDS / actions * 1000);
            System.out.printf("  ceiling: raw driver bulk insert  %6.2f s   %6.2f CPU s per 1,000 actions%n",
                    median(bulk), cpu[3] / ROUNDS / actions * 1000);
            System.out.printf("  commit / ceiling: %.1fx; target: dry run and commit each well under 10 s%n",
                    median(commits) / median(bulk));
        }
        System.exit(0);
    }

    /** A plan laid out as Doncaster's, with 2,000 actions, their text taken from the real plan's kind of words. */
    static byte[] document() {
        String[] leads = {"Carers Lead", "Carers Wellbeing Service", "Adult Social Care", "Practice Development",
                "NHS England", "Housing", "Health", "Young Carers Support", "CAG", "CSG"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};
        StringBuilder tsv = new StringBuilder("No\tOutcome\tAction\tLead\tDue Date\tMeasure/ impact\tStatus / RAG\n");
        for (int t = 1; t <= THEMES; t++) {
            tsv.append("\t\t").append(THEME_NAMES[t - 1]).append("\t\t\t\t\n");
            for (int o = 1; o <= OUTCOMES_PER_THEME; o++) {
                for (int a = 1; a <= ACTIONS_PER_OUTCOME; a++) {
                    tsv.append(a == 1 ? t + "." + o : "").append('\t')
                            .append(a == 1 ? "Carers will be identified at the earliest opportunity in area " + o
                                    + " of theme " + t + "." : "").append('\t')
                            .append("Carers support will promote the offer through appropriate channels, social work "
                                    + "teams and housing, step ").append(a).append(" of outcome ").append(t).append('.')
                            .append(o).append('\t')
                            .append(leads[(t + o + a) % leads.length]).append(' ')
                            .append(leads[(t + 3 * o + a) % leads.length]).append('\t')
                            .append(months[(o + a) % 12]).append(' ').append(23 + (a % 3)).append('\t')
                            .append("<ul> <li>Increased number of carers identified</li> <li>Carer satisfaction "
                                    + "improved</li> </ul>").append('\t')
                            .append(a % 4 == 0 ? "Complete" : "Initial discussions taking place").append('\n');
                }
            }
        }
        return tsv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<Document> actionDocuments() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < THEMES * OUTCOMES_PER_THEME * ACTIONS_PER_OUTCOME; i++) {
            documents.add(new Document("_id", UUID.randomUUID().toString()).append("version", 1)
                    .append("action", new Document("text", "Carers support will promote the offer through appropriate "
                            + "channels, social work teams and housing, step " + i).append("leadIds", List.of("a", "b"))
                            .append("due", new Document("date", "2023-06-30").append("precision", "MONTH"))
                            .append("measures", List.of("Increased number of carers identified", "Carer satisfaction")))
                    .append("history", List.of(new Document("field", "created")))
                    .append("outbox", List.of(new Document("type", "created").append("payload", "x".repeat(1500)))));
        }
        return documents;
    }

    private static void warmUp(String base, byte[] document) {
        HttpJson admin = new HttpJson(base).as(TestIssuer.shared().administrator("Warm up"));
        String imports = "/api/plans/imports?ownerName=Owner&ownerEmail=owner@example.org&title=Warm";
        for (int i = 0; i < 2; i++) {
            expect(admin.upload(imports, "plan.tsv", document), 200, 2000);
        }
        expect(admin.upload(imports + "&commit=true", "plan.tsv", document), 201, 2000);
    }

    private static void expect(HttpJson.Response response, int status, int actions) {
        if (response.status() != status || response.at("$.summary.actions", Integer.class) != actions) {
            throw new IllegalStateException(response.status() + " " + response.body().substring(0,
                    Math.min(500, response.body().length())));
        }
    }

    private static double timed(double[] cpu, int slot, Runnable work) {
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu[slot] += (processCpuNanos() - cpuBefore) / 1e9;
        return seconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void printEnvironment(byte[] document, Path saved) {
        System.out.printf("JDK %s, max heap %d MB, %d cores; MongoDB: %s; document %,d bytes, %d actions (%s)%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), TestServers.source(), document.length,
                THEMES * OUTCOMES_PER_THEME * ACTIONS_PER_OUTCOME, saved);
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
