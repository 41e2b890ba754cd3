package org.planwatch.gateway.console.planimport;

import java.util.List;
import org.planwatch.gateway.console.PlanServiceJson.Due;

/**
 * plan-service's import report as the import page reads it (its own copy: the console does not share
 * plan-service's classes): what the document holds, what a commit would change, and each warning with its source
 * line.
 */
public record ImportReport(boolean committed, String file, String planId, String title, Summary summary,
                           Changes changes, List<Theme> themes, List<Warning> warnings,
                           List<MeasureLink> measureLinks) {

    public List<MeasureLink> measureLinks() {
        return measureLinks == null ? List.of() : measureLinks;
    }

    public List<Theme> themes() {
        return themes == null ? List.of() : themes;
    }

    public List<Warning> warnings() {
        return warnings == null ? List.of() : warnings;
    }

    public boolean hasErrors() {
        return warnings().stream().anyMatch(Warning::isError);
    }

    public record Summary(int themes, int outcomes, int actions, int leads, List<String> newLeads, int warnings,
                          int errors) {
    }

    public record Changes(boolean newPlan, List<Change> created, List<Change> updated, int unchanged,
                          List<Change> missing) {
    }

    public record Change(String reference, String actionId, List<String> fields, String place, String text) {
    }

    public record Theme(String name, String place, List<Outcome> outcomes) {
    }

    public record Outcome(String reference, String text, String place, List<Action> actions) {
    }

    public record Action(String reference, String text, List<Lead> leads, Due due, String status, String rag,
                         String place) {

        public String leadNames() {
            return leads == null ? "" : String.join(", ", leads.stream().map(Lead::name).toList());
        }
    }

    public record Lead(String name, boolean known) {
    }

    /** An action's measure that names a defined measure: linked under the same name, proposed under a similar one. */
    public record MeasureLink(String reference, String place, String text, String measureId, String measureName,
                              String match, boolean linked) {
    }

    /** ERROR stops a commit; WARNING is a guess to check. {@code place} is the document's line or cell. */
    public record Warning(String severity, String place, String column, String message) {

        public boolean isError() {
            return "ERROR".equals(severity);
        }
    }
}
