package org.planwatch.plan.planimport;

import java.util.List;

/** One row of a plan's table as its file holds it, with where it came from ("line 12", "sheet Plan, row 12"). */
public record SourceRow(String place, List<String> cells) {

    public SourceRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }
}
