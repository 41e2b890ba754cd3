package org.planwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;

/**
 * The whole system as a user runs it: the local stack's broker, store, inbox and the four service jars,
 * driven only through the gateway, with the email read back from the inbox.
 */
class LocalStackEndToEndIT {

    static LocalStack stack;
    static HttpJson gateway;
    static int planServicePort;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path root = Path.of(System.getProperty("planwatch.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "local-stack-");
        int[] ports = freePorts(11);
        stack = new LocalStack(new LocalStack.Settings(root, data, ports[0], ports[1], ports[2], ports[3], ports[4],
                ports[5], ports[6], ports[7], ports[8], ports[9], false, Map.of(), 1));
        stack.start();
        planServicePort = ports[1];
        gateway = new HttpJson(stack.gatewayUrl()).as(token(AccessToken.administratorScript(stack.issuerUrl())));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aDueDateChangedThroughTheGatewayEmailsTheLeadWithTheOldAndNewDate() {
        String lead = post("/api/leads", Map.of("name", "Employer Engagement Officer", "email", "centre@pkc.example.org"))
                .at("$.id");
        HttpJson.Response plan = post("/api/plans", Map.of("title", "Perth and Kinross Employer Engagement Plan",
                "owner", Map.of("name", "Plan Owner", "email", "owner@pkc.example.org"),
                "themes", List.of(Map.of("name", "Employment", "outcomes", List.of(Map.of("reference", "3",
                        "text", "Support employers to recognise carers in the workplace."))))));
        String action = post("/api/actions", Map.of("planId", plan.at("$.id"), "themeId", plan.at("$.themes[0].id"),
                "outcomeId", plan.at("$.themes[0].outcomes[0].id"), "reference", "3a",
                "text", "We will continue to engage with local employer groups to promote Carer Positive.",
                "leads", List.of(lead), "due", "June 2023")).at("$.id");

        HttpJson.Response changed = gateway.put("/api/actions/" + action + "/due-date",
                Map.of("due", "2023-09-30", "reason", "Employer forum moved"), "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Map<String, Object> mail = await().atMost(Duration.ofSeconds(60)).until(() -> inbox("centre@pkc.example.org"),
                found -> found.size() == 1).get(0);
        assertThat(mail).containsEntry("to", List.of("centre@pkc.example.org"));
        assertThat((String) mail.get("subject")).contains("Due date of action 3a moved")
                .contains("June 2023").contains("30 September 2023");
        assertThat((String) mail.get("text"))
                .contains("Perth and Kinross Employer Engagement Plan")
                .contains("We will continue to engage with local employer groups to promote Carer Positive.")
                .contains("Was due:  June 2023 (Friday 30 June 2023)")
                .contains("Now due:  Saturday 30 September 2023")
                .contains("Employer forum moved");
    }

    @Test
    void aDueDateChangedWhileTheBrokerIsDownStillReachesTheLeadOnceItIsBack() throws Exception {
        String action = anActionLedBy("Outage Lead", "outage@pkc.example.org");

        stack.stop("kafka");
        try {
            HttpJson.Response changed = gateway.put("/api/actions/" + action + "/due-date",
                    Map.of("due", "Dec 22", "reason", "Changed during a broker outage"), "If-Match", "\"1\"");
            assertThat(changed.status()).as("the change is stored while the broker is away").isEqualTo(200);
        } finally {
            stack.restart("kafka");
        }

        Map<String, Object> mail = await().atMost(Duration.ofSeconds(150)).until(() -> inbox("outage@pkc.example.org"),
                found -> !found.isEmpty()).get(0);
        assertThat((String) mail.get("text")).contains("Changed during a broker outage").contains("31 December 2022");
        assertThat(inbox("outage@pkc.example.org")).hasSize(1);
    }

    @Test
    void aNotificationServiceKilledMidwayIsStartedAgainAndTheChangeMadeMeanwhileReachesTheLeadOnce() throws Exception {
        String action = anActionLedBy("Crash Lead", "crash@pkc.example.org");

        stack.crash("notification-service");
        HttpJson.Response changed = gateway.put("/api/actions/" + action + "/due-date",
                Map.of("due", "Mar 23", "reason", "Changed while notifications were down"), "If-Match", "\"1\"");
        assertThat(changed.status()).isEqualTo(200);

        Map<String, Object> mail = await().atMost(Duration.ofSeconds(180)).until(() -> inbox("crash@pkc.example.org"),
                found -> !found.isEmpty()).get(0);
        assertThat((String) mail.get("text")).contains("Changed while notifications were down");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox("crash@pkc.example.org").size() == 1);
    }

    @Test
    void theStoreAndTheInboxKilledAreStartedAgainOnTheirDataAndNoEmailIsLostOrDoubled() {
        String action = anActionLedBy("Store Lead", "store@pkc.example.org");
        assertThat(gateway.put("/api/actions/" + action + "/due-date", Map.of("due", "Jan 24"), "If-Match", "\"1\"")
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox("store@pkc.example.org").size() == 1);
        // Killed only once the first email is recorded as sent: a server killed after it took an email and before
        // its answer reached the sender is SMTP's own window for a copy sent again (with the same Message-ID).
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/notifications?recipient=store@pkc.example.org"
                + "&kind=DUE_DATE_CHANGED&status=SENT").at("$.totalItems", Integer.class) == 1);

        stack.crash("mongodb");
        stack.crash("local-inbox");
        // Sent until taken; an answer lost to the restart may hide a change that was made, so the action says.
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> gateway.put("/api/actions/" + action
                + "/due-date", Map.of("due", "Feb 24"), "If-Match", "\"2\"").status() == 200
                || "Feb 24".equals(gateway.get("/api/actions/" + action).at("$.due.text")));

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> inbox("store@pkc.example.org").size() == 2);
        assertThat(gateway.get("/api/actions/" + action).at("$.due.text")).isEqualTo("Feb 24");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inbox("store@pkc.example.org")).extracting("messageId", "subject").hasSize(2));
    }

    @Test
    void badInputThroughTheGatewayIsAProblemNamingTheField() {
        HttpJson.Response refused = gateway.post("/api/plans", Map.of("title", "", "owner",
                Map.of("name", "Owner", "email", "owner@example.org")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("$.field")).isEqualTo("title");
    }

    @Test
    void theServicesAnswerOnlyToAValidTokenEvenWhenCalledPastTheGateway() {
        HttpJson planService = new HttpJson("http://127.0.0.1:" + planServicePort);

        assertThat(planService.get("/api/plans").status()).isEqualTo(401);
        assertThat(planService.get("/api/plans", "X-Planwatch-User", "admin").status()).isEqualTo(401);
        assertThat(gateway.get("/api/plans").status()).isEqualTo(200);
    }

    @Test
    void theWholeApiIsOneOpenApiDocumentThatPassesOwaspsApiSecurityRules() throws Exception {
        HttpJson.Response document = new HttpJson(stack.gatewayUrl()).get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(HttpJson.at(document.body(), "$.paths", Map.class)).containsKeys("/api/plans", "/api/actions/{id}",
                "/api/leads", "/api/notifications", "/api/notifications/preferences/{email}");
        assertThat(HttpJson.at(document.body(), "$.components.securitySchemes", Map.class)).containsKeys("bearer", "oauth2");
        assertThat(SpectralLint.errors(document.body())).isEmpty();
    }

    @Test
    void overLongInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String title = "t".repeat(4001);

        HttpJson.Response refused = gateway.post("/api/plans", Map.of("title", title, "owner",
                Map.of("name", "Owner", "email", "owner@example.org")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("$.field")).isEqualTo("title");
        assertThat(gateway.get("/api/plans?size=100").body()).doesNotContain("tttttttttt");
        assertThat(gateway.get("/api/actions/" + "x".repeat(201)).at("$.field")).isEqualTo("id");
    }

    @Test
    void aPartnerSystemsTokenFromTheIssuerOpensItsOwnRoutesOnly() {
        HttpJson partner = new HttpJson(stack.gatewayUrl())
                .as(token(new AccessToken(stack.issuerUrl(), "pkavs-measures-feed", "local-partner-secret")));

        assertThat(partner.get("/api/plans").status()).isEqualTo(403);
        assertThat(partner.get("/me").at("$.organisation")).isEqualTo("PKAVS Carers Hub");
    }

    @Test
    void aPartnersFiguresTurnAnActionFollowingItsMeasureRedAndItsLeadIsEmailedWhyWithTheMeasuresChart()
            throws IOException {
        HttpJson partner = new HttpJson(stack.gatewayUrl())
                .as(token(new AccessToken(stack.issuerUrl(), "pkavs-measures-feed", "local-partner-secret")));
        int year = java.time.LocalDate.now().getYear();
        String lead = post("/api/leads", Map.of("name", "Measure Lead", "email", "measure@pkc.example.org")).at("$.id");
        String plan = post("/api/plans", Map.of("title", "Measure Lead's plan",
                "owner", Map.of("name", "Plan Owner", "email", "owner@pkc.example.org"))).at("$.id");
        String action = post("/api/actions", Map.of("planId", plan, "text", "Support more carers",
                "leads", List.of(lead), "due", "Dec " + (year + 1) % 100, "rag", "GREEN",
                "measures", List.of(Map.of("text", "Number of carers supported", "measureId", "e2e-carers-supported"))))
                .at("$.id");
        assertThat(gateway.put("/api/actions/" + action + "/rag-from-measures", Map.of("automatic", true)).status())
                .isEqualTo(200);
        post("/api/measures", Map.of("key", "e2e-carers-supported", "name", "Number of carers supported by PKAVS",
                "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                "baseline", Map.of("value", 1000, "date", (year - 1) + "-12-31"),
                "targets", List.of(Map.of("value", 1400, "by", (year + 1) + "-12-31")),
                "frequency", "ANNUALLY", "publishers", List.of("PKAVS Carers Hub")));

        HttpJson.Response published = partner.post("/api/measures/data-points", Map.of("items", List.of(
                Map.of("measure", "e2e-carers-supported", "period", Integer.toString(year), "value", 1010),
                Map.of("measure", "e2e-carers-supported", "period", Integer.toString(year), "value", "lots"))),
                "Idempotency-Key", "e2e-" + year);

        assertThat(published.status()).isEqualTo(422);
        assertThat(published.at("$.field")).isEqualTo("items[1].value");
        assertThat(published.at("$.stored", Integer.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> "RED".equals(gateway.get("/api/actions/" + action)
                .at("$.rag")));
        Map<String, Object> mail = await().atMost(Duration.ofSeconds(60)).until(() -> mails("measure@pkc.example.org",
                "is now RED"), found -> !found.isEmpty()).get(0);
        assertThat((String) mail.get("text")).contains("Number of carers supported by PKAVS")
                .contains("1010 for " + year).contains("short of the target");
        assertThat((String) mail.get("html")).contains("src=\"cid:measure-chart\"");
        assertThat(mail.get("inline")).as("the measure's chart, inside the email").isEqualTo(List.of("measure-chart"));
        HttpJson.Binary chart = new HttpJson(stack.inboxUrl()).bytes("/messages/" + mail.get("id")
                + "/inline/measure-chart", "image/png");
        assertThat(chart.contentType()).isEqualTo("image/png");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.body())).getWidth())
                .isEqualTo(640);
    }

    @Test
    void aLeadSignsInWithABrowserAndTheGatewayCallsTheServicesForThemWithNoTokenInTheBrowser() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> signInPage = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/me"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.uri().toString()).startsWith(stack.issuerUrl() + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(signInPage.body());
        assertThat(csrf.find()).as(signInPage.body()).isTrue();

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(stack.issuerUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode("carers.centre@pkc.example.org")
                        + "&password=planwatch&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(me.uri().toString()).isEqualTo(stack.gatewayUrl() + "/me");
        assertThat(HttpJson.at(me.body(), "$.subject")).isEqualTo("carers.centre@pkc.example.org");
        assertThat(HttpJson.at(me.body(), "$.roles[0]")).isEqualTo("LEAD");
        assertThat(HttpJson.at(me.body(), "$.signedInWith")).isEqualTo("session");
        assertThat(me.body()).doesNotContain("eyJ");

        HttpResponse<String> actions = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/api/actions")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(actions.statusCode()).as(actions.body()).isEqualTo(200);
        HttpResponse<String> deletion = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/api/plans/any")).header("Accept", "application/json").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deletion.statusCode()).as("a lead deleting a plan").isIn(403);
    }

    @Test
    void onFirstStartTheTwoSeedPlansAreImportedAndTheirLongPastDeadlinesEmailNobody() throws Exception {
        Path root = Path.of(System.getProperty("planwatch.root", "../..")).toAbsolutePath().normalize();
        Path marker = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "seeds-").resolve("loaded");
        SeedPlans seeds = new SeedPlans(stack.gatewayUrl(), root.resolve("deploy/local/seeds"), marker);

        seeds.loadOnce(SeedPlans.of(stack.issuerUrl()));
        seeds.loadOnce(SeedPlans.of(stack.issuerUrl()));

        assertThat(Files.readString(marker)).contains("47 actions under 6 themes").contains("5 actions under 1 themes");
        HttpJson doncaster = new HttpJson(stack.gatewayUrl())
                .as(token(AccessToken.doncasterAdministratorScript(stack.issuerUrl())));
        HttpJson.Response plans = doncaster.get("/api/plans");
        assertThat(plans.list("$.items[*].title")).containsExactly("Doncaster Carers Action Plan");
        String planId = plans.at("$.items[0].id");
        HttpJson.Response overdue = doncaster.get("/api/actions?planId=" + planId + "&overdue=true&size=100");
        assertThat(overdue.at("$.totalItems", Integer.class)).as("the document's slipped deadlines").isEqualTo(47);
        HttpJson.Response split = doncaster.get("/api/actions?planId=" + planId + "&q=mosaic");
        assertThat(split.list("$.items[0].leads[*].name")).containsExactly("Carers Lead", "Carers Wellbeing Service",
                "Adult Social Care", "Practice Development");

        HttpJson.Response scan = doncaster.post("/api/notifications/reminders/scan", Map.of());
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.at("$.queued", Integer.class)).as("reminders queued by today's scan").isZero();
        HttpJson inbox = new HttpJson(stack.inboxUrl());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inbox.get("/api/messages?to=carers.lead@doncaster.example.org").list("$[*].subject"))
                        .as("reminders of deadlines that slipped before planwatch").isEmpty());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String token(AccessToken accessToken) {
        return accessToken.bearer().substring("Bearer ".length());
    }

    private static String anActionLedBy(String name, String email) {
        String lead = post("/api/leads", Map.of("name", name, "email", email)).at("$.id");
        String plan = post("/api/plans", Map.of("title", name + "'s plan",
                "owner", Map.of("name", "Plan Owner", "email", "owner@pkc.example.org"))).at("$.id");
        return post("/api/actions", Map.of("planId", plan, "text", "Keep the register of carers",
                "leads", List.of(lead), "due", "Jun 22")).at("$.id");
    }

    /** The due-date emails a recipient received (reminders of past-due actions may arrive too, and are left out). */
    private static List<Map<String, Object>> inbox(String recipient) {
        return mails(recipient, "Due date of");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mails(String recipient, String subjectContains) {
        return new HttpJson(stack.inboxUrl()).get("/api/messages?to=" + recipient)
                .at("$[?(@.subject contains '" + subjectContains + "')]", List.class);
    }

    private static HttpJson.Response post(String path, Object body) {
        HttpJson.Response response = gateway.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    static int[] freePorts(int count) throws IOException {
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
