package org.planwatch.plan.planimport;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * Lays a seed plan out as a partnership's Word document holds it (a title, a landscape table with ruled cells whose
 * rows may break across pages, lists as bullets), for LibreOffice to print to the PDFs in resources/plans:
 * {@code java ... SeedAsWordDocument SEED.tsv OUT.docx "Title"}, then
 * {@code libreoffice --headless --convert-to pdf OUT.docx}.
 */
public final class SeedAsWordDocument {
    public static void main(String[] args) throws Exception {
        String tsv = Files.readString(Path.of(args[0]));
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(tsv, CSVFormat.TDF.builder().setIgnoreEmptyLines(false).setTrim(false).get())) {
            for (CSVRecord r : p) rows.add(r.toList());
        }
        int cols = rows.get(0).size();
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = sect.addNewPgSz();
            size.setOrient(STPageOrientation.LANDSCAPE);
            size.setW(BigInteger.valueOf(16838)); size.setH(BigInteger.valueOf(11906));
            CTPageMar mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(720)); mar.setBottom(BigInteger.valueOf(720));
            mar.setLeft(BigInteger.valueOf(720)); mar.setRight(BigInteger.valueOf(720));
            XWPFParagraph title = doc.createParagraph();
            XWPFRun t = title.createRun(); t.setBold(true); t.setFontSize(16); t.setText(args[2]);
            int used = (int) rows.stream().filter(r -> r.stream().anyMatch(c -> !c.isBlank())).count();
            XWPFTable table = doc.createTable(used, cols);
            table.setWidth("100%");
            int r = 0;
            for (List<String> source : rows) {
                if (source.stream().allMatch(String::isBlank)) continue;
                XWPFTableRow row = table.getRow(r++);
                for (int c = 0; c < cols; c++) {
                    XWPFTableCell cell = row.getCell(c);
                    String raw = c < source.size() ? source.get(c) : "";
                    List<String> paragraphs = paragraphs(raw);
                    XWPFParagraph first = cell.getParagraphs().get(0);
                    for (int i = 0; i < paragraphs.size(); i++) {
                        XWPFParagraph p = i == 0 ? first : cell.addParagraph();
                        XWPFRun run = p.createRun();
                        run.setFontSize(9);
                        run.setText(paragraphs.get(i));
                    }
                }
            }
            doc.write(out);
        }
    }

    static List<String> paragraphs(String raw) {
        if (!raw.contains("<")) return List.of(raw.strip());
        var html = Jsoup.parseBodyFragment(raw);
        List<String> items = html.select("li").eachText();
        if (items.isEmpty()) return List.of(html.body().text().replaceAll("(\\d) (rd|st|nd|th)\\b", "$1$2"));
        html.select("li").remove();
        List<String> out = new ArrayList<>();
        if (!html.body().text().isBlank()) out.add(html.body().text());
        items.forEach(i -> out.add("\u2022 " + i));
        return out;
    }
}
