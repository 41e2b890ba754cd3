package org.planwatch.plan.planimport.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.planwatch.plan.planimport.HeaderLayout;
import org.planwatch.plan.planimport.ImportWarning;
import org.planwatch.plan.planimport.PlanFile;
import org.planwatch.plan.planimport.SourceRow;
import org.planwatch.plan.planimport.UnreadableTableException;

/**
 * XLSX sheets and Word tables, through Apache POI. A formula cell is read as the value it shows, never run; a cell
 * merged down several rows is every row's; bulleted paragraphs in a Word cell are a list, as {@code <li>} is.
 */
final class OfficeTables {

    static {
        // POI's own guard against zip bombs: a plan file never expands a hundredfold.
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private OfficeTables() {
    }

    static PlanFile read(String name, byte[] content) {
        try {
            if (contains(content, "word/document.xml")) {
                return docx(name, content);
            }
            if (contains(content, "xl/workbook.xml")) {
                return xlsx(name, content);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTableException("'" + name + "' could not be opened as a spreadsheet or Word "
                    + "document: " + e.getMessage());
        }
        throw new UnreadableTableException("'" + name + "' is a zip file but neither an XLSX workbook nor a DOCX "
                + "document");
    }

    private static PlanFile xlsx(String name, byte[] content) throws IOException {
        List<ImportWarning> warnings = new ArrayList<>();
        DataFormatter shown = new DataFormatter(java.util.Locale.UK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(PlanFiles.stream(content))) {
            List<SourceRow> firstSheet = null;
            for (Sheet sheet : workbook) {
                List<SourceRow> rows = new ArrayList<>();
                Map<String, String> mergedDown = mergedDown(sheet, shown);
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    String place = "sheet " + sheet.getSheetName() + ", row " + (row.getRowNum() + 1);
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        String merged = mergedDown.get(row.getRowNum() + ":" + c);
                        if (merged != null) {
                            cells.add(merged);
                            continue;
                        }
                        if (cell != null && cell.getCellType() == CellType.FORMULA) {
                            warnings.add(ImportWarning.warning(place, null, "a formula (=" + cell.getCellFormula()
                                    + "): its value as last shown is read, the formula is not run"));
                            cells.add(cachedValue(cell, shown));
                        } else {
                            cells.add(cell == null ? "" : shown.formatCellValue(cell));
                        }
                    }
                    rows.add(new SourceRow(place, cells));
                }
                if (firstSheet == null) {
                    firstSheet = rows;
                }
                if (rows.stream().anyMatch(r -> HeaderLayout.of(r).isPresent())) {
                    return new PlanFile(name, "xlsx", rows, warnings);
                }
            }
            return new PlanFile(name, "xlsx", firstSheet == null ? List.of() : firstSheet, warnings);
        }
    }

    private static String cachedValue(Cell cell, DataFormatter shown) {
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> shown.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** Cells of a one-column region merged over several rows, each given the region's value. */
    private static Map<String, String> mergedDown(Sheet sheet, DataFormatter shown) {
        Map<String, String> values = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstColumn() != region.getLastColumn() || region.getFirstRow() == region.getLastRow()) {
                continue;
            }
            Row top = sheet.getRow(region.getFirstRow());
            Cell first = top == null ? null : top.getCell(region.getFirstColumn());
            String value = first == null ? "" : shown.formatCellValue(first);
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                values.put(r + ":" + region.getFirstColumn(), value);
            }
        }
        return values;
    }

    private static PlanFile docx(String name, byte[] content) throws IOException {
        try (XWPFDocument document = new XWPFDocument(PlanFiles.stream(content))) {
            List<SourceRow> rows = new ArrayList<>();
            int tableNumber = 0;
            for (XWPFTable table : document.getTables()) {
                tableNumber++;
                int rowNumber = 0;
                for (XWPFTableRow row : table.getRows()) {
                    rowNumber++;
                    List<String> cells = new ArrayList<>();
                    for (XWPFTableCell cell : row.getTableCells()) {
                        cells.add(cellText(cell));
                    }
                    rows.add(new SourceRow("table " + tableNumber + ", row " + rowNumber, cells));
                }
            }
            if (rows.isEmpty()) {
                throw new UnreadableTableException("'" + name + "' holds no table; planwatch reads a plan from the "
                        + "document's tables");
            }
            return new PlanFile(name, "docx", rows, List.of());
        }
    }

    private static String cellText(XWPFTableCell cell) {
        List<XWPFParagraph> paragraphs = cell.getParagraphs().stream().filter(p -> !p.getText().isBlank()).toList();
        boolean bulleted = paragraphs.size() > 1 && paragraphs.stream().allMatch(p -> p.getNumID() != null);
        if (bulleted) {
            StringBuilder list = new StringBuilder("<ul>");
            paragraphs.forEach(p -> list.append("<li>").append(escape(p.getText())).append("</li>"));
            return list.append("</ul>").toString();
        }
        return String.join("  ", paragraphs.stream().map(XWPFParagraph::getText).toList());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean contains(byte[] zip, String entry) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(PlanFiles.stream(zip))) {
            for (var next = in.getNextEntry(); next != null; next = in.getNextEntry()) {
                if (next.getName().equals(entry)) {
                    return true;
                }
            }
        }
        return false;
    }
}
