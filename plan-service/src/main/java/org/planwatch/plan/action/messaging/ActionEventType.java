package org.planwatch.plan.action.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.planwatch.plan.action.ActionField;

/** The kinds of action event; each CloudEvents {@code type} is {@code org.planwatch.plan.action.<kind>.v1}. */
public enum ActionEventType {
    CREATED("created"), UPDATED("updated"), DELETED("deleted"), DUE_DATE_CHANGED("due-date-changed"),
    RAG_CHANGED("rag-changed"), STATUS_UPDATED("status-updated"), LEADS_CHANGED("leads-changed"),
    /** The plan, theme or outcome an action sits in, or one of its leads, changed; the action itself did not. */
    CONTEXT_CHANGED("context-changed");

    public static final String PREFIX = "org.planwatch.plan.action.";

    private final String kind;

    ActionEventType(String kind) {
        this.kind = kind;
    }

    public String cloudEventType() {
        return PREFIX + kind + ".v1";
    }

    /**
     * One event per kind of change: a due date, RAG, status or lead change each gets its own event, so that a
     * consumer listening for one kind never has to look inside the others; anything else is "updated".
     */
    public static List<ActionEventType> forChange(Set<ActionField> changed) {
        List<ActionEventType> types = new ArrayList<>();
        if (changed.contains(ActionField.DUE_DATE)) {
            types.add(DUE_DATE_CHANGED);
        }
        if (changed.contains(ActionField.RAG)) {
            types.add(RAG_CHANGED);
        }
        if (changed.contains(ActionField.STATUS)) {
            types.add(STATUS_UPDATED);
        }
        if (changed.contains(ActionField.LEADS)) {
            types.add(LEADS_CHANGED);
        }
        if (changed.stream().anyMatch(f -> f != ActionField.DUE_DATE && f != ActionField.RAG
                && f != ActionField.STATUS && f != ActionField.LEADS)) {
            types.add(UPDATED);
        }
        return types;
    }
}
