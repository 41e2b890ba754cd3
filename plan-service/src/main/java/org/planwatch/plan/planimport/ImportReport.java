package org.planwatch.plan.planimport;

import java.util.List;

/**
 * What an import found and did. A dry run ({@code committed} false) says what a commit would change; a commit says
 * what it changed. Actions stored in the plan but no longer in the document are {@code missing}: reported, never
 * deleted.
 */
public record ImportReport(boolean committed, String file, String format, String planId, String title,
                           Summary summary, Changes changes, List<ParsedPlan.Theme> themes,
                           List<ImportWarning> warnings) {

    public record Summary(int themes, int outcomes, int actions, int leads, List<String> newLeads, int warnings,
                          int errors) {
    }

    /** An action the import creates or updates, by its reference, with the parts that change. */
    public record ActionChange(String reference, String actionId, List<String> fields, String place) {
    }

    /** A stored action the document no longer lists. */
    public record MissingAction(String reference, String actionId, String text) {
    }

    public record Changes(boolean newPlan, List<ActionChange> created, List<ActionChange> updated, int unchanged,
                          List<MissingAction> missing) {
    }
}
