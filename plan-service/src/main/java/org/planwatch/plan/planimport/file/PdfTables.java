package org.planwatch.plan.planimport.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.planwatch.plan.planimport.Column;
import org.planwatch.plan.planimport.HeaderLayout;
import org.planwatch.plan.planimport.ImportWarning;
import org.planwatch.plan.planimport.PlanFile;
import org.planwatch.plan.planimport.SourceRow;
import org.planwatch.plan.planimport.UnreadableTableException;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.PageIterator;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.TextElement;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * The ruled tables of a PDF, read by Tabula's lattice algorithm (cells from the lines drawn around them), page after
 * page. A row the page break cut in two arrives as two rows, the second without a reference, which the document
 * reader joins as it joins any continuation row. Lines that wrap inside a cell are one text again; lines that start
 * with a bullet are a list, as {@code <li>} is. The one line of text above the first table is kept as a row of its
 * own: it is usually the plan's title.
 */
final class PdfTables {

    private static final long MEMORY_LIMIT = 256L * 1024 * 1024;
    private static final int PAGE_LIMIT = 1_000;
    private static final Pattern BULLET = Pattern.compile("^[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7\uf0b7\uf0a7]\\s*");

    private PdfTables() {
    }

    static PlanFile read(String name, byte[] content) {
        try (PDDocument document = PDDocument.load(content, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(MEMORY_LIMIT))) {
            if (document.getNumberOfPages() > PAGE_LIMIT) {
                throw new UnreadableTableException("'" + name + "' has " + document.getNumberOfPages()
                        + " pages; planwatch reads plans of up to " + PAGE_LIMIT);
            }
            return tables(name, document);
        } catch (InvalidPasswordException e) {
            throw new UnreadableTableException("'" + name + "' is protected by a password; save it without one");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableTableException unreadable) {
                throw unreadable;
            }
            throw new UnreadableTableException("'" + name + "' could not be opened as a PDF: " + e.getMessage());
        }
    }

    private static PlanFile tables(String name, PDDocument document) {
        List<SourceRow> rows = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        SpreadsheetExtractionAlgorithm lattice = new SpreadsheetExtractionAlgorithm();
        Optional<HeaderLayout> layout = Optional.empty();
        PageIterator pages = new ObjectExtractor(document).extract();
        while (pages.hasNext()) {
            Page page = pages.next();
            List<Table> tables = lattice.extract(page).stream()
                    .sorted(Comparator.comparingDouble(Table::getTop)).toList();
            if (tables.isEmpty()) {
                continue;
            }
            if (rows.isEmpty()) {
                String above = textAbove(page, tables.get(0).getTop());
                if (!above.isEmpty()) {
                    rows.add(new SourceRow("page " + page.getPageNumber() + ", above the table", List.of(above)));
                }
            }
            int rowNumber = 0;
            for (Table table : tables) {
                for (List<RectangularTextContainer> cells : table.getRows()) {
                    rowNumber++;
                    var row = new SourceRow("page " + page.getPageNumber() + ", row " + rowNumber,
                            cells.stream().map(cell -> cellText(cell.getText())).toList());
                    layout = layout.or(() -> HeaderLayout.of(row));
                    if (rowNumber == 1 && layout.isPresent() && cutByThePageBreak(row, layout.get())) {
                        SourceRow whole = joined(rows.get(rows.size() - 1), row);
                        rows.set(rows.size() - 1, whole);
                        warnings.add(ImportWarning.warning(whole.place(), null, "the first row of page "
                                + page.getPageNumber() + " has no reference or date of its own and carries on "
                                + "mid-sentence: read as the rest of the row the page break cut"));
                    } else {
                        rows.add(row);
                    }
                }
            }
        }
        if (rows.stream().noneMatch(row -> row.cells().size() > 1)) {
            throw new UnreadableTableException("'" + name + "' holds no ruled table that planwatch can read: a plan "
                    + "is read from a table with lines drawn around its cells; export the table from the program "
                    + "that made the PDF (Word, Excel) as .docx, .xlsx or .csv instead");
        }
        return new PlanFile(name, "pdf", rows, warnings);
    }

    /**
     * Word and LibreOffice let a row break across pages, so the first row of a page is often the rest of the row
     * above: no reference and no due date of its own, and text that carries on mid-sentence.
     */
    private static boolean cutByThePageBreak(SourceRow row, HeaderLayout layout) {
        return !layout.isRepeatedBy(row) && layout.cell(row, Column.REFERENCE).isBlank()
                && layout.cell(row, Column.DUE).isBlank()
                && row.cells().stream().anyMatch(cell -> !cell.isEmpty() && Character.isLowerCase(cell.charAt(0)));
    }

    private static SourceRow joined(SourceRow above, SourceRow rest) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(above.cells().size(), rest.cells().size()); i++) {
            cells.add(joined(above.cell(i), rest.cell(i)));
        }
        return new SourceRow(above.place() + " and " + rest.place(), cells);
    }

    /** A list cut by the page break goes on in its last item, or with the items the next page starts. */
    private static String joined(String above, String rest) {
        String listEnd = "</li></ul>";
        if (!above.endsWith(listEnd) || rest.isEmpty()) {
            StringBuilder text = new StringBuilder(above);
            join(text, rest);
            return text.toString();
        }
        if (rest.startsWith("<ul>")) {
            return above.substring(0, above.length() - "</ul>".length()) + rest.substring("<ul>".length());
        }
        StringBuilder lastItem = new StringBuilder(above.substring(0, above.length() - listEnd.length()));
        join(lastItem, OfficeTables.escape(rest));
        return lastItem + listEnd;
    }

    private static String textAbove(Page page, float tableTop) {
        List<TextElement> above = page.getText().stream().filter(t -> t.getBottom() <= tableTop).toList();
        if (above.isEmpty()) {
            return "";
        }
        float lastLine = (float) above.stream().mapToDouble(TextElement::getTop).max().orElseThrow();
        StringBuilder line = new StringBuilder();
        above.stream().filter(t -> Math.abs(t.getTop() - lastLine) < t.getHeight() / 2)
                .sorted(Comparator.comparingDouble(TextElement::getLeft)).forEach(t -> line.append(t.getText()));
        return line.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * A cell's lines as the text they wrap: a line ending in a hyphen joins the next without a space
     * ("decision-" + "making"), one ending a sentence with two, as the reader separates two facts in a cell;
     * a list of bulleted lines becomes {@code <ul>} items, as a Word cell's list does.
     */
    static String cellText(String lines) {
        StringBuilder before = new StringBuilder();
        List<StringBuilder> items = new ArrayList<>();
        for (String line : lines.split("\r")) {
            String text = line.strip();
            var bullet = BULLET.matcher(text);
            if (bullet.find()) {
                items.add(new StringBuilder(text.substring(bullet.end())));
            } else if (!text.isEmpty()) {
                join(items.isEmpty() ? before : items.get(items.size() - 1), text);
            }
        }
        if (items.isEmpty()) {
            return before.toString();
        }
        StringBuilder list = new StringBuilder(OfficeTables.escape(before.toString())).append("<ul>");
        items.forEach(item -> list.append("<li>").append(OfficeTables.escape(item.toString())).append("</li>"));
        return list.append("</ul>").toString();
    }

    private static void join(StringBuilder text, String line) {
        if (line.isEmpty()) {
            return;
        }
        int length = text.length();
        boolean hyphenated = length > 1 && text.charAt(length - 1) == '-' && Character.isLetter(text.charAt(length - 2));
        if (length > 0 && !hyphenated) {
            text.append(text.charAt(length - 1) == '.' ? "  " : " ");
        }
        text.append(line);
    }
}
