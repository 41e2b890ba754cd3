package org.planwatch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small plan to look at on first start, taken from the Perth and Kinross carers action plan and entered
 * through the gateway as an administrator would. Loaded once: a marker file remembers it was. Its dates are moved to
 * the months ahead of the day it is loaded, the way they read in the plan ("March 2027"), so a fresh stack starts with
 * nothing overdue and a quiet inbox.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String gateway;
    private final Path marker;

    DemoData(String gateway, Path marker) {
        this.gateway = gateway;
        this.marker = marker;
    }

    void loadOnce() throws IOException, InterruptedException {
        if (Files.exists(marker)) {
            return;
        }
        String learning = lead("Learning and Development Officer - Carers", "learning.carers@pkc.example.org",
                List.of("Learning and Development Officer – Carers"));
        String centre = lead("Carers Centre Manager", "carers.centre@pkc.example.org", List.of());
        String strategic = lead("Service Manager Strategic Lead Carers", "strategic.carers@pkc.example.org", List.of());
        JsonNode plan = post("/api/plans", Map.of(
                "title", "Perth and Kinross Carers Strategy Action Plan",
                "partnership", "Perth and Kinross Health and Social Care Partnership",
                "period", YearMonth.now().getYear() + "-" + (YearMonth.now().getYear() + 3),
                "owner", Map.of("name", "Carers Strategy Owner", "email", "carers.strategy@pkc.example.org"),
                "themes", List.of(Map.of("name", "Identification and support", "outcomes", List.of(
                        Map.of("reference", "1", "text", "Develop information and guidance material to support "
                                + "induction and training to better identify and support carers."),
                        Map.of("reference", "3", "text", "Support employers in Perth and Kinross to recognise carers "
                                + "in the workplace and to gain Carer Positive accreditation."),
                        Map.of("reference", "4", "text", "Consolidate and improve on the support available to unpaid "
                                + "carers working for the Partnership."))))));
        String planId = plan.get("id").asString();
        JsonNode outcomes = plan.get("themes").get(0).get("outcomes");
        String themeId = plan.get("themes").get(0).get("id").asString();
        action(planId, themeId, outcomes.get(0).get("id").asString(), "1a",
                "We will continue to roll out training to wider Health and Social Work professionals as well as "
                        + "external partners and carers.", learning, monthsAhead(3), "SIX_MONTHLY",
                List.of("Number of carers supported by PKAVS and Perth and Kinross HSCP.",
                        "Number of professionals completing training."), "GREEN");
        action(planId, themeId, outcomes.get(1).get("id").asString(), "3a",
                "We will continue to engage with local employer groups and individual employers to promote Carer "
                        + "Positive.", centre, monthsAhead(4), "QUARTERLY",
                List.of("Number of local businesses who have been awarded a 'Carer Positive' accreditation."), "AMBER");
        action(planId, themeId, outcomes.get(2).get("id").asString(), "4a",
                "We will initially work with HR departments and employers to explore ways to embed the support we "
                        + "give to our colleagues who are unpaid carers.", strategic, monthsAhead(12), "SIX_MONTHLY",
                List.of("Number of carers working for partnership identified."), "NOT_STARTED");
        Files.writeString(marker, planId);
        System.out.println("Loaded the demo plan " + planId + " with three actions.");
    }

    private static String monthsAhead(int months) {
        return YearMonth.now().plusMonths(months).format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK));
    }

    private String lead(String name, String email, List<String> aliases) throws IOException, InterruptedException {
        return post("/api/leads", Map.of("kind", "PERSON", "name", name, "email", email, "aliases", aliases))
                .get("id").asString();
    }

    private void action(String planId, String themeId, String outcomeId, String reference, String text, String lead,
                        String due, String cadence, List<String> measures, String rag)
            throws IOException, InterruptedException {
        post("/api/actions", Map.of("planId", planId, "themeId", themeId, "outcomeId", outcomeId,
                "reference", reference, "text", text, "leads", List.of(lead), "due", due,
                "review", Map.of("cadence", cadence), "measures", measures, "rag", rag));
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Planwatch-User", "demo-loader")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("loading demo data: POST " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
