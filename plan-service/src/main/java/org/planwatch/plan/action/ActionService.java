package org.planwatch.plan.action;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.planwatch.plan.action.messaging.ActionEvents;
import org.planwatch.plan.action.store.ActionSearch;
import org.planwatch.plan.action.store.ActionStore;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.caller.Caller;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.InvalidFieldException;
import org.planwatch.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Creates, changes and deletes actions. Every change is one conditional write of the new state, its history
 * lines and its events, based on the version the user saw.
 */
@Service
public class ActionService {

    private final ActionStore store;
    private final PlanService plans;
    private final LeadDirectory leads;
    private final ActionEvents events;
    private final Clock clock;

    ActionService(ActionStore store, PlanService plans, LeadDirectory leads, ActionEvents events, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.leads = leads;
        this.events = events;
        this.clock = clock;
    }

    /** A new action as a user describes it; leads are ids, names or aliases from the directory. */
    public record NewAction(String planId, String themeId, String outcomeId, String reference, String text,
                            List<String> leads, DueDate due, Review review, List<MeasureRef> measures, String status,
                            Rag rag, List<String> deliversOutcomes) {
    }

    /**
     * Who changed an action and why; both end up in the history and in the events. {@code measure} is the measure whose
     * outlook set its RAG rating, if one did, and {@code measureJudgedAt} when measure-service judged that outlook.
     */
    public record Actor(String name, String reason, String measure, java.time.Instant measureJudgedAt) {

        public Actor(String name, String reason) {
            this(name, reason, null, null);
        }
    }

    /** A new action in one of the caller's partnership's plans (another partnership's plan is as if absent). */
    public Versioned<Action> create(NewAction input, Actor actor, Caller caller) {
        return create(input, actor, caller, UUID.randomUUID().toString());
    }

    /** As {@link #create(NewAction, Actor, Caller)}, under a given id: a second create under it is refused by the store. */
    public Versioned<Action> create(NewAction input, Actor actor, Caller caller, String id) {
        if (input.planId() == null || input.planId().isBlank()) {
            throw new InvalidFieldException("planId", "must not be empty");
        }
        Plan plan = plans.find(input.planId()).map(Versioned::value).filter(p -> caller.belongsTo(p.partnership()))
                .orElseThrow(() -> new InvalidFieldException("planId", "no plan with id '" + input.planId() + "'"));
        plan.checkPlacement(input.themeId(), input.outcomeId());
        List<Lead> resolved = leads.resolveAll("leads", input.leads() == null ? List.of() : input.leads(),
                plan.partnership());
        Action action = new Action(id, plan.id(), input.themeId(), input.outcomeId(),
                input.reference(), input.text(), resolved.stream().map(Lead::id).toList(), input.due(), input.review(),
                input.measures(), input.status(), input.rag(), input.deliversOutcomes());
        var history = List.of(new HistoryEntry(clock.instant(), actor.name(), "created", null,
                action.text(), actor.reason(), 1));
        return store.insert(action, history, events.created(action, 1, context(plan, resolved, actor)));
    }

    public Versioned<Action> get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("action", id));
    }

    /** The action, if its plan is the caller's partnership's; another partnership's is answered as not found. */
    public Versioned<Action> get(String id, Caller caller) {
        return inCallersPartnership(id, caller).action();
    }

    /** An action as read with its plan, so that a change checked against them needs neither read again. */
    public record ActionInPlan(Versioned<Action> action, Plan plan) {
    }

    /**
     * Refuses a change by a lead professional who does not lead the action (as a person or as the contact of a
     * leading organisation); administrators change any action of their partnership.
     */
    public ActionInPlan changeableBy(String id, Caller caller) {
        ActionInPlan found = inCallersPartnership(id, caller);
        if (!caller.isAdministrator() && leads.idsAnsweredBy(caller.email(), caller.partnership()).stream()
                .noneMatch(found.action().value().leadIds()::contains)) {
            throw new ForbiddenException("Not your action", "only the action's leads and administrators may change "
                    + "action " + id + "; " + caller.subject() + " does not lead it");
        }
        return found;
    }

    private ActionInPlan inCallersPartnership(String id, Caller caller) {
        Versioned<Action> action = get(id);
        Plan plan = plans.find(action.value().planId()).map(Versioned::value)
                .filter(p -> caller.belongsTo(p.partnership()))
                .orElseThrow(() -> new NotFoundException("action", id));
        return new ActionInPlan(action, plan);
    }

    /**
     * Applies an edit made against {@code expectedVersion}. An edit that changes nothing keeps the version and
     * publishes nothing; an edit against an older version is refused with the current state.
     *
     * @param leadRefs ids, names or aliases of the new leads, or null to keep the leads
     */
    public Versioned<Action> edit(String id, long expectedVersion, ActionEdit edit, List<String> leadRefs, Actor actor) {
        Versioned<Action> current = get(id);
        return edit(new ActionInPlan(current, plan(current.value().planId())), expectedVersion, edit, leadRefs, actor);
    }

    /** As {@link #edit(String, long, ActionEdit, List, Actor)}, on the action and plan as {@link #changeableBy} read them. */
    public Versioned<Action> edit(ActionInPlan target, long expectedVersion, ActionEdit edit, List<String> leadRefs,
                                  Actor actor) {
        Versioned<Action> current = target.action().requireVersion(expectedVersion);
        Plan plan = target.plan();
        String id = current.value().id();
        List<Lead> newLeads = leadRefs == null ? null : leads.resolveAll("leads", leadRefs, plan.partnership());
        if (newLeads != null) {
            edit = edit.withLeadIds(newLeads.stream().map(Lead::id).toList());
        }
        ActionChange change = current.value().edit(edit);
        if (!change.changedAnything()) {
            return current;
        }
        plan.checkPlacement(change.after().themeId(), change.after().outcomeId());
        long next = expectedVersion + 1;
        Map<String, Lead> known = leadsOf(change.before(), change.after());
        var history = history(change, known, actor, next);
        var outbox = events.changed(change, next, context(plan, known, actor));
        if (!store.update(change.after(), expectedVersion, history, outbox)) {
            throw stale(id, expectedVersion);
        }
        return new Versioned<>(change.after(), next);
    }

    public void delete(String id, long expectedVersion, Actor actor) {
        Action action = get(id).requireVersion(expectedVersion).value();
        long next = expectedVersion + 1;
        Map<String, Lead> known = leadsOf(action, action);
        var history = List.of(new HistoryEntry(clock.instant(), actor.name(), "deleted", null, null, actor.reason(), next));
        if (!store.markDeleted(id, expectedVersion, history,
                events.deleted(action, next, context(plan(action.planId()), known, actor)))) {
            throw stale(id, expectedVersion);
        }
    }

    /**
     * Publishes a context-changed event for an action whose plan or lead changed, so consumers holding a copy of
     * its plan title or lead emails catch up. The action itself, its version and its history stay as they are.
     */
    public void tellOfChangeAround(String id, String changedField) {
        store.find(id).ifPresent(current -> {
            Action action = current.value();
            var context = context(plan(action.planId()), leadsOf(action, action), new Actor("planwatch", null));
            store.appendEvents(id, current.version(),
                    events.contextChanged(action, current.version(), changedField, context));
        });
    }

    /** A measure's new outlook, as plan-service reads measure-service's status event. */
    public record MeasureOutlook(String measureKey, String measureName, String partnership, String outlook,
                                 String reason, java.time.Instant judgedAt, List<String> actionIds) {
    }

    /**
     * Suggests to each action of the measure's partnership that reports on it the RAG rating its outlook implies,
     * and applies the suggestion where an administrator set the action's rating to follow its measures: as any RAG
     * change, so a downgrade emails the leads, with the measure's reason. Returns the ids of the actions changed.
     */
    public List<String> followMeasure(MeasureOutlook outlook) {
        var suggested = RagSuggestion.forOutlook(outlook.outlook());
        if (suggested.isEmpty()) {
            return List.of();
        }
        RagSuggestion suggestion = new RagSuggestion(suggested.get(), outlook.measureKey(), outlook.measureName(),
                outlook.outlook(), outlook.reason(), outlook.judgedAt());
        List<String> changed = new ArrayList<>();
        for (String id : store.idsReportingOn(outlook.measureKey(), plans.idsInPartnership(outlook.partnership()),
                outlook.actionIds() == null ? List.of() : outlook.actionIds())) {
            if (store.suggestRag(id, suggestion) && store.ragSource(id).automatic() && applied(id, suggestion)) {
                changed.add(id);
            }
        }
        return changed;
    }

    private boolean applied(String id, RagSuggestion suggestion) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Versioned<Action> current = get(id);
            if (current.value().rag() == suggestion.rag() || current.value().rag() == Rag.COMPLETE) {
                return false;
            }
            try {
                edit(id, current.version(), ActionEdit.rag(suggestion.rag()), null,
                        new Actor("measure-service", limitReason(suggestion.explanation()), suggestion.measureKey(),
                                suggestion.judgedAt()));
                return true;
            } catch (StaleVersionException someoneElse) {
                // a person changed the action meanwhile: look again at what they left
            }
        }
        return false;
    }

    private static String limitReason(String reason) {
        return reason.length() <= Action.MAX_TEXT ? reason : reason.substring(0, Action.MAX_TEXT - 1) + "…";
    }

    public RagSource ragSource(String id, Caller caller) {
        get(id, caller);
        return store.ragSource(id);
    }

    public RagSource setRagAutomatic(String id, boolean automatic, Caller caller) {
        get(id, caller);
        store.setRagAutomatic(id, automatic);
        RagSource source = store.ragSource(id);
        if (automatic && source.suggestion() != null) {
            applied(id, source.suggestion());
        }
        return source;
    }

    public List<String> idsLedBy(String leadId) {
        return store.idsLedBy(leadId);
    }

    public List<HistoryEntry> history(String id) {
        List<HistoryEntry> history = store.history(id);
        if (history.isEmpty()) {
            throw new NotFoundException("action", id);
        }
        return history;
    }

    public Page<Versioned<Action>> search(ActionSearch search, Pageable pageable) {
        return store.search(search, pageable);
    }

    public List<Versioned<Action>> inPlan(String planId) {
        return store.inPlan(planId);
    }

    private List<HistoryEntry> history(ActionChange change, Map<String, Lead> known, Actor actor, long version) {
        List<HistoryEntry> lines = new ArrayList<>();
        for (ActionField field : change.changed().stream().sorted().toList()) {
            lines.add(new HistoryEntry(clock.instant(), actor.name(), field.jsonName(),
                    describe(field, change.before(), known), describe(field, change.after(), known), actor.reason(),
                    version));
        }
        return lines;
    }

    private static String describe(ActionField field, Action action, Map<String, Lead> known) {
        return switch (field) {
            case PLACEMENT -> join(List.of(String.valueOf(action.themeId()), String.valueOf(action.outcomeId())));
            case REFERENCE -> action.reference();
            case TEXT -> action.text();
            case LEADS -> join(action.leadIds().stream().map(id -> known.containsKey(id) ? known.get(id).name() : id)
                    .toList());
            case DUE_DATE -> action.due() == null ? null : action.due().text() + " (" + action.due().date() + ")";
            case REVIEW -> action.review() == null ? null : action.review().cadence() + " next "
                    + action.review().nextReview();
            case MEASURES -> join(action.measures().stream()
                    .map(m -> m.isLinked() ? m.text() + " [" + m.measureId() + "]" : m.text()).toList());
            case STATUS -> action.status();
            case RAG -> action.rag().name();
            case DELIVERS_OUTCOMES -> join(action.deliversOutcomes());
            case DELETED -> null;
        };
    }

    private static String join(List<String> values) {
        return String.join("; ", values);
    }

    private Map<String, Lead> leadsOf(Action before, Action after) {
        List<String> ids = new ArrayList<>(before.leadIds());
        after.leadIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return leads.byIds(ids);
    }

    private ActionEvents.Context context(Plan plan, List<Lead> resolved, Actor actor) {
        return context(plan, resolved.stream().collect(Collectors.toMap(Lead::id, l -> l)), actor);
    }

    private ActionEvents.Context context(Plan plan, Map<String, Lead> known, Actor actor) {
        return new ActionEvents.Context(actor.name(), actor.reason(), actor.measure(), actor.measureJudgedAt(), plan, id -> {
            Lead lead = known.get(id);
            return lead != null ? lead : leads.require(id);
        });
    }

    private Plan plan(String planId) {
        return plans.get(planId).value();
    }

    private StaleVersionException stale(String id, long expected) {
        return new StaleVersionException(expected, get(id));
    }
}
