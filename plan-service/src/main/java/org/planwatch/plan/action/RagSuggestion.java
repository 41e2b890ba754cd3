package org.planwatch.plan.action;

import java.time.Instant;
import java.util.Optional;

/**
 * The RAG rating a linked measure's figures suggest for an action, and why: the measure, its outlook as
 * measure-service judged it, and that judgement's reason in words. ON_TRACK suggests GREEN, AT_RISK AMBER and
 * OFF_TRACK RED; a measure not judged yet suggests nothing.
 */
public record RagSuggestion(Rag rag, String measureKey, String measureName, String outlook, String reason,
                            Instant judgedAt) {

    public static Optional<Rag> forOutlook(String outlook) {
        if (outlook == null) {
            return Optional.empty();
        }
        return switch (outlook) {
            case "ON_TRACK" -> Optional.of(Rag.GREEN);
            case "AT_RISK" -> Optional.of(Rag.AMBER);
            case "OFF_TRACK" -> Optional.of(Rag.RED);
            default -> Optional.empty();
        };
    }

    /** The reason a RAG change made from this suggestion records, in the history and in the leads' email. */
    public String explanation() {
        return "Measure \"" + measureName + "\" (" + measureKey + ") is " + outlook.replace('_', ' ').toLowerCase()
                + ": " + reason;
    }
}
