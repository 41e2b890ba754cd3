package org.planwatch.plan.planimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.planwatch.plan.planimport.file.PlanFiles;

/** A plan reads the same from every format an administrator may have it in; a file that is not a plan says why. */
class PlanFilesTest {

    static final List<List<String>> DONCASTER = Seeds.file(Seeds.DONCASTER).rows().stream().map(SourceRow::cells)
            .toList();

    @Test
    void aCommaSeparatedExportReadsAsTheTabSeparatedOne() throws IOException {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            for (List<String> row : DONCASTER) {
                printer.printRecord(row);
            }
        }
        assertSameActions(PlanFiles.read("plan.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anXlsxWorkbookReadsAsTheTabSeparatedOne() throws IOException {
        assertSameActions(PlanFiles.read("plan.xlsx", xlsx(DONCASTER)));
    }

    @Test
    void aWordTableReadsAsTheTabSeparatedOne() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFTable table = document.createTable(DONCASTER.size(), 7);
            for (int r = 0; r < DONCASTER.size(); r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < 7; c++) {
                    String value = c < DONCASTER.get(r).size() ? DONCASTER.get(r).get(c) : "";
                    row.getCell(c).setText(value);
                }
            }
            document.write(out);
            PlanFile file = PlanFiles.read("plan.docx", out.toByteArray());
            assertThat(file.rows().get(2).place()).isEqualTo("table 1, row 3");
            assertSameActions(file);
        }
    }

    @Test
    void aWindowsExportIsReadAsWindows1252WithAWarning() {
        byte[] windows = new String(Seeds.bytes(Seeds.PERTH), StandardCharsets.UTF_8)
                .getBytes(Charset.forName("windows-1252"));

        PlanFile file = PlanFiles.read("perth.tsv", windows);

        assertThat(file.warnings()).anyMatch(w -> w.message().contains("Windows-1252"));
        ParsedPlan plan = PlanDocumentReader.read(null, file.rows(), List.of());
        assertThat(PlanDocumentReaderTest.action(plan, "1.1").leads().get(0).name())
                .isEqualTo("Learning and Development Officer \u2013 Carers");
    }

    @Test
    void aSpreadsheetFormulaIsReadAsTheValueItShowedAndNeverRun() throws IOException {
        List<String> header = List.of("No", "Outcome", "Action", "Lead", "Due Date");
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Plan");
            XSSFRow top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                top.createCell(c).setCellValue(header.get(c));
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("1.1");
            row.createCell(1).setCellValue("Carers are identified.");
            row.createCell(2).setCellFormula("HYPERLINK(\"http://evil.example\",\"Train staff\")");
            row.createCell(3).setCellValue("=cmd|' /C calc'!A0");
            row.createCell(4).setCellValue("Jun 22");
            book.write(out);
            workbook = out.toByteArray();
        }

        PlanFile file = PlanFiles.read("plan.xlsx", workbook);
        ParsedPlan plan = PlanDocumentReader.read("Plan", file.rows(), List.of());

        assertThat(file.warnings()).anyMatch(w -> w.message().contains("formula") && w.place().equals("sheet Plan, row 2"));
        assertThat(plan.warnings()).anyMatch(w -> w.message().contains("never run as a spreadsheet formula"));
        assertThat(PlanDocumentReaderTest.action(plan, "1.1.1").leads().get(0).name()).isEqualTo("=cmd|' /C calc'!A0");
    }

    @Test
    void aFileThatIsNotAPlanIsRefusedSayingWhy() {
        assertThatThrownBy(() -> PlanFiles.read("plan.tsv", new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> PlanFiles.read("plan.tsv", new byte[] {0, 1, 2, 3, 0, 0, 7, 8, 9}))
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> PlanFiles.read("plan.xlsx", "not really a workbook".getBytes()))
                .hasMessageContaining("not a readable XLSX");
        PlanFile shopping = PlanFiles.read("list.csv", "Item,Price\nMilk,1.20\n".getBytes());
        assertThatThrownBy(() -> PlanDocumentReader.read(null, shopping.rows(), List.of()))
                .hasMessageContaining("no header row");
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Action plan");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void assertSameActions(PlanFile file) {
        ParsedPlan expected = PlanDocumentReader.read(null, Seeds.file(Seeds.DONCASTER).rows(), List.of());
        ParsedPlan actual = PlanDocumentReader.read(null, file.rows(), List.of());
        assertThat(actual.themes()).extracting(ParsedPlan.Theme::name)
                .containsExactlyElementsOf(expected.themes().stream().map(ParsedPlan.Theme::name).toList());
        assertThat(actual.actions().map(PlanFilesTest::withoutPlace).toList())
                .containsExactlyElementsOf(expected.actions().map(PlanFilesTest::withoutPlace).toList());
    }

    private static ParsedPlan.Action withoutPlace(ParsedPlan.Action a) {
        return new ParsedPlan.Action(a.reference(), a.text(), a.leads(), a.due(), a.cadence(), a.reviewDate(),
                a.measures(), a.status(), a.rag(), a.deliversOutcomes(), "");
    }
}
