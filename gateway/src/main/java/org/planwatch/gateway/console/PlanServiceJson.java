package org.planwatch.gateway.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * plan-service's answers as the console reads them: the fields its pages show, in the console's own types (a
 * consumer of an API, not an importer of its classes).
 */
public final class PlanServiceJson {

    private PlanServiceJson() {
    }

    public record Action(String id, long version, String planId, String themeId, String outcomeId, String reference,
                         String text, List<Lead> leads, Due due, Review review, List<Measure> measures, String status,
                         String rag, boolean overdue) {

        public List<Lead> leads() {
            return leads == null ? List.of() : leads;
        }

        public List<Measure> measures() {
            return measures == null ? List.of() : measures;
        }

        /** The due date as the plan wrote it ("Jun 22"), else as stored. */
        public String dueAsWritten() {
            if (due == null) {
                return null;
            }
            return due.text() != null && !due.text().isBlank() ? due.text() : due.date();
        }

        public Optional<LocalDate> dueDate() {
            return due == null || due.date() == null ? Optional.empty() : Optional.of(LocalDate.parse(due.date()));
        }

        public String leadNames() {
            return String.join(", ", leads().stream().map(Lead::name).toList());
        }
    }

    public record Lead(String id, String kind, String name, String organisation, String email) {
    }

    public record Due(String date, String precision, String text) {
    }

    public record Review(String cadence, String nextReview) {
    }

    public record Measure(String text, String measureId) {
    }

    public record Plan(String id, long version, String title, String partnership, String period, List<Theme> themes) {

        public List<Theme> themes() {
            return themes == null ? List.of() : themes;
        }

        public Optional<Theme> theme(String themeId) {
            return themes().stream().filter(theme -> theme.id().equals(themeId)).findFirst();
        }

        public Optional<Outcome> outcome(String outcomeId) {
            return themes().stream().flatMap(theme -> theme.outcomes().stream())
                    .filter(outcome -> outcome.id().equals(outcomeId)).findFirst();
        }
    }

    public record Theme(String id, String name, List<Outcome> outcomes) {

        public List<Outcome> outcomes() {
            return outcomes == null ? List.of() : outcomes;
        }
    }

    public record Outcome(String id, String reference, String text) {

        public String label() {
            return reference == null || reference.isBlank() ? text : reference + " " + text;
        }
    }

    /** One line of an action's timeline: who changed what, from what to what, and why. */
    public record Change(Instant at, String by, String field, String from, String to, String reason, long version) {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
                .withZone(ZoneId.of("Europe/London"));

        /** When, as people in the UK read it: "1 Dec 2026, 14:05". */
        public String when() {
            return at == null ? "" : WHEN.format(at);
        }
    }
}
