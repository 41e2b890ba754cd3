package org.planwatch.plan.planimport.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.planwatch.plan.planimport.ImportWarning;
import org.planwatch.plan.planimport.PlanFile;
import org.planwatch.plan.planimport.SourceRow;
import org.planwatch.plan.planimport.UnreadableTableException;

/** Reads a plan file of any supported format, told apart by its content first and its name second. */
public final class PlanFiles {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PlanFiles() {
    }

    public static PlanFile read(String name, byte[] content) {
        String fileName = name == null || name.isBlank() ? "plan" : name.strip();
        if (content == null || content.length == 0) {
            throw new UnreadableTableException("the file is empty");
        }
        if (isZip(content)) {
            return OfficeTables.read(fileName, content);
        }
        if (isPdf(content)) {
            return PdfTables.read(fileName, content);
        }
        if (fileName.toLowerCase(Locale.ROOT).matches(".*\\.(xlsx|xlsm|docx|xls|doc|pdf|ods|odt)$")) {
            throw new UnreadableTableException("'" + fileName + "' is not a readable " + extension(fileName)
                    + " file; planwatch reads .tsv, .csv, .txt, .xlsx, .docx and .pdf");
        }
        return text(fileName, content);
    }

    private static PlanFile text(String name, byte[] content) {
        List<ImportWarning> warnings = new ArrayList<>();
        String text = decode(content, warnings);
        long control = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f').count();
        if (text.indexOf('\0') >= 0 || control > text.length() / 100) {
            throw new UnreadableTableException("'" + name + "' is binary data, not a table of text");
        }
        if (text.isBlank()) {
            throw new UnreadableTableException("the file holds no text");
        }
        char delimiter = delimiter(name, text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setQuote('"').setTrim(false).get();
        List<SourceRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            long line = 1;
            for (CSVRecord record : parser) {
                rows.add(new SourceRow("line " + line, record.toList()));
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableTableException("'" + name + "' is not a well-formed " + (delimiter == '\t' ? "tab"
                    : "comma") + "-separated table: " + e.getMessage());
        }
        return new PlanFile(name, delimiter == '\t' ? "tsv" : "csv", rows, warnings);
    }

    private static String decode(byte[] content, List<ImportWarning> warnings) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE
                || (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF)) {
            return new String(content, StandardCharsets.UTF_16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            warnings.add(ImportWarning.warning("line 1", null, "the file is not UTF-8: read as Windows-1252 (a "
                    + "Windows export); check letters such as £, – and ’ in the result"));
            return new String(content, WINDOWS_1252);
        }
    }

    private static char delimiter(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        if (lower.endsWith(".csv")) {
            return ',';
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return firstLine.chars().filter(c -> c == '\t').count() >= firstLine.chars().filter(c -> c == ',').count()
                ? '\t' : ',';
    }

    private static boolean isPdf(byte[] content) {
        return content.length > 5 && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    private static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    static ByteArrayInputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }
}
