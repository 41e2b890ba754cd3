package org.planwatch.plan.actionplan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.planwatch.plan.actionplan.store.PlanStore;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.problem.ConflictException;
import org.planwatch.caller.Caller;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Creates plans and changes their frame of themes and outcomes. */
@Service
public class PlanService {

    private final PlanStore store;
    private final PlanContents contents;
    private final ApplicationEventPublisher events;

    PlanService(PlanStore store, PlanContents contents, ApplicationEventPublisher events) {
        this.store = store;
        this.contents = contents;
        this.events = events;
    }

    /** A plan as a user describes it, with themes and outcomes that get ids here. */
    public record NewPlan(String title, String partnership, String period, Contact owner, List<NewTheme> themes) {
    }

    public record NewTheme(String name, List<NewOutcome> outcomes) {
    }

    public record NewOutcome(String reference, String text) {
    }

    /**
     * A new plan of the caller's partnership: a plan names no partnership but the caller's (left out, it is the
     * caller's), so no administrator creates plans another partnership would then own.
     */
    public Versioned<Plan> create(NewPlan input, Caller caller) {
        return create(input, caller, newId());
    }

    /** As {@link #create(NewPlan, Caller)}, under a given id: a second create under it is refused by the store. */
    public Versioned<Plan> create(NewPlan input, Caller caller, String id) {
        String partnership = input.partnership() == null || input.partnership().isBlank() ? caller.partnership()
                : input.partnership();
        requireOwnPartnership(partnership, caller);
        return create(new NewPlan(input.title(), partnership, input.period(), input.owner(), input.themes()), id);
    }

    public Versioned<Plan> create(NewPlan input) {
        return create(input, newId());
    }

    private Versioned<Plan> create(NewPlan input, String id) {
        List<Theme> themes = input.themes() == null ? List.of() : input.themes().stream().map(PlanService::theme).toList();
        return store.insert(new Plan(id, input.title(), input.partnership(), input.period(), input.owner(), themes));
    }

    public Versioned<Plan> get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** The plan, if it is the caller's partnership's; another partnership's plan is answered as if it did not exist. */
    public Versioned<Plan> get(String id, Caller caller) {
        return find(id).filter(plan -> caller.belongsTo(plan.value().partnership()))
                .orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** The ids of every plan the caller may see. */
    public List<String> idsVisibleTo(Caller caller) {
        return caller.partnership() == null ? List.of() : store.idsOf(caller.partnership());
    }

    /** The ids of a partnership's plans, for work that acts for the partnership rather than for a caller. */
    public List<String> idsInPartnership(String partnership) {
        return partnership == null || partnership.isBlank() ? List.of() : store.idsOf(partnership);
    }

    public Optional<Versioned<Plan>> find(String id) {
        return store.find(id);
    }

    public Page<Versioned<Plan>> list(Caller caller, Pageable pageable) {
        return caller.partnership() == null ? Page.empty(pageable) : store.list(caller.partnership(), pageable);
    }

    public Versioned<Plan> updateDetails(String id, Long expectedVersion, String title, String partnership,
                                         String period, Contact owner, Caller caller) {
        get(id, caller);
        if (partnership != null && !partnership.isBlank()) {
            requireOwnPartnership(partnership, caller);
        } else {
            partnership = caller.partnership();
        }
        String moved = partnership;
        return change(id, expectedVersion, plan -> plan.withDetails(title, moved, period, owner));
    }

    private static void requireOwnPartnership(String partnership, Caller caller) {
        if (!caller.belongsTo(partnership)) {
            throw new ForbiddenException("Another partnership", "you act for " + (caller.partnership() == null
                    ? "no partnership" : "'" + caller.partnership() + "'") + ", not '" + partnership + "'");
        }
    }

    public Versioned<Plan> addTheme(String planId, Long expectedVersion, NewTheme input) {
        return change(planId, expectedVersion, plan -> plan.withTheme(theme(input)));
    }

    /** Renames a theme, moves it to a position (1 is first), or both; a null leaves that as it is. */
    public Versioned<Plan> changeTheme(String planId, Long expectedVersion, String themeId, String name,
                                       Integer position) {
        if (name == null && position == null) {
            throw new InvalidFieldException("name", "give a new name, a position, or both");
        }
        return change(planId, expectedVersion, plan -> {
            Theme theme = plan.theme(themeId).orElseThrow(() -> new NotFoundException("theme", themeId));
            Plan renamed = name == null ? plan : plan.withTheme(new Theme(themeId, name, theme.outcomes()));
            return position == null ? renamed : renamed.withThemeAt(themeId, position);
        });
    }

    public Versioned<Plan> removeTheme(String planId, Long expectedVersion, String themeId) {
        if (contents.anyActionUnder(planId, themeId, null)) {
            throw new ConflictException("theme " + themeId + " still holds actions; move or delete them first");
        }
        return change(planId, expectedVersion, plan -> {
            plan.theme(themeId).orElseThrow(() -> new NotFoundException("theme", themeId));
            return plan.withoutTheme(themeId);
        });
    }

    public Versioned<Plan> putOutcome(String planId, Long expectedVersion, String themeId, String outcomeId,
                                      NewOutcome input) {
        return change(planId, expectedVersion, plan -> {
            plan.theme(themeId).orElseThrow(() -> new NotFoundException("theme", themeId));
            return plan.withOutcome(themeId, new Outcome(outcomeId == null ? newId() : outcomeId, input.reference(),
                    input.text()));
        });
    }

    public Versioned<Plan> removeOutcome(String planId, Long expectedVersion, String themeId, String outcomeId) {
        if (contents.anyActionUnder(planId, themeId, outcomeId)) {
            throw new ConflictException("outcome " + outcomeId + " still holds actions; move or delete them first");
        }
        return change(planId, expectedVersion, plan -> {
            plan.theme(themeId).flatMap(t -> t.outcome(outcomeId))
                    .orElseThrow(() -> new NotFoundException("outcome", outcomeId));
            return plan.withoutOutcome(themeId, outcomeId);
        });
    }

    /**
     * Deletes a plan and every action in it: {@link PlanDeletion} goes out first, and whoever keeps what sits in the
     * plan deletes it then (each action's deletion is published for its leads' sake).
     */
    public void delete(String id, long expectedVersion, String by, String reason) {
        get(id).requireVersion(expectedVersion);
        events.publishEvent(new PlanDeletion(id, by, reason));
        if (!store.delete(id, expectedVersion)) {
            throw stale(id, expectedVersion);
        }
    }

    /** Changes a plan based on the version given, or on the current one when the caller gave none. */
    private Versioned<Plan> change(String id, Long expectedVersion, UnaryOperator<Plan> change) {
        Versioned<Plan> current = get(id);
        long base = expectedVersion == null ? current.version() : expectedVersion;
        current.requireVersion(base);
        Plan next = change.apply(current.value());
        if (!store.replace(next, base)) {
            throw stale(id, base);
        }
        return new Versioned<>(next, base + 1);
    }

    /** A plan of the caller's partnership with this title, if there is one: where a re-imported document goes. */
    public Optional<Versioned<Plan>> findByTitle(String title, Caller caller) {
        return caller.partnership() == null ? Optional.empty()
                : store.findByTitle(caller.partnership(), title);
    }

    /**
     * Gives a plan the themes and outcomes a document lists: a theme is matched by its name, an outcome by its
     * reference (or its words when it has none); new ones are added at the end, changed words are updated, and
     * nothing is removed. A plan that already matches is not written at all, so its actions hear nothing.
     */
    public Versioned<Plan> mergeFrame(String planId, List<NewTheme> wanted) {
        Versioned<Plan> current = get(planId);
        Plan next = current.value();
        for (NewTheme newTheme : wanted) {
            Theme theme = next.themes().stream().filter(t -> t.name().equalsIgnoreCase(newTheme.name().strip()))
                    .findFirst().orElseGet(() -> new Theme(newId(), newTheme.name(), List.of()));
            next = next.withTheme(theme);
            for (NewOutcome newOutcome : newTheme.outcomes()) {
                Outcome outcome = matchingOutcome(next.theme(theme.id()).orElseThrow(), newOutcome)
                        .map(o -> new Outcome(o.id(), newOutcome.reference(), newOutcome.text()))
                        .orElseGet(() -> new Outcome(newId(), newOutcome.reference(), newOutcome.text()));
                next = next.withOutcome(theme.id(), outcome);
            }
        }
        if (next.equals(current.value())) {
            return current;
        }
        if (!store.replace(next, current.version())) {
            throw stale(planId, current.version());
        }
        return new Versioned<>(next, current.version() + 1);
    }

    /** The outcome of a theme a document's outcome means: by reference, or by its words when it has no number. */
    public static Optional<Outcome> matchingOutcome(Theme theme, NewOutcome wanted) {
        return theme.outcomes().stream().filter(o -> wanted.reference() != null
                ? wanted.reference().equals(o.reference())
                : o.reference() == null && o.text().equalsIgnoreCase(wanted.text().strip())).findFirst();
    }

    /** Plans whose title, owner, themes or outcomes changed since their actions were last told of it. */
    public List<Versioned<Plan>> withActionsToTell() {
        return store.withActionsToTell();
    }

    public void actionsTold(String id, long version) {
        store.actionsTold(id, version);
    }

    private StaleVersionException stale(String id, long expected) {
        return new StaleVersionException(expected, get(id));
    }

    private static Theme theme(NewTheme input) {
        List<Outcome> outcomes = input.outcomes() == null ? List.of()
                : input.outcomes().stream().map(o -> new Outcome(newId(), o.reference(), o.text())).toList();
        return new Theme(newId(), input.name(), outcomes);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
