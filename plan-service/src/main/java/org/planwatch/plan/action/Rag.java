package org.planwatch.plan.action;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A RAG rating as plans write it. RED, AMBER and GREEN rate progress, in that order; COMPLETE (often shown
 * blue) and NOT_STARTED say where an action is, not how well it goes, so a move to or from them is never a
 * downgrade.
 */
public enum Rag {
    NOT_STARTED(-1), RED(0), AMBER(1), GREEN(2), COMPLETE(-1);

    private static final Map<String, Rag> SPELLINGS = Map.of(
            "R", RED, "A", AMBER, "G", GREEN, "BLUE", COMPLETE, "COMPLETED", COMPLETE, "B", COMPLETE,
            "NOT STARTED", NOT_STARTED, "NOT-STARTED", NOT_STARTED);

    private final int progress;

    Rag(int progress) {
        this.progress = progress;
    }

    public boolean ratesProgress() {
        return progress >= 0;
    }

    /** GREEN to AMBER, AMBER to RED and GREEN to RED are downgrades; nothing else is. */
    public boolean isDowngradeTo(Rag next) {
        return ratesProgress() && next.ratesProgress() && next.progress < progress;
    }

    /** Reads the spellings found in plan documents: "Red", "amber", "G", "Blue", "Not started". */
    public static Optional<Rag> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        for (Rag rag : values()) {
            if (rag.name().equals(key)) {
                return Optional.of(rag);
            }
        }
        return Optional.ofNullable(SPELLINGS.get(key));
    }
}
