package org.planwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planwatch.testsupport.HttpJson;

/**
 * The console as its users meet it: Debian's chromium, signed in at the local stack's issuer with a demo person's
 * password, every page checked by axe-core (WCAG 2.2 A and AA rules) and photographed under
 * target/console-screenshots. Skipped where chromium and chromedriver are not installed.
 */
class ConsoleInABrowserIT {

    /** Debian's packages by default; a machine with Chrome elsewhere (GitHub's runners) names its own. */
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PLANWATCH_CHROMIUM",
            "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PLANWATCH_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    private static final String LEAD = "carers.centre@pkc.example.org";
    private static final String OTHER_LEAD = "learning.carers@pkc.example.org";
    private static final String ADMINISTRATOR = "admin@pkc.example.org";

    static final Map<String, String> TIMINGS = new java.util.concurrent.ConcurrentSkipListMap<>();
    static LocalStack stack;
    static HttpJson admin;
    static String leadId;
    static String planId;

    ChromeDriver browser;
    String testName;

    @BeforeAll
    static void startTheStack() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        Path root = Path.of(System.getProperty("planwatch.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "console-stack-");
        int[] ports = LocalStackEndToEndIT.freePorts(11);
        stack = new LocalStack(new LocalStack.Settings(root, data, ports[0], ports[1], ports[2], ports[3], ports[4],
                ports[5], ports[6], ports[7], ports[8], ports[9], false, Map.of(), 1));
        stack.start();
        admin = new HttpJson(stack.gatewayUrl())
                .as(AccessToken.administratorScript(stack.issuerUrl()).bearer().substring("Bearer ".length()));
        new SeedPlans(stack.gatewayUrl(), root.resolve("deploy/local/seeds"), data.resolve("seeds-loaded"))
                .loadOnce(SeedPlans.of(stack.issuerUrl()));
        leadId = leadAt(LEAD);
        planId = admin.post("/api/plans", Map.of("title", "Console Test Plan", "owner",
                Map.of("name", "Olive Owner", "email", "owner@pkc.example.org"))).at("$.id");
    }

    @AfterAll
    static void stopTheStack() {
        System.out.println("Console pages on the local stack (headless chromium, this machine):");
        TIMINGS.forEach((page, figures) -> System.out.printf("  %-26s %s%n", page, figures));
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openABrowser(TestInfo test) throws IOException {
        testName = test.getTestMethod().orElseThrow().getName();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve(testName + "-last.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    @Test
    void anActionsAddressTakesTheLeadThroughSignInToTheActionsPage() {
        String action = anAction("Run a carers' awareness session for GP receptionists", "Sep 30", "GREEN", leadId);

        visitAs(LEAD, "/console/actions/" + action);

        assertThat(browser.getCurrentUrl()).isEqualTo(stack.gatewayUrl() + "/console/actions/" + action);
        assertThat(heading()).contains("Run a carers' awareness session for GP receptionists");
        assertThat(text()).contains("Signed in as", "Carers Centre Manager", "Lead professional").contains("Console Test Plan");
        assertThat(browser.getPageSource()).doesNotContain("eyJ");
        assertThat(text()).as("no banner for what did not happen").doesNotContain("Success", "There is a problem");
        browser.navigate().refresh();
        checkAndPhotograph("action");
    }

    @Test
    void aLeadSeesTheirOwnActionsOverdueThenDueSoonThenLater() {
        String overdue = anAction("Refresh the carers' register", "Jun 22", "AMBER", leadId);
        String soon = anAction("Send the carers' newsletter", LocalDate.now().plusDays(10).toString(), "GREEN", leadId);
        String later = anAction("Review the carers' strategy", "Dec " + (LocalDate.now().getYear() + 2 - 2000), "GREEN",
                leadId);
        String othersAction = anAction("Train the learning disability team", "Jun 22", "RED",
                leadAt(OTHER_LEAD));

        visitAs(LEAD, "/console");

        assertThat(browser.getCurrentUrl()).isEqualTo(stack.gatewayUrl() + "/console/my-actions");
        assertThat(linksUnder("overdue")).contains("/console/actions/" + overdue);
        assertThat(linksUnder("due-soon")).containsExactly("/console/actions/" + soon);
        assertThat(linksUnder("later")).contains("/console/actions/" + later);
        assertThat(browser.getPageSource()).doesNotContain(othersAction);
        browser.navigate().refresh();
        checkAndPhotograph("my-actions");

        clickThrough(By.cssSelector("a[href='/console/actions/" + soon + "#update-heading']"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/actions/" + soon + "#update-heading");
        assertThat(browser.findElement(By.id("status")).isDisplayed()).isTrue();
    }

    @Test
    void aLeadLoweringTheRagMustSayWhyAndTheChangeReachesTheTimelineAndTheLeadsEmail() {
        String action = anAction("Map carers' support groups by locality", "Mar 30", "GREEN", leadId);
        visitAs(LEAD, "/console/actions/" + action);

        browser.findElement(By.cssSelector("label[for='rag-amber']")).click();
        save();

        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("Enter why the RAG rating is going down");
        assertThat(browser.switchTo().activeElement()).as("the error summary takes focus").isEqualTo(summary);
        checkAndPhotograph("action-error");
        assertThat(admin.get("/api/actions/" + action).at("$.rag")).isEqualTo("GREEN");

        browser.findElement(By.id("reason")).sendKeys("Two localities have not replied");
        save();

        assertThat(text()).contains("Action updated");
        assertThat(browser.findElement(By.id("timeline")).findElement(By.xpath("following::table")).getText())
                .contains("Two localities have not replied").contains(LEAD);
        assertThat(admin.get("/api/actions/" + action).at("$.rag")).isEqualTo("AMBER");
        checkAndPhotograph("action-updated");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(new HttpJson(stack.inboxUrl())
                .get("/api/messages?to=" + LEAD).body()).contains("Map carers' support groups by locality"));
        String link = stack.gatewayUrl() + "/console/actions/" + action;
        assertThat(new HttpJson(stack.inboxUrl()).get("/api/messages?to=" + LEAD).body())
                .as("the email links to the action's page").contains(link);
        browser.get(link);
        assertThat(browser.getCurrentUrl()).as("the email's link opens the action, signed in").isEqualTo(link);
        assertThat(heading()).contains("Map carers' support groups by locality");
    }

    @Test
    void aChangeSomeoneElseMadeMeanwhileIsShownAndTheLeadRedoesTheirsWithoutUndoingIt() {
        String action = anAction("Publish the carers' services directory", "Oct 30", "GREEN", leadId);
        visitAs(LEAD, "/console/actions/" + action);

        HttpJson.Response meanwhile = admin.patch("/api/actions/" + action,
                Map.of("due", "Nov 30", "reason", "Printer delayed"), "If-Match", "\"1\"");
        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);
        WebElement status = browser.findElement(By.id("status"));
        status.clear();
        status.sendKeys("Draft with the printer");
        save();

        assertThat(text()).contains("Someone else changed this action while you were editing it");
        assertThat(browser.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Due date").contains("Oct 30").contains("Nov 30");
        assertThat(browser.findElement(By.id("status")).getAttribute("value")).isEqualTo("Draft with the printer");
        checkAndPhotograph("action-changed-meanwhile");
        assertThat(admin.get("/api/actions/" + action).at("$.status")).isNotEqualTo("Draft with the printer");

        save();

        assertThat(text()).contains("Action updated");
        HttpJson.Response saved = admin.get("/api/actions/" + action);
        assertThat(saved.at("$.status")).isEqualTo("Draft with the printer");
        assertThat(saved.at("$.due.text")).isEqualTo("Nov 30");
    }

    @Test
    void aLeadCannotChangeAnActionSomeoneElseLeads() {
        String othersAction = anAction("Audit the short breaks budget", "Jan 30", "GREEN",
                leadAt(OTHER_LEAD));
        visitAs(LEAD, "/console/actions/" + othersAction);

        browser.findElement(By.cssSelector("label[for='rag']")).click();
        browser.findElement(By.id("status")).sendKeys(" (not mine)");
        save();

        assertThat(heading()).isEqualTo("You cannot do this");
        assertThat(admin.get("/api/actions/" + othersAction).at("$.rag")).isEqualTo("GREEN");
        checkAndPhotograph("not-yours");
    }

    @Test
    void anAdministratorReadsAPlanInTheDocumentsOrderAndNarrowsItDown() {
        visitAs(ADMINISTRATOR, "/console");

        assertThat(browser.getCurrentUrl()).isEqualTo(stack.gatewayUrl() + "/console/plans");
        checkAndPhotograph("plans");
        clickThrough(By.partialLinkText("Carers"));
        List<String> themes = browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
        assertThat(themes).isNotEmpty();
        List<String> outcomes = browser.findElements(By.cssSelector("main h3")).stream().map(WebElement::getText)
                .toList();
        assertThat(outcomes).extracting(outcome -> Integer.parseInt(outcome.split("[ .]")[0]))
                .as("outcomes in the document's order").startsWith(1, 2).isSorted();
        assertThat(browser.findElement(By.partialLinkText("CSV")).getAttribute("href")).endsWith("/export.csv");
        for (String link : List.of("CSV", "Excel (XLSX)")) {
            Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))",
                    browser.findElement(By.partialLinkText(link)).getAttribute("href"));
            assertThat(String.valueOf(answer)).as(link + " downloads with the browser's session")
                    .startsWith("200 ").containsAnyOf("text/csv", "spreadsheetml");
        }
        checkAndPhotograph("plan");

        browser.findElement(By.id("overdue")).click();
        clickThrough(By.xpath("//button[text()='Filter']"));

        assertThat(browser.getCurrentUrl()).contains("overdue=true");
        assertThat(text()).containsPattern("Showing \\d+ of \\d+ actions");
        assertThat(browser.findElements(By.cssSelector("main tbody tr"))).allSatisfy(row ->
                assertThat(row.getText()).contains("Overdue"));
        checkAndPhotograph("plan-filtered");
    }

    @Test
    void anAdministratorReadsTheDryRunOfAnUploadedPlanThenImportsIt() throws IOException {
        admin.post("/api/measures", aCountMeasure("carers-recorded-by-gps",
                "Increase number of carers recorded through GP surgeries", LocalDate.now().getYear()));
        byte[] doncaster = Files.readAllBytes(seed("doncaster-carers-action-plan.tsv"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.upload("/api/plans/imports"
                + "?ownerName=Olive%20Owner&ownerEmail=owner@pkc.example.org", "doncaster-carers-action-plan.tsv",
                doncaster).list("$.measureLinks[*].measureId")).as("plan-service has heard of the measure")
                .contains("carers-recorded-by-gps"));
        visitAs(ADMINISTRATOR, "/console/import");
        assertThat(heading()).isEqualTo("Import a plan");
        checkAndPhotograph("import");

        browser.findElement(By.id("file")).sendKeys(seed("doncaster-carers-action-plan.tsv").toString());
        browser.findElement(By.id("title")).sendKeys("Doncaster plan read in the console");
        clickThrough(By.xpath("//button[text()='Read the file']"));

        assertThat(heading()).isEqualTo("Check the import");
        assertThat(text()).containsPattern("\\d+ themes, \\d+ outcomes, 47 actions")
                .contains("create 47 actions").contains("The plan as it was read");
        assertThat(browser.findElement(By.cssSelector("table[aria-labelledby='measure-links']")).getText())
                .contains("Increase number of carers recorded through GP surgeries (carers-recorded-by-gps)")
                .contains("Links them");
        assertThat(admin.get("/api/plans?size=500").body()).as("a dry run stores nothing")
                .doesNotContain("Doncaster plan read in the console");
        checkAndPhotograph("import-check");

        clickThrough(By.xpath("//button[text()='Import this plan']"));

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("imported=true"));
        assertThat(heading()).isEqualTo("Doncaster plan read in the console");
        assertThat(text()).contains("Plan imported").contains("47 actions.");
        checkAndPhotograph("import-done");
    }

    @Test
    void aLeadCannotImportAPlan() {
        visitAs(LEAD, "/console/import");
        assertThat(browser.findElements(By.cssSelector("nav a")).stream().map(WebElement::getText).toList())
                .as("a lead is offered only their own pages").containsExactly("My actions", "Plans", "Leads",
                        "Notifications");

        browser.findElement(By.id("file")).sendKeys(seed("perth-kinross-carers-action-plan.tsv").toString());
        browser.findElement(By.id("title")).sendKeys("A lead's own plan");
        clickThrough(By.xpath("//button[text()='Read the file']"));

        assertThat(heading()).isEqualTo("You cannot do this");
        assertThat(admin.get("/api/plans?size=500").body()).doesNotContain("A lead's own plan");
    }

    @Test
    void aLeadReadsTheEmailsSentToThemAndChoosesADailyDigest() {
        String action = anAction("Update the young carers' statement template", "Jan 40", "GREEN",
                leadAt(OTHER_LEAD));
        assertThat(admin.patch("/api/actions/" + action, Map.of("rag", "RED", "reason", "Template owner left"),
                "If-Match", "\"1\"").status()).isEqualTo(200);
        visitAs(OTHER_LEAD, "/console/notifications");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text()).contains("An action is now RED (was GREEN)");
        });
        assertThat(text()).contains("Emails sent to you").doesNotContain(LEAD);
        clickThrough(By.partialLinkText("An action is now RED (was GREEN)"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/actions/" + action);
        browser.navigate().back();
        checkAndPhotograph("notifications");

        browser.findElement(By.cssSelector("label[for='delivery-digest']")).click();
        browser.findElement(By.cssSelector("label[for='remind-DUE_SOON']")).click();
        clickThrough(By.xpath("//button[text()='Save choices']"));

        assertThat(text()).contains("Your email choices are saved.");
        assertThat(browser.findElement(By.id("delivery-digest")).isSelected()).isTrue();
        HttpJson.Response saved = admin.get("/api/notifications/preferences/" + OTHER_LEAD);
        assertThat(saved.at("$.delivery")).isEqualTo("DAILY_DIGEST");
        assertThat(saved.list("$.optedOut")).containsExactly("DUE_SOON");
    }

    @Test
    void anAdministratorSeesEachMeasuresChartStatusAndFigures() {
        int year = LocalDate.now().getYear();
        admin.post("/api/measures", Map.of("key", "console-carers-supported", "name", "Carers supported by the hub",
                "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                "baseline", Map.of("value", 1000, "date", (year - 2) + "-12-31"),
                "targets", List.of(Map.of("value", 1400, "by", (year + 1) + "-12-31")),
                "frequency", "ANNUALLY", "publishers", List.of("PKAVS Carers Hub")));
        HttpJson partner = new HttpJson(stack.gatewayUrl()).as(new AccessToken(stack.issuerUrl(),
                "pkavs-measures-feed", "local-partner-secret").bearer().substring("Bearer ".length()));
        assertThat(partner.post("/api/measures/data-points", Map.of("items", List.of(
                Map.of("measure", "console-carers-supported", "period", Integer.toString(year - 1), "value", 1150))),
                "Idempotency-Key", "console-" + year))
                .extracting(HttpJson.Response::status).isIn(200, 201, 202);

        visitAs(ADMINISTRATOR, "/console/measures");

        WebElement section = browser.findElement(By.cssSelector("section[aria-labelledby='measure-console-carers-supported']"));
        WebElement chart = section.findElement(By.tagName("img"));
        assertThat(chart.getAttribute("alt")).contains("Carers supported by the hub").contains("1150");
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) browser.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth", chart)).intValue() > 0);
        section.findElement(By.className("govuk-details__summary")).click();
        assertThat(section.findElement(By.tagName("table")).getText()).contains(Integer.toString(year - 1))
                .contains("1150");
        checkAndPhotograph("measures");
    }

    @Test
    void anAdministratorGoesFromAPlanToTheMeasuresItsActionsReportOn() {
        String action = anAction("Count the carers the hub supports", "Dec 27", "GREEN", leadId);
        Map<String, Object> measure = new java.util.HashMap<>(aCountMeasure("console-plan-carers",
                "Carers the hub supported", LocalDate.now().getYear()));
        measure.put("actionIds", List.of(action));
        admin.post("/api/measures", measure);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin
                .get("/api/measures?planId=" + planId).list("$.items[*].key")).as("measure-service heard of the action")
                .containsExactly("console-plan-carers"));

        visitAs(ADMINISTRATOR, "/console/plans/" + planId);
        clickThrough(By.linkText("The measures this plan reports on"));

        assertThat(heading()).isEqualTo("Measures of this plan");
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby^='measure-']")))
                .extracting(section -> section.getAttribute("aria-labelledby"))
                .containsExactly("measure-console-plan-carers");
        checkAndPhotograph("plan-measures");
    }

    @Test
    void anAdministratorSeesTheSystemsHealthAndRunsTheReminderScan() {
        visitAs(ADMINISTRATOR, "/console/control-room");

        WebElement services = browser.findElement(By.cssSelector("table[aria-labelledby='services']"));
        assertThat(services.getText()).contains("plan-service UP").contains("measure-service UP")
                .contains("notification-service UP").contains("mongo");
        checkAndPhotograph("control-room");

        String broken = anUnreadablePlanEvent();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector("table[aria-labelledby='dead-letters']")).getText())
                    .contains(broken).contains("not a CloudEvents JSON action event");
        });
        checkAndPhotograph("control-room-dead-letters");
        clickThrough(By.xpath("//tr[contains(., '" + broken + "')]//button"));
        assertThat(text()).contains("still cannot be processed");
        browser.navigate().back();

        clickThrough(By.xpath("//button[text()='Run the reminder scan now']"));

        assertThat(text()).containsPattern("The reminder scan ran: \\d+ reminders? queued");
        clickThrough(By.xpath("//button[contains(text(), 'digests now')]"));
        assertThat(text()).containsPattern("The daily digests went out now: \\d+ queued");
        assertThat(browser.findElement(By.cssSelector("table[aria-labelledby='services']")).getText())
                .as("each service's version").containsPattern("plan-service UP \\d+\\.\\d+");
        assertThat(browser.findElement(By.cssSelector("table[aria-labelledby='routes']")).getText())
                .contains("lb://plan-service");
    }

    @Test
    void anAdministratorTakesInAFigureRefusedBeforeItsMeasureWasDefined() {
        int year = LocalDate.now().getYear();
        admin.post("/api/measures", aCountMeasure("console-breaks-funded", "Short breaks funded", year));
        HttpJson partner = new HttpJson(stack.gatewayUrl()).as(new AccessToken(stack.issuerUrl(),
                "pkavs-measures-feed", "local-partner-secret").bearer().substring("Bearer ".length()));
        HttpJson.Response early = partner.post("/api/measures/console-carers-assessed/data-points",
                Map.of("period", Integer.toString(year - 1), "value", 310, "id", "console-assessed-" + year));
        assertThat(early.status()).as(early.body()).isEqualTo(422);

        visitAs(ADMINISTRATOR, "/console/control-room");
        WebElement refused = browser.findElement(By.cssSelector("table[aria-labelledby='refused-figures']"));
        assertThat(refused.getText()).contains("console-carers-assessed").contains("PKAVS Carers Hub")
                .contains("value=310");
        checkAndPhotograph("control-room-refused-figures");

        admin.post("/api/measures", aCountMeasure("console-carers-assessed", "Carers assessed", year));
        clickThrough(By.xpath("//tr[contains(., 'console-carers-assessed')]//button"));

        assertThat(text()).contains("The figure was taken in and stored");
        assertThat(browser.findElement(By.xpath("//tr[contains(., 'console-carers-assessed')]")).getText())
                .contains("stored");
        assertThat(browser.findElements(By.xpath("//tr[contains(., 'console-carers-assessed')]//button")))
                .as("nothing left to take in").isEmpty();
        assertThat(admin.get("/api/measures/console-carers-assessed/data-points").list("$.items[*].revisions[*].id"))
                .containsExactly("console-assessed-" + year);
    }

    private static Map<String, Object> aCountMeasure(String key, String name, int year) {
        return Map.of("key", key, "name", name, "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                "baseline", Map.of("value", 100, "date", (year - 2) + "-12-31"),
                "targets", List.of(Map.of("value", 400, "by", (year + 1) + "-12-31")),
                "frequency", "ANNUALLY", "publishers", List.of("PKAVS Carers Hub"));
    }

    @Test
    void anAdministratorAddsAPartnerSystemSeesItsSecretOnceAndRemovesIt() {
        visitAs(ADMINISTRATOR, "/console/control-room");
        clickThrough(By.xpath("//button[contains(text(), 'Add a partner')]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/partner-clients"));
        assertThat(text()).as("an empty form adds nothing").contains("clientId");
        assertThat(tokenFor("null", "null").status()).isEqualTo(401);
        browser.get(stack.gatewayUrl() + "/console/control-room");
        browser.findElement(By.id("partner-client-id")).sendKeys("console-carers-feed");
        browser.findElement(By.id("partner-organisation")).sendKeys("Console Carers Centre");
        browser.findElement(By.id("partner-description")).sendKeys("the centre's CRM export");
        clickThrough(By.xpath("//button[contains(text(), 'Add a partner')]"));

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/partner-clients"));
        WebElement added = browser.findElement(By.cssSelector(".govuk-panel"));
        assertThat(added.getText()).contains("Partner system console-carers-feed added");
        String secret = added.findElement(By.tagName("code")).getText();
        checkAndPhotograph("control-room-partner-added");
        HttpJson.Response token = tokenFor("console-carers-feed", secret);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        HttpJson asPartner = new HttpJson(stack.gatewayUrl()).as(token.at("$.access_token"));
        assertThat(asPartner.get("/api/measures").status()).as("a partner's route opens").isEqualTo(200);
        assertThat(asPartner.get("/api/plans").status()).as("and no other").isEqualTo(403);

        clickThrough(By.cssSelector("button[aria-label='Remove console-carers-feed']"));

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("removedPartner="));
        assertThat(text()).contains("Partner system console-carers-feed removed");
        assertThat(tokenFor("console-carers-feed", secret).status()).isEqualTo(401);
    }

    private static HttpJson.Response tokenFor(String clientId, String secret) {
        return new HttpJson(stack.issuerUrl()).post("/oauth2/token", "grant_type=client_credentials",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()));
    }

    @Test
    void aLeadIsNotLetIntoTheControlRoom() {
        visitAs(LEAD, "/console/control-room");

        assertThat(heading()).isEqualTo("You cannot do this");
        assertThat(text()).doesNotContain("Circuit breakers");
        checkAndPhotograph("control-room-refused");
    }

    @Test
    void anAdministratorAddsALeadAndCorrectsTheirEmail() {
        visitAs(ADMINISTRATOR, "/console/leads");
        clickThrough(By.xpath("//button[text()='Add the lead']"));
        assertThat(browser.findElement(By.className("govuk-error-summary")).getText()).contains("Enter the lead's name");

        browser.findElement(By.id("name")).sendKeys("Young Carers Worker");
        browser.findElement(By.id("email")).sendKeys("young.carers@pkc.example.org");
        clickThrough(By.xpath("//button[text()='Add the lead']"));

        assertThat(text()).contains("Lead saved.").contains("young.carers@pkc.example.org");
        checkAndPhotograph("leads");
        clickThrough(By.linkText("Young Carers Worker"));
        WebElement email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys("young.carers.worker@pkc.example.org");
        checkAndPhotograph("lead");
        clickThrough(By.xpath("//button[text()='Save the lead']"));

        assertThat(text()).contains("Lead saved.");
        assertThat(admin.get("/api/leads?q=Young%20Carers%20Worker").at("$[0].email"))
                .isEqualTo("young.carers.worker@pkc.example.org");
    }

    @Test
    void aLeadReadsTheDirectoryButCannotChangeIt() {
        visitAs(LEAD, "/console/leads");

        assertThat(text()).contains("Carers Centre Manager");
        assertThat(browser.findElements(By.xpath("//button[text()='Add the lead']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='/console/leads/']"))).isEmpty();
        browser.get(stack.gatewayUrl() + "/console/leads/" + leadId);
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Carers Centre Manager");
        browser.findElement(By.id("name")).sendKeys(" (renamed by a lead)");
        clickThrough(By.xpath("//button[text()='Save the lead']"));

        assertThat(heading()).isEqualTo("You cannot do this");
        assertThat(admin.get("/api/leads/" + leadId).at("$.name")).isEqualTo("Carers Centre Manager");
    }

    @Test
    void aLeadUpdatesAnActionWithTheKeyboardAlone() {
        String action = anAction("Agree the carers' breaks protocol", "May 31", "GREEN", leadId);
        visitAs(LEAD, "/console/actions/" + action);
        browser.executeScript("document.activeElement.blur()");

        var keys = new org.openqa.selenium.interactions.Actions(browser);
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).as("the first stop").isEqualTo("Skip to main content");
        assertThat(browser.switchTo().activeElement().getCssValue("background-color"))
                .as("focus is visible: GOV.UK's yellow").isEqualTo("rgba(255, 221, 0, 1)");
        tabUntil(keys, "status");
        keys.sendKeys("Protocol drafted").perform();
        tabUntil(keys, "rag-green");
        keys.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("rag-amber");
        tabUntil(keys, "reason");
        keys.sendKeys("Waiting for the legal team").perform();
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Save changes");
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("updated=true"));
        HttpJson.Response saved = admin.get("/api/actions/" + action);
        assertThat(saved.at("$.rag")).isEqualTo("AMBER");
        assertThat(saved.at("$.status")).isEqualTo("Protocol drafted");
    }

    @Test
    void atFourHundredPercentZoomEveryPageReflowsToOneColumnWithoutScrollingSideways() {
        visitAs(ADMINISTRATOR, "/console");
        // 1280 CSS px at 400% is 320 CSS px wide: WCAG 1.4.10's reflow width.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320 + chromeFrameWidth(), 800));
        anAction("Publish the short breaks statement in Easy Read", "Jun 30", "GREEN", leadAt(OTHER_LEAD));
        String broken = anUnreadablePlanEvent();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/notifications/dead-letters").body()
                .contains(broken));
        for (String page : List.of("/console/plans", "/console/plans/" + planId, "/console/leads", "/console/measures",
                "/console/notifications", "/console/import", "/console/control-room")) {
            browser.get(stack.gatewayUrl() + page);
            Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
            Number scrolls = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrolls.intValue()).as(page + " is as wide as the window (tables scroll in their own box)")
                    .isLessThanOrEqualTo(width.intValue());
            checkAndPhotograph("at-320px" + page.replace("/console", "").replaceAll("/[0-9a-f-]{36}", "-one")
                    .replace('/', '-'));
        }
    }

    /** A record on plan.action.events that no service can read: notification-service dead-letters it. */
    private String anUnreadablePlanEvent() {
        String key = "console-broken-" + java.util.UUID.randomUUID();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("plan.action.events", key,
                    "{not an event")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    private int chromeFrameWidth() {
        return ((Number) browser.executeScript("return window.outerWidth - window.innerWidth")).intValue();
    }

    private void tabUntil(org.openqa.selenium.interactions.Actions keys, String id) {
        for (int stop = 0; stop < 60; stop++) {
            if (id.equals(browser.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void aServiceThatStopsAnsweringGivesTheProblemPageWithinTheRoutesPatienceNotAnEndlessWait() throws Exception {
        visitAs(ADMINISTRATOR, "/console/plans");
        ProcessHandle planService = stack.process("plan-service");
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        signal("STOP", planService);
        try {
            long asked = System.nanoTime();
            Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(location.href).then(r => done(r.status))");

            assertThat(status).as("the page's status while plan-service hangs").isEqualTo(503L);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("given up on after the route's 30 s")
                    .isLessThan(Duration.ofSeconds(60));
        } finally {
            signal("CONT", planService);
        }
        browser.navigate().refresh();
        assertThat(heading()).isEqualTo("Plans");
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    @Test
    void anActionThatIsNotThereIsAPageNotFoundAnsweredWith404() {
        visitAs(LEAD, "/console/actions/no-such-action");

        assertThat(heading()).isEqualTo("Page not found");
        assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(location.href).then(r => done(r.status))")).as("the page's own status").isEqualTo(404L);
    }

    @Test
    void aMistypedAddressSaysThePageWasNotFound() {
        visitAs(LEAD, "/console/actions-typo");

        assertThat(heading()).isEqualTo("Page not found");
        checkAndPhotograph("not-found");
    }

    @Test
    void signingOutEndsTheSessionAtTheGatewayAndAtTheIssuer() {
        visitAs(LEAD, "/console");

        clickThrough(By.xpath("//button[text()='Sign out']"));

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/signed-out"));
        assertThat(heading()).isEqualTo("You have signed out");
        checkAndPhotograph("signed-out");
        browser.get(stack.gatewayUrl() + "/console/my-actions");
        assertThat(browser.getCurrentUrl()).as("a password is asked for again").startsWith(stack.issuerUrl() + "/login");
    }

    @SuppressWarnings("unchecked")
    private static String leadAt(String email) {
        List<String> ids = admin.get("/api/leads").at("$[?(@.email == '" + email + "')].id", List.class);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return admin.post("/api/leads", Map.of("name", "Lead at " + email, "email", email)).at("$.id");
    }

    private String anAction(String text, String due, String rag, String lead) {
        HttpJson.Response created = admin.post("/api/actions", Map.of("planId", planId, "text", text,
                "leads", List.of(lead), "due", due, "rag", rag));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.at("$.id");
    }

    private static Path seed(String file) {
        return Path.of(System.getProperty("planwatch.root", "../..")).toAbsolutePath().normalize()
                .resolve("deploy/local/seeds").resolve(file);
    }

    /** Opens a console page, signing in as {@code username} on the issuer's form on the way. */
    private void visitAs(String username, String path) {
        browser.get(stack.gatewayUrl() + path);
        signIn(username);
    }

    private void signIn(String username) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("planwatch");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.urlContains(stack.gatewayUrl() + "/console"));
    }

    private void save() {
        clickThrough(By.xpath("//button[text()='Save changes']"));
    }

    /**
     * A click on a submit button or a link returns before the browser has left the page: reading the page at once
     * can read the one being left (or find it gone under the reader). So wait until the old page is gone.
     */
    private void clickThrough(By buttonOrLink) {
        WebElement pageLeft = browser.findElement(By.tagName("html"));
        browser.findElement(buttonOrLink).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(pageLeft));
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private List<String> linksUnder(String headingId) {
        return browser.findElements(By.cssSelector("table[aria-labelledby='" + headingId + "'] a")).stream()
                .map(link -> link.getAttribute("href").substring(stack.gatewayUrl().length()))
                .filter(href -> !href.endsWith("#update-heading")).toList();
    }

    /**
     * axe-core's WCAG 2.2 A and AA rules find nothing on the page, a picture of it is kept to look at, and the
     * browser's own Navigation Timing of it is kept for the figures printed at the end (not asserted: a figure).
     */
    private void checkAndPhotograph(String page) {
        Object loaded = browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + " return n ? Math.round(n.domContentLoadedEventEnd) + ' ms to usable, '"
                + " + Math.round(n.loadEventEnd) + ' ms to loaded, ' + n.transferSize + ' bytes'"
                + " + (n.redirectCount ? ', after ' + n.redirectCount + ' redirects (sign-in or a form)' : '')"
                + " : 'not measured'");
        TIMINGS.put(page, String.valueOf(loaded));
        try {
            Path shots = Path.of("target", "console-screenshots");
            Files.createDirectories(shots);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), shots.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"))
                .analyze(browser);
        assertThat(results.getViolations()).as(testName + ", " + page + ": " + describe(results.getViolations()))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
