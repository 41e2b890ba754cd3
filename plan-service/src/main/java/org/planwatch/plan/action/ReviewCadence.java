package org.planwatch.plan.action;

import java.util.Locale;
import java.util.Optional;

/** How often an action is reviewed, as plans say it: "quarterly review", "6-month review". */
public enum ReviewCadence {
    MONTHLY(1), QUARTERLY(3), SIX_MONTHLY(6), ANNUAL(12);

    private final int months;

    ReviewCadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** Finds a cadence in a plan's wording, for example "June 2023 and 6-month review". */
    public static Optional<ReviewCadence> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String words = text.toLowerCase(Locale.ROOT);
        if (words.contains("quarterly") || words.matches("(?s).*\\b3[- ]month.*")) {
            return Optional.of(QUARTERLY);
        }
        if (words.matches("(?s).*\\b(6|six)[- ]month.*") || words.contains("six monthly")
                || words.contains("half-year") || words.contains("half year")) {
            return Optional.of(SIX_MONTHLY);
        }
        if (words.contains("monthly review") || words.matches("(?s).*\\b(1|one)[- ]month.*")) {
            return Optional.of(MONTHLY);
        }
        if (words.contains("annual") || words.contains("yearly") || words.matches("(?s).*\\b12[- ]month.*")) {
            return Optional.of(ANNUAL);
        }
        return Optional.empty();
    }

    public static Optional<ReviewCadence> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ReviewCadence cadence : values()) {
            if (cadence.name().equals(key)) {
                return Optional.of(cadence);
            }
        }
        return find(name);
    }
}
