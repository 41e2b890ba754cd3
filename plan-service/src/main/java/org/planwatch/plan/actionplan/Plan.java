package org.planwatch.plan.actionplan;

import static org.planwatch.problem.InvalidFieldException.limit;
import static org.planwatch.problem.InvalidFieldException.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.planwatch.problem.InvalidFieldException;

/** An action plan: who runs it, for which period, and its themes in the order the document gives them. */
public record Plan(String id, String title, String partnership, String period, Contact owner, List<Theme> themes) {

    public Plan {
        Objects.requireNonNull(id, "id");
        title = require("title", title, 200);
        partnership = limit("partnership", blank(partnership), 200);
        period = limit("period", blank(period), 100);
        if (owner == null) {
            throw new InvalidFieldException("owner", "a plan needs an owner to tell about actions that turn RED");
        }
        themes = themes == null ? List.of() : List.copyOf(themes);
        if (themes.size() > 100) {
            throw new InvalidFieldException("themes", "at most 100 themes are allowed");
        }
    }

    public Optional<Theme> theme(String themeId) {
        return themes.stream().filter(t -> t.id().equals(themeId)).findFirst();
    }

    public Plan withDetails(String title, String partnership, String period, Contact owner) {
        return new Plan(id, title, partnership, period, owner, themes);
    }

    public Plan withTheme(Theme theme) {
        List<Theme> next = new ArrayList<>(themes);
        int at = themes.stream().map(Theme::id).toList().indexOf(theme.id());
        if (at < 0) {
            next.add(theme);
        } else {
            next.set(at, new Theme(theme.id(), theme.name(), themes.get(at).outcomes()));
        }
        return new Plan(id, title, partnership, period, owner, next);
    }

    /** The plan with one theme moved to {@code position} (1 is first); the others keep their order. */
    public Plan withThemeAt(String themeId, int position) {
        if (position < 1 || position > themes.size()) {
            throw new InvalidFieldException("position", "must be from 1 to " + themes.size());
        }
        List<Theme> next = new ArrayList<>(themes);
        Theme moved = theme(themeId).orElseThrow(() -> new InvalidFieldException("themeId",
                "plan " + id + " has no theme '" + themeId + "'"));
        next.remove(moved);
        next.add(position - 1, moved);
        return new Plan(id, title, partnership, period, owner, next);
    }

    public Plan withoutTheme(String themeId) {
        return new Plan(id, title, partnership, period, owner,
                themes.stream().filter(t -> !t.id().equals(themeId)).toList());
    }

    public Plan withOutcome(String themeId, Outcome outcome) {
        Theme theme = theme(themeId).orElseThrow(() -> new InvalidFieldException("themeId",
                "plan " + id + " has no theme '" + themeId + "'"));
        return replaceTheme(theme.withOutcome(outcome));
    }

    public Plan withoutOutcome(String themeId, String outcomeId) {
        return theme(themeId).map(t -> replaceTheme(t.withoutOutcome(outcomeId))).orElse(this);
    }

    /** Checks that an action may sit under this theme and outcome. */
    public void checkPlacement(String themeId, String outcomeId) {
        if (themeId == null) {
            if (outcomeId != null) {
                throw new InvalidFieldException("themeId", "is required when an outcome is given");
            }
            return;
        }
        Theme theme = theme(themeId).orElseThrow(() -> new InvalidFieldException("themeId",
                "plan " + id + " has no theme '" + themeId + "'"));
        if (outcomeId != null && theme.outcome(outcomeId).isEmpty()) {
            throw new InvalidFieldException("outcomeId", "theme " + themeId + " has no outcome '" + outcomeId + "'");
        }
    }

    private Plan replaceTheme(Theme theme) {
        return new Plan(id, title, partnership, period, owner,
                themes.stream().map(t -> t.id().equals(theme.id()) ? theme : t).toList());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
