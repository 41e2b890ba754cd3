package org.planwatch.measure.definition;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.planwatch.problem.InvalidFieldException;

/**
 * What a measure is: its key (how partners' systems name it), what it counts and which way is better, where it
 * started and what it should reach by when, how often it is reported, the partner organisations allowed to publish
 * its figures, the plan actions it is evidence for, and whom at the publisher to tell when figures stop coming
 * (optional). It belongs to one partnership.
 */
public record MeasureDefinition(String key, String name, Unit unit, Direction direction, Baseline baseline,
                                List<Target> targets, Frequency frequency, Set<String> publishers,
                                String partnership, Set<String> actionIds, Contact contact) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
    private static final int LONGEST_NAME = 500;
    private static final int MOST_TARGETS = 50;

    public MeasureDefinition {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidFieldException("key", "must be 2 to 80 lower-case letters, digits and hyphens,"
                    + " starting with a letter or digit");
        }
        name = InvalidFieldException.require("name", name, LONGEST_NAME);
        require("unit", unit);
        require("direction", direction);
        require("frequency", frequency);
        require("baseline", baseline);
        require("baseline.value", baseline.value());
        require("baseline.date", baseline.date());
        unit.refuse(baseline.value()).ifPresent(reason -> {
            throw new InvalidFieldException("baseline.value", reason);
        });
        targets = targets == null ? List.of() : targets;
        if (targets.size() > MOST_TARGETS) {
            throw new InvalidFieldException("targets", "at most " + MOST_TARGETS + " targets");
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String field = "targets[" + i + "]";
            require(field, target);
            require(field + ".value", target.value());
            require(field + ".by", target.by());
            unit.refuse(target.value()).ifPresent(reason -> {
                throw new InvalidFieldException(field + ".value", reason);
            });
            if (!target.by().isAfter(baseline.date())) {
                throw new InvalidFieldException(field + ".by", "must be after the baseline's date "
                        + baseline.date());
            }
        }
        targets = targets.stream().sorted(Comparator.comparing(Target::by)).toList();
        if (publishers == null || publishers.isEmpty()) {
            throw new InvalidFieldException("publishers", "name at least one partner organisation");
        }
        TreeSet<String> organisations = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String organisation : publishers) {
            organisations.add(InvalidFieldException.require("publishers", organisation, 200));
        }
        publishers = Set.copyOf(organisations);
        partnership = InvalidFieldException.require("partnership", partnership, 200);
        if (actionIds != null && actionIds.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 100)) {
            throw new InvalidFieldException("actionIds", "each must be an action's id");
        }
        actionIds = actionIds == null ? Set.of() : Set.copyOf(actionIds);
    }

    /** Whether {@code organisation} is one of those allowed to publish this measure's figures. */
    public boolean publishableBy(String organisation) {
        return organisation != null && publishers.stream().anyMatch(p -> p.equalsIgnoreCase(organisation.strip()));
    }

    /** The target to judge a figure of {@code date} against: the first not yet due then, or else the last. */
    public Optional<Target> targetFor(LocalDate date) {
        return targets.stream().filter(t -> !t.by().isBefore(date)).findFirst()
                .or(() -> targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(targets.size() - 1)));
    }

    public static String normaliseKey(String key) {
        return key == null ? null : key.strip().toLowerCase(Locale.ROOT);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
    }
}
