package org.planwatch.plan.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.actionplan.Outcome;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.Theme;
import org.planwatch.plan.lead.Lead;

/**
 * A plan laid out as rows of text in one of the documents' layouts: themes in order, their outcomes in order,
 * each outcome's actions by reference; actions under no theme or outcome come last.
 */
public record PlanTable(List<String> headers, List<List<String>> rows) {

    public static PlanTable of(ExportLayout layout, Plan plan, List<Action> actions, Function<String, Lead> leads) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<Action>> byOutcome = new LinkedHashMap<>();
        List<Action> elsewhere = new ArrayList<>();
        for (Action action : actions.stream().sorted(Comparator.comparing(PlanTable::sortKey)).toList()) {
            boolean placed = action.themeId() != null && action.outcomeId() != null
                    && plan.theme(action.themeId()).flatMap(t -> t.outcome(action.outcomeId())).isPresent();
            if (placed) {
                byOutcome.computeIfAbsent(action.outcomeId(), k -> new ArrayList<>()).add(action);
            } else {
                elsewhere.add(action);
            }
        }
        for (Theme theme : plan.themes()) {
            if (layout == ExportLayout.OUTCOMES) {
                rows.add(List.of("", theme.name().toUpperCase(java.util.Locale.UK), "", "", "", "", ""));
            }
            for (Outcome outcome : theme.outcomes()) {
                List<Action> under = byOutcome.getOrDefault(outcome.id(), List.of());
                if (under.isEmpty()) {
                    rows.add(row(layout, outcome, null, true, leads));
                }
                for (int i = 0; i < under.size(); i++) {
                    rows.add(row(layout, outcome, under.get(i), i == 0, leads));
                }
            }
        }
        for (Action action : elsewhere) {
            rows.add(row(layout, null, action, true, leads));
        }
        return new PlanTable(layout.headers(), rows);
    }

    private static List<String> row(ExportLayout layout, Outcome outcome, Action action, boolean firstOfOutcome,
                                    Function<String, Lead> leads) {
        String reference = outcome == null || !firstOfOutcome ? "" : text(outcome.reference());
        String outcomeText = outcome == null || !firstOfOutcome ? "" : outcome.text();
        if (action == null) {
            return layout == ExportLayout.OUTCOMES ? List.of(reference, outcomeText, "", "", "", "", "")
                    : List.of(join(". ", reference, outcomeText), "", "", "", "");
        }
        List<String> leadNames = action.leadIds().stream().map(leads).filter(Objects::nonNull).map(Lead::name).toList();
        String due = action.due() == null ? "" : action.due().text();
        if (layout == ExportLayout.OUTCOMES) {
            String statusAndRag = join(" ", text(action.status()), "(" + action.rag().name() + ")");
            return List.of(reference, outcomeText, action.text(), String.join("; ", leadNames), due,
                    String.join("; ", measureTexts(action)), statusAndRag);
        }
        String review = action.review() == null || action.review().cadence() == null ? ""
                : " and " + action.review().cadence().name().toLowerCase(java.util.Locale.UK).replace('_', '-') + " review";
        String responsibilities = join("  ", leadNames.isEmpty() ? "" : "Lead Professional: " + String.join("; ", leadNames),
                due.isEmpty() ? "" : "Target date: " + due + review);
        return List.of(join(". ", reference, outcomeText), action.text(), responsibilities,
                String.join("\n", measureTexts(action)), String.join("\n", action.deliversOutcomes()));
    }

    private static List<String> measureTexts(Action action) {
        return action.measures().stream().map(org.planwatch.plan.action.MeasureRef::text).toList();
    }

    private static String sortKey(Action action) {
        return text(action.reference()) + "\u0000" + action.id();
    }

    private static String join(String separator, String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + separator + second;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
