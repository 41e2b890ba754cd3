package org.planwatch.plan.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The column layouts of the plan documents partnerships use today. */
public enum ExportLayout {

    /** Numbered outcomes with their actions, one row per action, theme headings between (the Doncaster plan). */
    OUTCOMES("outcomes", List.of("No", "Outcome", "Action", "Lead", "Due Date", "Measure/ impact", "Status / RAG")),

    /** How, what, who and when, how measured, which national outcomes (the Perth and Kinross plan). */
    HOW_WHAT("how-what", List.of("How we will do this", "What will we do?", "Responsibilities and timescales",
            "How we will measure how well we are doing", "National Health and Wellbeing Outcomes delivered"));

    private final String parameter;
    private final List<String> headers;

    ExportLayout(String parameter, List<String> headers) {
        this.parameter = parameter;
        this.headers = headers;
    }

    public List<String> headers() {
        return headers;
    }

    public static Optional<ExportLayout> parse(String value) {
        for (ExportLayout layout : values()) {
            if (layout.parameter.equalsIgnoreCase(value) || layout.name().equalsIgnoreCase(value)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(l -> l.parameter.toLowerCase(Locale.ROOT)).toList();
    }
}
