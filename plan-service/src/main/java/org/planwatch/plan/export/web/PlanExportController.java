package org.planwatch.plan.export.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.ActionService;
import org.planwatch.caller.Caller;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.plan.export.ExportLayout;
import org.planwatch.plan.export.PlanTable;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A plan as a CSV or XLSX file in a plan document's column layout ({@code ?layout=outcomes|how-what}). */
@RestController
class PlanExportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final PlanService plans;
    private final ActionService actions;
    private final LeadDirectory leads;

    PlanExportController(PlanService plans, ActionService actions, LeadDirectory leads) {
        this.plans = plans;
        this.actions = actions;
        this.leads = leads;
    }

    @GetMapping("/api/plans/{id}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(defaultValue = "outcomes") String layout,
                               Caller caller) throws IOException {
        Plan plan = plans.get(id, caller).value();
        PlanTable table = table(plan, layout);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(table.headers().toArray(String[]::new)).get())) {
            for (List<String> row : table.rows()) {
                printer.printRecord(row.stream().map(PlanExportController::neutraliseFormula).toList());
            }
        }
        return file(plan, "csv", CSV, out.toByteArray());
    }

    @GetMapping("/api/plans/{id}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id, @RequestParam(defaultValue = "outcomes") String layout,
                               Caller caller) throws IOException {
        Plan plan = plans.get(id, caller).value();
        PlanTable table = table(plan, layout);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "planwatch", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(plan.title()));
        for (int c = 0; c < table.headers().size(); c++) {
            sheet.value(0, c, table.headers().get(c));
            sheet.style(0, c).bold().wrapText(true).set();
            sheet.width(c, c < 3 ? 50 : 30);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    sheet.value(r + 1, c, row.get(c));
                    sheet.style(r + 1, c).wrapText(true).verticalAlignment("top").set();
                }
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
        return file(plan, "xlsx", XLSX, out.toByteArray());
    }

    private PlanTable table(Plan plan, String layoutName) {
        ExportLayout layout = ExportLayout.parse(layoutName).orElseThrow(() -> new InvalidFieldException("layout",
                "'" + layoutName + "' is not a layout; use one of " + ExportLayout.names()));
        List<Action> planActions = actions.inPlan(plan.id()).stream().map(Versioned::value).toList();
        Map<String, Lead> known = leads.byIds(planActions.stream().flatMap(a -> a.leadIds().stream()).distinct().toList());
        return PlanTable.of(layout, plan, planActions, known::get);
    }

    private static ResponseEntity<byte[]> file(Plan plan, String extension, MediaType type, byte[] body) {
        String name = plan.title().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((name.isEmpty() ? "plan" : name) + "." + extension, StandardCharsets.UTF_8).build()
                        .toString())
                .body(body);
    }

    /** A cell starting with =, +, - or @ would run as a formula in a spreadsheet: keep it text (OWASP CSV injection). */
    static String neutraliseFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String sheetName(String title) {
        String cleaned = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return cleaned.isEmpty() ? "Plan" : cleaned.substring(0, Math.min(31, cleaned.length()));
    }
}
