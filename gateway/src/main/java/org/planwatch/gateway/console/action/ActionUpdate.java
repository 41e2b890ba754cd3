package org.planwatch.gateway.console.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.planwatch.gateway.console.FieldProblem;
import org.planwatch.gateway.console.PlanServiceJson.Action;

/**
 * What a person asked to change on an action's page, against the version they saw: status, RAG and due date, with
 * a reason. The {@code was*} fields are the values the page showed, so that only what the person changed is sent,
 * and a change someone else made meanwhile is shown to them rather than overwritten.
 */
public record ActionUpdate(Long version, String status, String rag, String due, String reason, String wasStatus,
                           String wasRag, String wasDue) {

    /** plan-service's ratings, as the radios offer them; only RED, AMBER and GREEN rate progress. */
    static final List<String> RAGS = List.of("NOT_STARTED", "GREEN", "AMBER", "RED", "COMPLETE");
    private static final List<String> PROGRESS = List.of("RED", "AMBER", "GREEN");

    public static ActionUpdate of(Action action) {
        return new ActionUpdate(action.version(), action.status(), action.rag(), action.dueAsWritten(), null,
                action.status(), action.rag(), action.dueAsWritten());
    }

    /**
     * The same wishes, now made against the action as it currently is: a field this person changed keeps their
     * value, any other field takes the current one, so saving again cannot undo what someone else did meanwhile.
     */
    ActionUpdate rebasedOn(Action current) {
        return new ActionUpdate(current.version(),
                changed(status, wasStatus) ? status : current.status(),
                changed(rag, wasRag) ? rag : current.rag(),
                changed(due, wasDue) ? due : current.dueAsWritten(),
                reason, current.status(), current.rag(), current.dueAsWritten());
    }

    /** The JSON Merge Patch of what changed, keyed as plan-service names the fields. */
    Map<String, Object> patch() {
        Map<String, Object> patch = new LinkedHashMap<>();
        if (changed(status, wasStatus)) {
            patch.put("status", blank(status) ? null : status.strip());
        }
        if (changed(rag, wasRag)) {
            patch.put("rag", blank(rag) ? null : rag);
        }
        if (changed(due, wasDue)) {
            patch.put("due", blank(due) ? null : due.strip());
        }
        if (!patch.isEmpty() && !blank(reason)) {
            patch.put("reason", reason.strip());
        }
        return patch;
    }

    /** The page's own rules, checked before anything is sent: a downgrade and a moved date say why. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!blank(rag) && !RAGS.contains(rag)) {
            problems.add(new FieldProblem("rag", "Select a RAG rating from the list"));
        }
        if (blank(reason) && isDowngrade()) {
            problems.add(new FieldProblem("reason", "Enter why the RAG rating is going down"));
        } else if (blank(reason) && changed(due, wasDue)) {
            problems.add(new FieldProblem("reason", "Enter why the due date is changing"));
        }
        return problems;
    }

    boolean isDowngrade() {
        // A form posted by hand may lack either, and List.of(..) refuses to look for null.
        return rag != null && wasRag != null && PROGRESS.contains(rag) && PROGRESS.contains(wasRag)
                && PROGRESS.indexOf(rag) < PROGRESS.indexOf(wasRag);
    }

    private static boolean changed(String now, String was) {
        return !Objects.equals(blank(now) ? null : now.strip(), blank(was) ? null : was.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A field someone else changed while this person was editing: what they saw, and what it is now. */
    public record ChangedMeanwhile(String field, String whenOpened, String now) {
    }

    static List<ChangedMeanwhile> changedMeanwhile(ActionUpdate seen, Action current) {
        List<ChangedMeanwhile> changes = new ArrayList<>();
        if (changed(current.status(), seen.wasStatus())) {
            changes.add(new ChangedMeanwhile("Status", seen.wasStatus(), current.status()));
        }
        if (changed(current.rag(), seen.wasRag())) {
            changes.add(new ChangedMeanwhile("RAG rating", seen.wasRag(), current.rag()));
        }
        if (changed(current.dueAsWritten(), seen.wasDue())) {
            changes.add(new ChangedMeanwhile("Due date", seen.wasDue(), current.dueAsWritten()));
        }
        return changes;
    }
}
