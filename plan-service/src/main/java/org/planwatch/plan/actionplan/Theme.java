package org.planwatch.plan.actionplan;

import static org.planwatch.problem.InvalidFieldException.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A heading of a plan, such as IDENTIFICATION or RECOGNITION, holding outcomes in order. */
public record Theme(String id, String name, List<Outcome> outcomes) {

    public Theme {
        name = require("name", name, 200);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public Optional<Outcome> outcome(String outcomeId) {
        return outcomes.stream().filter(o -> o.id().equals(outcomeId)).findFirst();
    }

    Theme withOutcome(Outcome outcome) {
        List<Outcome> next = new ArrayList<>(outcomes);
        next.removeIf(o -> o.id().equals(outcome.id()));
        int at = outcomes.stream().map(Outcome::id).toList().indexOf(outcome.id());
        next.add(at < 0 ? next.size() : at, outcome);
        return new Theme(id, name, next);
    }

    Theme withoutOutcome(String outcomeId) {
        return new Theme(id, name, outcomes.stream().filter(o -> !o.id().equals(outcomeId)).toList());
    }
}
