package org.planwatch.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small plan to look at on first start ({@code demo-plan.json}, from the Perth and Kinross carers action plan),
 * entered through the gateway with the administrators' script client's token, as an administrator would. Loaded
 * once: a marker file remembers it was. Its dates are moved to the months ahead of the day it is loaded, the way they read in the plan ("March 2027"), so a fresh stack starts with
 * nothing overdue and a quiet inbox.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String gateway;
    private final AccessToken administrator;
    private final Path marker;

    DemoData(String gateway, AccessToken administrator, Path marker) {
        this.gateway = gateway;
        this.administrator = administrator;
        this.marker = marker;
    }

    void loadOnce() throws IOException, InterruptedException {
        if (Files.exists(marker)) {
            return;
        }
        JsonNode demo;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo-plan.json")) {
            demo = JSON.readTree(in);
        }
        List<String> leadIds = new ArrayList<>();
        for (JsonNode lead : demo.get("leads")) {
            leadIds.add(post("/api/leads", lead).get("id").asString());
        }
        int year = YearMonth.now().getYear();
        JsonNode plan = post("/api/plans", ((ObjectNode) demo.get("plan")).put("period", year + "-" + (year + 3)));
        JsonNode theme = plan.get("themes").get(0);
        for (JsonNode described : demo.get("actions")) {
            ObjectNode action = ((ObjectNode) described).put("planId", plan.get("id").asString())
                    .put("themeId", theme.get("id").asString())
                    .put("outcomeId", theme.get("outcomes").get(described.get("outcome").asInt()).get("id").asString())
                    .put("due", YearMonth.now().plusMonths(described.get("monthsAhead").asInt())
                            .format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK)));
            action.putArray("leads").add(leadIds.get(described.get("lead").asInt()));
            action.remove(List.of("outcome", "lead", "monthsAhead"));
            post("/api/actions", action);
        }
        Files.writeString(marker, plan.get("id").asString());
        System.out.println("Loaded the demo plan " + plan.get("id").asString() + " with its actions.");
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", administrator.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        // 503 while the gateway's first health checks of the services are still under way (a second or two).
        for (int tries = 0; response.statusCode() == 503 && tries < 30; tries++) {
            Thread.sleep(1000);
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("loading demo data: POST " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
