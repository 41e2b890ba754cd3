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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
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
    void aPdfOfThePlanReadsAsTheTabSeparatedOneThoughItsRowsBreakAcrossPages() throws IOException {
        PlanFile pdf = PlanFiles.read("doncaster.pdf", pdf("doncaster-carers-action-plan.pdf"));

        assertThat(pdf.format()).isEqualTo("pdf");
        assertThat(pdf.rows().get(0).cells()).containsExactly("Doncaster Carers Strategy Action Plan 2022-2025");
        assertThat(pdf.rows()).extracting(SourceRow::place).contains("page 1, row 8 and page 2, row 1");
        assertThat(pdf.warnings()).anyMatch(w -> w.place().equals("page 1, row 8 and page 2, row 1")
                && w.message().contains("page break"));
        assertSameActions(pdf, Seeds.DONCASTER);
    }

    @Test
    void aPdfWithTwoFactsInACellAndAMergedColumnReadsAsTheTabSeparatedOne() throws IOException {
        assertSameActions(PlanFiles.read("perth.pdf", pdf("perth-kinross-carers-action-plan.pdf")), Seeds.PERTH);
    }

    @Test
    void aPdfWithoutARuledTableOrNotAPdfAtAllIsRefusedSayingWhy() throws IOException {
        byte[] letter;
        try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (var text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(PDType1Font.HELVETICA, 12);
                text.newLineAtOffset(72, 700);
                text.showText("Dear colleague, the action plan will follow.");
                text.endText();
            }
            document.save(out);
            letter = out.toByteArray();
        }

        byte[] locked;
        try (PDDocument document = PDDocument.load(pdf("perth-kinross-carers-action-plan.pdf"));
             var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("owner secret", "reader secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            locked = out.toByteArray();
        }

        assertThatThrownBy(() -> PlanFiles.read("letter.pdf", letter)).hasMessageContaining("no ruled table");
        assertThatThrownBy(() -> PlanFiles.read("locked.pdf", locked)).hasMessageContaining("protected by a password");
        assertThatThrownBy(() -> PlanFiles.read("plan.pdf", "%PDF-1.7 and then nothing".getBytes()))
                .hasMessageContaining("could not be opened as a PDF");
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

    /** The seeds laid out as Word tables and printed to PDF by LibreOffice: see resources/plans/README.md. */
    private static byte[] pdf(String name) throws IOException {
        try (var in = PlanFilesTest.class.getResourceAsStream("/plans/" + name)) {
            return in.readAllBytes();
        }
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
        assertSameActions(file, Seeds.DONCASTER);
    }

    private static void assertSameActions(PlanFile file, String seed) {
        ParsedPlan expected = PlanDocumentReader.read("Carers plan", Seeds.file(seed).rows(), List.of());
        ParsedPlan actual = PlanDocumentReader.read("Carers plan", file.rows(), List.of());
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
