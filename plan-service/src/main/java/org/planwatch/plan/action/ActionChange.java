package org.planwatch.plan.action;

import java.util.Set;

/** An action before and after one edit, and which of its parts differ. */
public record ActionChange(Action before, Action after, Set<ActionField> changed) {

    public ActionChange {
        changed = Set.copyOf(changed);
    }

    public boolean changedAnything() {
        return !changed.isEmpty();
    }

    public boolean isRagDowngrade() {
        return changed.contains(ActionField.RAG) && before.rag().isDowngradeTo(after.rag());
    }
}
