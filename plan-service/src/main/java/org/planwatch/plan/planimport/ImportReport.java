package org.planwatch.plan.planimport;

import java.util.List;

/**
 * What an import found and did. A dry run ({@code committed} false) says what a commit would change; a commit says
 * what it changed. Actions stored in the plan but no longer in the document are {@code missing}: reported, never
 * deleted.
 */
public record ImportReport(boolean committed, String file, String format, String planId, String title,
                           Summary summary, Changes changes, List<ParsedPlan.Theme> themes,
                           List<ImportWarning> warnings, List<MeasureLink> measureLinks) {

    public record Summary(int themes, int outcomes, int actions, int leads, List<String> newLeads, int warnings,
                          int errors) {
    }

    /** An action the import creates or updates, by its reference, with the parts that change. */
    public record ActionChange(String reference, String actionId, List<String> fields, String place) {
    }

    /** A stored action the document no longer lists. */
    public record MissingAction(String reference, String actionId, String text) {
    }

    /**
     * A measure of an action (the plan's words) that names a measure measure-service announced: under the same name
     * it is linked ({@code linked}: by a commit, or by the commit a dry run previews), under a similar name only
     * proposed, for an administrator to link by editing the action if it is the one.
     */
    public record MeasureLink(String reference, String place, String text, String measureId, String measureName,
                              String match, boolean linked) {
    }

    public record Changes(boolean newPlan, List<ActionChange> created, List<ActionChange> updated, int unchanged,
                          List<MissingAction> missing) {
    }
}
