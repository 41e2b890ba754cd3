package org.planwatch.gateway.console.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.planwatch.gateway.console.PlanServiceJson.Action;
import org.planwatch.gateway.console.PlanServiceJson.Lead;
import org.planwatch.gateway.console.PlanServiceJson.Outcome;
import org.planwatch.gateway.console.PlanServiceJson.Plan;
import org.planwatch.gateway.console.PlanServiceJson.Theme;

/**
 * A plan's actions in the document's order (theme by theme, outcome by outcome, "1.4.2" before "1.4.10"), narrowed
 * by the filters a reader chose.
 */
record PlanLayout(List<ThemeSection> themes, int shown, int total) {

    record ThemeSection(String name, List<OutcomeSection> outcomes) {
    }

    record OutcomeSection(String label, List<Action> actions) {
    }

    /** What a reader narrowed the plan to; each blank filter lets everything through. */
    record Filters(String lead, String rag, boolean overdue, String q) {

        public boolean any() {
            return !blank(lead) || !blank(rag) || overdue || !blank(q);
        }

        boolean keep(Action action) {
            return (blank(lead) || action.leads().stream().anyMatch(l -> lead.equals(l.id())))
                    && (blank(rag) || rag.equals(action.rag()) || ("NONE".equals(rag) && action.rag() == null))
                    && (!overdue || action.overdue())
                    && (blank(q) || contains(action, q.strip().toLowerCase(Locale.ROOT)));
        }

        private static boolean contains(Action action, String words) {
            return text(action.text()).contains(words) || text(action.reference()).contains(words)
                    || text(action.status()).contains(words) || text(action.leadNames()).contains(words)
                    || action.measures().stream().anyMatch(m -> text(m.text()).contains(words));
        }

        private static String text(String value) {
            return value == null ? "" : value.toLowerCase(Locale.ROOT);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    static PlanLayout of(Plan plan, List<Action> actions, Filters filters) {
        List<Action> kept = actions.stream().filter(filters::keep).sorted(byReference()).toList();
        List<ThemeSection> themes = new ArrayList<>();
        List<Action> placed = new ArrayList<>();
        for (Theme theme : plan.themes()) {
            List<OutcomeSection> outcomes = new ArrayList<>();
            for (Outcome outcome : theme.outcomes()) {
                List<Action> under = kept.stream().filter(a -> outcome.id().equals(a.outcomeId())).toList();
                placed.addAll(under);
                if (!under.isEmpty() || !filters.any()) {
                    outcomes.add(new OutcomeSection(outcome.label(), under));
                }
            }
            List<Action> themeOnly = kept.stream().filter(a -> theme.id().equals(a.themeId()) && !placed.contains(a))
                    .toList();
            placed.addAll(themeOnly);
            if (!themeOnly.isEmpty()) {
                outcomes.add(new OutcomeSection("Other actions in this theme", themeOnly));
            }
            if (!outcomes.isEmpty()) {
                themes.add(new ThemeSection(theme.name(), outcomes));
            }
        }
        List<Action> elsewhere = kept.stream().filter(a -> !placed.contains(a)).toList();
        if (!elsewhere.isEmpty()) {
            themes.add(new ThemeSection("Not in a theme", List.of(new OutcomeSection("Actions", elsewhere))));
        }
        return new PlanLayout(themes, kept.size(), actions.size());
    }

    /** Everyone who leads an action in the plan, for the lead filter, by name. */
    static List<Lead> leadsOf(List<Action> actions) {
        Map<String, Lead> leads = new LinkedHashMap<>();
        actions.forEach(action -> action.leads().forEach(lead -> leads.putIfAbsent(lead.id(), lead)));
        return leads.values().stream().sorted(Comparator.comparing(Lead::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** "1.4.2" before "1.4.10"; actions without a reference keep their order after those with one. */
    static Comparator<Action> byReference() {
        return (a, b) -> {
            List<Integer> left = numbers(a.reference());
            List<Integer> right = numbers(b.reference());
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                int compared = Integer.compare(left.get(i), right.get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            int bySize = Integer.compare(left.isEmpty() ? Integer.MAX_VALUE : left.size(),
                    right.isEmpty() ? Integer.MAX_VALUE : right.size());
            return bySize != 0 ? bySize : Objects.compare(a.reference(), b.reference(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        };
    }

    private static List<Integer> numbers(String reference) {
        if (reference == null) {
            return List.of();
        }
        return NUMBERS.matcher(reference).results().map(m -> m.group().length() > 9 ? Integer.MAX_VALUE
                : Integer.parseInt(m.group())).toList();
    }
}
