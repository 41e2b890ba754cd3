package org.planwatch.plan.planimport;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.planwatch.plan.action.DueDate;
import org.planwatch.plan.action.Rag;
import org.planwatch.plan.action.ReviewCadence;

/** A plan as read from its document, before anything is stored: what a dry run shows and a commit stores. */
public record ParsedPlan(String title, List<Theme> themes, List<ImportWarning> warnings) {

    public ParsedPlan {
        themes = List.copyOf(themes);
        warnings = List.copyOf(warnings);
    }

    public record Theme(String name, String place, List<Outcome> outcomes) {
    }

    public record Outcome(String reference, String text, String place, List<Action> actions) {
    }

    /** A lead as the document names it, and whether the directory (or the plan itself) knew the name. */
    public record Lead(String name, boolean known) {
    }

    /**
     * One action, with the place of the row it starts on. {@code reference} is the outcome's number and the
     * action's position under it ("1.1.2"): what a re-import matches the stored action by.
     */
    public record Action(String reference, String text, List<Lead> leads, DueDate due, ReviewCadence cadence,
                         LocalDate reviewDate, List<String> measures, String status, Rag rag,
                         List<String> deliversOutcomes, String place) {
    }

    public Stream<Action> actions() {
        return themes.stream().flatMap(t -> t.outcomes().stream()).flatMap(o -> o.actions().stream());
    }

    public boolean hasErrors() {
        return warnings.stream().anyMatch(ImportWarning::isError);
    }
}
