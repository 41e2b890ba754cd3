package org.planwatch.plan.planimport;

import java.util.List;

/** A plan document's rows, as its format holds them, and what reading the format itself had to guess. */
public record PlanFile(String name, String format, List<SourceRow> rows, List<ImportWarning> warnings) {

    public PlanFile {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
