package org.planwatch.plan.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planwatch.testsupport.HttpJson.object;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.testsupport.HttpJson;
import org.planwatch.testsupport.TestIssuer;
import org.planwatch.testsupport.WithTestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithTestServers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanExportIT {

    @LocalServerPort
    int port;

    String planId;

    @BeforeEach
    void aPlanWithTwoThemes() {
        HttpJson http = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"));
        String nhs = http.post("/api/leads", object("kind", "ORGANISATION", "name", "NHS England " + System.nanoTime(),
                "email", "england@example.org")).at("$.id");
        String carers = http.post("/api/leads", object("name", "Carers Lead " + System.nanoTime(),
                "email", "carers@example.org")).at("$.id");
        HttpJson.Response plan = http.post("/api/plans", object("title", "Carers Strategy Action Plan", "owner",
                object("name", "Owner", "email", "owner@example.org"), "themes", List.of(
                        object("name", "Identification", "outcomes", List.of(
                                object("reference", "1.1", "text", "IT systems will facilitate joined up working."))),
                        object("name", "Recognition", "outcomes", List.of(
                                object("reference", "2.1", "text", "Carers will be respected as expert partners."))))));
        planId = plan.at("$.id");
        http.post("/api/actions", object("planId", planId, "themeId", plan.at("$.themes[0].id"),
                "outcomeId", plan.at("$.themes[0].outcomes[0].id"), "reference", "1.1a",
                "text", "Record carers on the mosaic system.", "leads", List.of(carers), "due", "Apr 22",
                "measures", List.of("Improved information sharing", "Carer satisfaction improved"),
                "status", "Access requested", "rag", "AMBER"));
        http.post("/api/actions", object("planId", planId, "themeId", plan.at("$.themes[0].id"),
                "outcomeId", plan.at("$.themes[0].outcomes[0].id"), "reference", "1.1b",
                "text", "=HYPERLINK(\"http://evil\") promote the GP resource pack", "leads", List.of(nhs, carers),
                "due", "Jun 22", "review", object("cadence", "QUARTERLY"), "deliversOutcomes",
                List.of("People who provide unpaid care are supported")));
        http.post("/api/actions", object("planId", planId, "themeId", plan.at("$.themes[1].id"),
                "outcomeId", plan.at("$.themes[1].outcomes[0].id"), "reference", "2.1a",
                "text", "Represent carers on the Making it Real Board.", "leads", List.of(carers), "due", "Sept 22"));
    }

    @Test
    void theCsvFollowsTheOutcomesLayoutWithThemeHeadingsAndOneRowPerAction() throws Exception {
        HttpResponse<String> csv = get("/api/plans/" + planId + "/export.csv", HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("carers-strategy-action-plan.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", ""))).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("No", "Outcome", "Action", "Lead", "Due Date", "Measure/ impact", "Status / RAG");
        assertThat(rows).extracting(r -> r.get("Outcome")).containsExactly("IDENTIFICATION",
                "IT systems will facilitate joined up working.", "", "RECOGNITION",
                "Carers will be respected as expert partners.");
        CSVRecord first = rows.get(1);
        assertThat(first.get("No")).isEqualTo("1.1");
        assertThat(first.get("Due Date")).isEqualTo("Apr 22");
        assertThat(first.get("Measure/ impact")).isEqualTo("Improved information sharing; Carer satisfaction improved");
        assertThat(first.get("Status / RAG")).isEqualTo("Access requested (AMBER)");
        assertThat(rows.get(2).get("Lead")).contains("NHS England").contains("Carers Lead");
        assertThat(rows.get(2).get("Action")).as("a formula stays text").startsWith("'=HYPERLINK");
    }

    @Test
    void theXlsxFollowsTheHowWhatLayoutOnRequest() throws Exception {
        HttpResponse<byte[]> xlsx = get("/api/plans/" + planId + "/export.xlsx?layout=how-what",
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("How we will do this");
            assertThat(rows.get(0).getCellText(2)).isEqualTo("Responsibilities and timescales");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("1.1. IT systems will facilitate joined up working.");
            assertThat(rows.get(2).getCellText(2)).contains("Lead Professional: NHS England")
                    .contains("Target date: Jun 22 and quarterly review");
            assertThat(rows.get(2).getCellText(4)).isEqualTo("People who provide unpaid care are supported");
            assertThat(rows).hasSize(4);
        }
    }

    @Test
    void anUnknownLayoutIsRefusedNamingIt() {
        HttpJson.Response refused = new HttpJson("http://localhost:" + port).as(TestIssuer.shared().administrator("Doncaster"))
                .get("/api/plans/" + planId + "/export.csv?layout=landscape");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("$.field")).isEqualTo("layout");
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestIssuer.shared().administrator("Doncaster")).build(), handler);
    }
}
