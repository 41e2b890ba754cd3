package org.planwatch.plan.planimport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of a plan's table holds, recognised by its header: the names plans give it first, then the words
 * that give it away ("Responsibilities and timescales" is the lead, "How we will measure how well we are doing" the
 * measures).
 */
public enum Column {
    REFERENCE(List.of("no", "ref", "reference", "number", "id", "outcome no", "ref no"), List.of()),
    THEME(List.of("theme", "priority", "priority area", "strategic priority", "theme area"), List.of()),
    DELIVERS(List.of("national health and wellbeing outcomes delivered", "national outcomes", "outcomes delivered",
            "national health and wellbeing outcomes"), List.of("national", "delivered")),
    MEASURE(List.of("measure", "measures", "measure impact", "impact", "how we will measure how well we are doing",
            "how will we measure", "how will we know", "kpi", "indicator", "indicators", "evidence", "outputs",
            "success measures"), List.of("measure", "impact", "indicator", "how will we know")),
    RAG(List.of("rag", "rag rating", "rag status", "rating"), List.of()),
    STATUS(List.of("status", "status rag", "progress", "update", "progress update", "comments", "current position",
            "status update"), List.of("status", "progress")),
    DUE(List.of("due date", "target date", "due", "timescale", "timescales", "deadline", "by when", "date", "when",
            "completion date", "target"), List.of("date", "timescale", "deadline", "by when")),
    LEAD(List.of("lead", "leads", "responsibilities and timescales", "responsibility", "responsible", "lead officer",
            "who", "owner", "lead professional", "lead organisation", "lead agency", "responsible officer",
            "lead partner"), List.of("lead", "responsib", "owner")),
    ACTION(List.of("action", "actions", "what will we do", "what we will do", "activity", "activities", "task",
            "tasks", "key actions"), List.of("action", "what will we do", "what we will do")),
    OUTCOME(List.of("outcome", "outcomes", "how we will do this", "objective", "objectives", "aim", "aims",
            "what we want to achieve", "priority outcome", "goal"), List.of("outcome", "objective"));

    private final List<String> names;
    private final List<String> giveaways;

    Column(List<String> names, List<String> giveaways) {
        this.names = names;
        this.giveaways = giveaways;
    }

    /** The column a header names: an exact name first, then the first column whose giveaway words it contains. */
    public static Optional<Column> named(String header) {
        String wanted = normalise(header);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (Column column : values()) {
            if (column.names.contains(wanted)) {
                return Optional.of(column);
            }
        }
        for (Column column : values()) {
            if (column.giveaways.stream().anyMatch(wanted::contains)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** How a warning names the column. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
