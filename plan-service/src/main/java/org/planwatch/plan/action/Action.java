package org.planwatch.plan.action;

import static org.planwatch.problem.InvalidFieldException.limit;
import static org.planwatch.problem.InvalidFieldException.require;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.planwatch.problem.InvalidFieldException;

/**
 * One action of a plan: what will be done, who leads it, by when, how it is measured, and how it is going.
 *
 * <p>Immutable: {@link #edit} returns the action after a change together with what changed, so the caller
 * can store the new state, its history and its events in one write.
 */
public record Action(
        String id,
        String planId,
        String themeId,
        String outcomeId,
        String reference,
        String text,
        List<String> leadIds,
        DueDate due,
        Review review,
        List<MeasureRef> measures,
        String status,
        Rag rag,
        List<String> deliversOutcomes) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_REFERENCE = 32;
    public static final int MAX_LIST_ITEMS = 50;
    public static final int MAX_ITEM = 1000;

    public Action {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(planId, "planId");
        reference = limit("reference", blankToNull(reference), MAX_REFERENCE);
        text = require("text", text, MAX_TEXT);
        leadIds = distinct("leadIds", leadIds);
        if (leadIds.isEmpty()) {
            throw new InvalidFieldException("leadIds", "an action needs at least one lead");
        }
        measures = measures == null ? List.of() : List.copyOf(measures);
        if (measures.size() > MAX_LIST_ITEMS) {
            throw new InvalidFieldException("measures", "has " + measures.size() + " items; at most " + MAX_LIST_ITEMS
                    + " are allowed");
        }
        deliversOutcomes = items("deliversOutcomes", deliversOutcomes);
        status = limit("status", blankToNull(status), MAX_TEXT);
        rag = rag == null ? Rag.NOT_STARTED : rag;
    }

    /** Applies the parts of {@code edit} that are set; a part set to its current value changes nothing. */
    public ActionChange edit(ActionEdit edit) {
        Action after = new Action(id,
                planId,
                edit.themeId() != null ? edit.themeId() : themeId,
                edit.outcomeId() != null ? edit.outcomeId() : outcomeId,
                edit.reference() != null ? edit.reference() : reference,
                edit.text() != null ? edit.text() : text,
                edit.leadIds() != null ? edit.leadIds() : leadIds,
                edit.clearDue() ? null : edit.due() != null ? edit.due() : due,
                edit.clearReview() ? null : edit.review() != null ? edit.review() : review,
                edit.measures() != null ? edit.measures() : measures,
                edit.status() != null ? edit.status() : status,
                edit.rag() != null ? edit.rag() : rag,
                edit.deliversOutcomes() != null ? edit.deliversOutcomes() : deliversOutcomes);
        return new ActionChange(this, after, differences(this, after));
    }

    /** Past its deadline and not finished. */
    public boolean isOverdueOn(LocalDate today) {
        return due != null && rag != Rag.COMPLETE && due.isBefore(today);
    }

    private static Set<ActionField> differences(Action before, Action after) {
        Set<ActionField> changed = EnumSet.noneOf(ActionField.class);
        if (!Objects.equals(before.themeId, after.themeId) || !Objects.equals(before.outcomeId, after.outcomeId)) {
            changed.add(ActionField.PLACEMENT);
        }
        if (!Objects.equals(before.reference, after.reference)) {
            changed.add(ActionField.REFERENCE);
        }
        if (!before.text.equals(after.text)) {
            changed.add(ActionField.TEXT);
        }
        if (!before.leadIds.equals(after.leadIds)) {
            changed.add(ActionField.LEADS);
        }
        if (!Objects.equals(before.due, after.due)) {
            changed.add(ActionField.DUE_DATE);
        }
        if (!Objects.equals(before.review, after.review)) {
            changed.add(ActionField.REVIEW);
        }
        if (!before.measures.equals(after.measures)) {
            changed.add(ActionField.MEASURES);
        }
        if (!Objects.equals(before.status, after.status)) {
            changed.add(ActionField.STATUS);
        }
        if (before.rag != after.rag) {
            changed.add(ActionField.RAG);
        }
        if (!before.deliversOutcomes.equals(after.deliversOutcomes)) {
            changed.add(ActionField.DELIVERS_OUTCOMES);
        }
        return changed;
    }

    private static List<String> distinct(String field, List<String> values) {
        List<String> cleaned = items(field, values);
        return List.copyOf(new LinkedHashSet<>(cleaned));
    }

    private static List<String> items(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST_ITEMS) {
            throw new InvalidFieldException(field, "has " + values.size() + " items; at most " + MAX_LIST_ITEMS
                    + " are allowed");
        }
        List<String> cleaned = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            cleaned.add(require(field + "[" + i + "]", values.get(i), MAX_ITEM));
        }
        return List.copyOf(cleaned);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
