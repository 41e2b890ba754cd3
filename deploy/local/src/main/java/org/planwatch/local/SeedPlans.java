package org.planwatch.local;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two real plans of deploy/local/seeds, imported on first start through the gateway as each partnership's
 * administrator would (POST /api/plans/imports, commit=true), after the people and organisations who lead them
 * are put in the lead directory, so the importer splits the plans' run-together leads against it. Loaded once: a
 * marker file remembers it was. Their dates are the documents' own (2022 to 2024): the plans show those actions
 * overdue, and notification-service emails nobody about deadlines that had passed before it heard of them.
 */
final class SeedPlans {

    record Seed(String file, String title, String partnership, AccessToken administrator, String ownerName,
                String ownerEmail) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 503 while the gateway's first health checks of the services are still under way (a second or two). */
    private static final Retry UNTIL_THE_GATEWAY_ROUTES = Retry.of("gateway", RetryConfig.<HttpResponse<String>>custom()
            .maxAttempts(31).waitDuration(Duration.ofSeconds(1)).retryOnResult(answer -> answer.statusCode() == 503)
            .retryOnException(failure -> false).build());
    private final HttpClient client = HttpClient.newHttpClient();
    private final String gateway;
    private final Path seeds;
    private final Path marker;

    SeedPlans(String gateway, Path seeds, Path marker) {
        this.gateway = gateway;
        this.seeds = seeds;
        this.marker = marker;
    }

    static Seed[] of(String issuer) {
        return new Seed[] {
                new Seed("perth-kinross-carers-action-plan.tsv", "Perth and Kinross Carers Strategy Action Plan",
                        "Perth and Kinross Health and Social Care Partnership", AccessToken.administratorScript(issuer),
                        "Carers Strategy Owner", "carers.strategy@pkc.example.org"),
                new Seed("doncaster-carers-action-plan.tsv", "Doncaster Carers Action Plan",
                        "Doncaster Carers Partnership", AccessToken.doncasterAdministratorScript(issuer),
                        "Doncaster Carers Strategy Owner", "carers.strategy@doncaster.example.org")};
    }

    void loadOnce(Seed... plans) throws Exception {
        if (Files.exists(marker)) {
            return;
        }
        JsonNode leads;
        try (InputStream in = SeedPlans.class.getResourceAsStream("/seed-leads.json")) {
            leads = JSON.readTree(in);
        }
        StringBuilder loaded = new StringBuilder();
        for (Seed plan : plans) {
            for (JsonNode lead : leads.get(plan.partnership())) {
                send(plan.administrator(), HttpRequest.newBuilder(URI.create(gateway + "/api/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(lead))), 201);
            }
            JsonNode report = JSON.readTree(upload(plan));
            String line = "Imported " + plan.file() + " as \"" + plan.title() + "\": "
                    + report.at("/summary/actions").asInt() + " actions under " + report.at("/summary/themes").asInt()
                    + " themes, " + report.at("/summary/warnings").asInt() + " warnings to review (plan "
                    + report.get("planId").asString() + ")";
            System.out.println(line);
            loaded.append(line).append('\n');
        }
        Files.writeString(marker, loaded.toString());
    }

    private String upload(Seed plan) throws Exception {
        String boundary = "planwatch-seed-" + System.nanoTime();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString("--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + plan.file()
                        + "\"\r\nContent-Type: text/tab-separated-values\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(seeds.resolve(plan.file())),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        String query = query(Map.of("commit", "true", "title", plan.title(), "ownerName", plan.ownerName(),
                "ownerEmail", plan.ownerEmail()));
        return send(plan.administrator(), HttpRequest.newBuilder(URI.create(gateway + "/api/plans/imports?" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body), 201);
    }

    private String send(AccessToken administrator, HttpRequest.Builder request, int expected) throws Exception {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).header("Authorization", administrator.bearer())
                .build();
        HttpResponse<String> response = UNTIL_THE_GATEWAY_ROUTES.executeCallable(
                () -> client.send(built, HttpResponse.BodyHandlers.ofString()));
        if (response.statusCode() != expected) {
            throw new IllegalStateException("loading the seed plans: " + built.method() + " " + built.uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String query(Map<String, String> parameters) {
        return String.join("&", parameters.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }
}
