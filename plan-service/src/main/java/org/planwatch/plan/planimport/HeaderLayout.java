package org.planwatch.plan.planimport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a table holds what, read from its header row. A row is a header when it names an action or an
 * outcome column and at least two more; the same header repeated after a page break is recognised as such.
 */
public record HeaderLayout(Map<Column, Integer> columns, Map<Integer, String> unrecognised, List<String> headers) {

    public static Optional<HeaderLayout> of(SourceRow row) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        Map<Integer, String> unrecognised = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String header = CellText.plain(row.cell(i));
            headers.add(header);
            if (header.isBlank()) {
                continue;
            }
            Optional<Column> column = Column.named(header).filter(c -> !columns.containsKey(c));
            if (column.isPresent()) {
                columns.put(column.get(), i);
            } else {
                unrecognised.put(i, header);
            }
        }
        boolean namesWork = columns.containsKey(Column.ACTION) || columns.containsKey(Column.OUTCOME);
        return namesWork && columns.size() >= 3 ? Optional.of(new HeaderLayout(columns, unrecognised, headers))
                : Optional.empty();
    }

    public boolean has(Column column) {
        return columns.containsKey(column);
    }

    /** The cell of {@code row} in {@code column}, or "" when the table has no such column. */
    public String cell(SourceRow row, Column column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index);
    }

    /** Whether a row repeats this header (a PDF's page break). */
    public boolean isRepeatedBy(SourceRow row) {
        int same = 0;
        int written = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).isBlank()) {
                written++;
                if (Column.normalise(headers.get(i)).equals(Column.normalise(CellText.plain(row.cell(i))))) {
                    same++;
                }
            }
        }
        return written > 0 && same * 2 > written;
    }

    public String header(Column column) {
        Integer index = columns.get(column);
        return index == null ? column.label() : headers.get(index);
    }
}
