package org.planwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as a user runs it: the local stack's broker, store, mail catcher and the four service jars,
 * driven only through the gateway, with the email read back from the inbox.
 */
class LocalStackEndToEndIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path root = Path.of(System.getProperty("planwatch.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "local-stack-");
        int[] ports = freePorts(11);
        stack = new LocalStack(new LocalStack.Settings(root, data, ports[0], ports[1], ports[2], ports[3], ports[4],
                ports[5], ports[6], ports[7], ports[8], false, Map.of()));
        stack.start();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aDueDateChangedThroughTheGatewayEmailsTheLeadWithTheOldAndNewDate() throws Exception {
        String lead = post("/api/leads", Map.of("name", "Carers Centre Manager", "email", "centre@pkc.example.org"))
                .get("id").asString();
        JsonNode plan = post("/api/plans", Map.of("title", "Perth and Kinross Carers Strategy Action Plan",
                "owner", Map.of("name", "Plan Owner", "email", "owner@pkc.example.org"),
                "themes", List.of(Map.of("name", "Employment", "outcomes", List.of(Map.of("reference", "3",
                        "text", "Support employers to recognise carers in the workplace."))))));
        JsonNode theme = plan.get("themes").get(0);
        JsonNode action = post("/api/actions", Map.of("planId", plan.get("id").asString(),
                "themeId", theme.get("id").asString(),
                "outcomeId", theme.get("outcomes").get(0).get("id").asString(), "reference", "3a",
                "text", "We will continue to engage with local employer groups to promote Carer Positive.",
                "leads", List.of(lead), "due", "June 2023"));

        HttpResponse<String> changed = send("PUT", "/api/actions/" + action.get("id").asString() + "/due-date",
                Map.of("due", "2023-09-30", "reason", "Employer forum moved"), "If-Match", "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        JsonNode mail = await().atMost(Duration.ofSeconds(60)).until(() -> inbox("centre@pkc.example.org"),
                found -> found.size() == 1).get(0);
        assertThat(mail.get("to").get(0).asString()).isEqualTo("centre@pkc.example.org");
        assertThat(mail.get("subject").asString()).contains("Due date of action 3a moved")
                .contains("June 2023").contains("30 September 2023");
        assertThat(mail.get("text").asString())
                .contains("Perth and Kinross Carers Strategy Action Plan")
                .contains("We will continue to engage with local employer groups to promote Carer Positive.")
                .contains("Was due:  June 2023 (Friday 30 June 2023)")
                .contains("Now due:  Saturday 30 September 2023")
                .contains("Employer forum moved");
    }

    @Test
    void aDueDateChangedWhileTheBrokerIsDownStillReachesTheLeadOnceItIsBack() throws Exception {
        String lead = post("/api/leads", Map.of("name", "Outage Lead", "email", "outage@pkc.example.org"))
                .get("id").asString();
        String plan = post("/api/plans", Map.of("title", "Outage plan",
                "owner", Map.of("name", "Plan Owner", "email", "owner@pkc.example.org"))).get("id").asString();
        String action = post("/api/actions", Map.of("planId", plan, "text", "Keep the register of carers",
                "leads", List.of(lead), "due", "Jun 22")).get("id").asString();

        stack.stopBroker();
        try {
            HttpResponse<String> changed = send("PUT", "/api/actions/" + action + "/due-date",
                    Map.of("due", "Dec 22", "reason", "Changed during a broker outage"), "If-Match", "\"1\"");
            assertThat(changed.statusCode()).as("the change is stored while the broker is away").isEqualTo(200);
        } finally {
            stack.startBroker();
        }

        JsonNode mail = await().atMost(Duration.ofSeconds(150)).until(() -> inbox("outage@pkc.example.org"),
                found -> !found.isEmpty()).get(0);
        assertThat(mail.get("text").asString()).contains("Changed during a broker outage").contains("31 December 2022");
        assertThat(inbox("outage@pkc.example.org")).hasSize(1);
    }

    @Test
    void aNotificationServiceKilledMidwayIsStartedAgainAndTheChangeMadeMeanwhileReachesTheLeadOnce() throws Exception {
        String lead = post("/api/leads", Map.of("name", "Crash Lead", "email", "crash@pkc.example.org"))
                .get("id").asString();
        String plan = post("/api/plans", Map.of("title", "Crash plan",
                "owner", Map.of("name", "Plan Owner", "email", "owner@pkc.example.org"))).get("id").asString();
        String action = post("/api/actions", Map.of("planId", plan, "text", "Keep the register of carers",
                "leads", List.of(lead), "due", "Jun 22")).get("id").asString();

        stack.crash("notification-service");
        HttpResponse<String> changed = send("PUT", "/api/actions/" + action + "/due-date",
                Map.of("due", "Mar 23", "reason", "Changed while notifications were down"), "If-Match", "\"1\"");
        assertThat(changed.statusCode()).isEqualTo(200);

        JsonNode mail = await().atMost(Duration.ofSeconds(180)).until(() -> inbox("crash@pkc.example.org"),
                found -> !found.isEmpty()).get(0);
        assertThat(mail.get("text").asString()).contains("Changed while notifications were down");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox("crash@pkc.example.org").size() == 1);
    }

    @Test
    void badInputThroughTheGatewayIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/plans", Map.of("title", "", "owner",
                Map.of("name", "Owner", "email", "owner@example.org")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("field").asString()).isEqualTo("title");
    }

    /** The due-date emails a recipient received (reminders of past-due actions may arrive too, and are left out). */
    private static List<JsonNode> inbox(String recipient) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.inboxUrl()
                + "api/messages?to=" + recipient)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> mails = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(mail -> {
            if (mail.get("subject").asString().contains("Due date of")) {
                mails.add(mail);
            }
        });
        return mails;
    }

    private static JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> response = send("POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, Object body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        ServerSocket[] sockets = new ServerSocket[count];
        for (int i = 0; i < count; i++) {
            sockets[i] = new ServerSocket(0);
            ports[i] = sockets[i].getLocalPort();
        }
        for (ServerSocket socket : sockets) {
            socket.close();
        }
        return ports;
    }
}
