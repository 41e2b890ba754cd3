package org.planwatch.plan.action.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.ActionEdit;
import org.planwatch.plan.action.ActionService;
import org.planwatch.plan.action.DueDate;
import org.planwatch.plan.action.HistoryEntry;
import org.planwatch.plan.action.store.ActionSearch;
import org.planwatch.plan.action.web.ActionRequests.ActionPatch;
import org.planwatch.plan.action.web.ActionRequests.DueDateChange;
import org.planwatch.plan.action.web.ActionRequests.LeadsChange;
import org.planwatch.plan.action.web.ActionRequests.MeasureRequest;
import org.planwatch.plan.action.web.ActionRequests.NewAction;
import org.planwatch.plan.action.web.ActionRequests.RagChange;
import org.planwatch.plan.action.web.ActionRequests.StatusChange;
import org.planwatch.plan.api.ApiProblems;
import org.planwatch.plan.api.PageView;
import org.planwatch.plan.api.RequestVersion;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.plan.lead.LeadKind;
import org.planwatch.caller.Caller;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.problem.ForbiddenException;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Actions over HTTP. Changes name the version they are based on (If-Match or "version"); a stale one gets 412
 * with the current state, none gets 428.
 */
@RestController
@RequestMapping("/api/actions")
class ActionController {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Map<String, String> SORTABLE = Map.of("due", "action.due.date", "reference",
            "action.reference", "rag", "action.rag", "text", "action.text", "nextReview", "action.review.nextReview");

    private final ActionService actions;
    private final ActionResponses responses;
    private final LeadDirectory leads;
    private final PlanService plans;

    ActionController(ActionService actions, ActionResponses responses, LeadDirectory leads, PlanService plans) {
        this.actions = actions;
        this.responses = responses;
        this.leads = leads;
        this.plans = plans;
    }

    /** The filters of {@code GET /api/actions}, each optional. */
    record ActionFilters(String planId, String themeId, String outcomeId, String lead, String organisation,
                         String rag, String dueBefore, String dueAfter, Boolean overdue,
                         @Min(0) @Max(3660) Integer dueWithinDays, Boolean reviewDue, String q, Boolean mine) {
    }

    @PostMapping
    ResponseEntity<ActionResponse> create(@Valid @RequestBody NewAction body, Caller caller) {
        DueDate due = ActionRequests.due("due", body.due());
        var created = actions.create(new ActionService.NewAction(body.planId(), body.themeId(), body.outcomeId(),
                body.reference(), body.text(), body.leads(), due,
                body.review() == null ? null : body.review().toReview("review", due),
                MeasureRequest.all(body.measures()), body.status(), ActionRequests.rag("rag", body.rag()),
                body.deliversOutcomes()), actor(caller, body.reason()), caller);
        return ResponseEntity.created(URI.create("/api/actions/" + created.value().id()))
                .eTag(RequestVersion.etag(created.version())).body(render(created));
    }

    @GetMapping("/{id}")
    ResponseEntity<ActionResponse> get(@PathVariable String id, Caller caller) {
        return respond(actions.get(id, caller));
    }

    @GetMapping
    PageView<ActionResponse> list(@Valid ActionFilters filters,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                  @SortDefault("due") Sort sort, Caller caller) {
        ActionSearch search = new ActionSearch(filters.planId(), filters.themeId(), filters.outcomeId(),
                leadIds(filters.lead(), filters.organisation(), Boolean.TRUE.equals(filters.mine()), caller),
                ActionRequests.rag("rag", filters.rag()),
                ActionRequests.date("dueBefore", filters.dueBefore()),
                ActionRequests.date("dueAfter", filters.dueAfter()), filters.overdue(), filters.dueWithinDays(),
                filters.reviewDue(), filters.q(), plans.idsVisibleTo(caller));
        return PageView.of(actions.search(search, PageRequest.of(page, size, stored(sort))), responses::many);
    }

    /** Administrators change anything; an action's leads change only how it is going (status, RAG, dates). */
    @PatchMapping(path = "/{id}", consumes = {"application/json", MERGE_PATCH})
    ResponseEntity<ActionResponse> edit(@PathVariable String id, @Valid @RequestBody ActionPatch body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Caller caller) {
        if (!caller.isAdministrator() && !body.changesOnlyProgress()) {
            throw new ForbiddenException("Administrators only", "a lead changes an action's status, RAG, due date "
                    + "and review; its text, place, leads and measures are changed by an administrator");
        }
        long version = RequestVersion.required(ifMatch, body.version);
        ActionService.ActionInPlan current = actions.changeableBy(id, caller);
        DueDate due = ActionRequests.due("due", body.dueText());
        ActionEdit.Builder edit = ActionEdit.builder().placement(body.themeId, body.outcomeId)
                .reference(body.reference).text(body.text).due(due)
                .measures(MeasureRequest.all(body.measures)).status(body.status)
                .rag(ActionRequests.rag("rag", body.rag)).deliversOutcomes(body.deliversOutcomes);
        if (body.clearsDue()) {
            edit.clearDue();
        }
        if (body.clearsReview()) {
            edit.clearReview();
        } else if (body.reviewRequest() != null) {
            DueDate reviewedDue = due != null || body.clearsDue() ? due : current.action().value().due();
            edit.review(body.reviewRequest().toReview("review", reviewedDue));
        }
        return respond(actions.edit(current, version, edit.build(), body.leads, actor(caller, body.reason)));
    }

    @PutMapping("/{id}/due-date")
    ResponseEntity<ActionResponse> changeDueDate(@PathVariable String id, @Valid @RequestBody DueDateChange body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return change(id, ifMatch, body.version(), ActionEdit.dueDate(ActionRequests.due("due", body.due())), null,
                body.reason(), caller);
    }

    @PutMapping("/{id}/rag")
    ResponseEntity<ActionResponse> changeRag(@PathVariable String id, @Valid @RequestBody RagChange body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return change(id, ifMatch, body.version(), ActionEdit.rag(ActionRequests.rag("rag", body.rag())), null,
                body.reason(), caller);
    }

    @PutMapping("/{id}/status")
    ResponseEntity<ActionResponse> changeStatus(@PathVariable String id, @Valid @RequestBody StatusChange body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return change(id, ifMatch, body.version(), ActionEdit.status(body.status()), null, body.reason(), caller);
    }

    @PutMapping("/{id}/leads")
    ResponseEntity<ActionResponse> changeLeads(@PathVariable String id, @Valid @RequestBody LeadsChange body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return change(id, ifMatch, body.version(), ActionEdit.builder().build(), body.leads(), body.reason(), caller);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) String reason, Caller caller) {
        actions.get(id, caller);
        actions.delete(id, RequestVersion.required(ifMatch, null), actor(caller, reason));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, Caller caller) {
        actions.get(id, caller);
        return actions.history(id);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return ApiProblems.stale(e, e.current(Action.class).map(this::render).orElse(null));
    }

    /**
     * The leads a lead filter means: the lead, and an organisation's people; narrowed to an organisation's, and to
     * the caller's own (they themselves, and the organisations whose contact they are) when they ask for theirs.
     */
    private List<String> leadIds(String lead, String organisation, boolean mine, Caller caller) {
        List<String> ids = null;
        if (mine) {
            ids = new ArrayList<>(leads.idsAnsweredBy(caller.email(), caller.partnership()));
        }
        if (lead != null) {
            Lead found = leads.resolve("lead", lead, caller.partnership()).orElseThrow(() -> new InvalidFieldException("lead",
                    "no lead in the directory has the id, name or alias '" + lead + "'"));
            List<String> named = new ArrayList<>(List.of(found.id()));
            if (found.kind() == LeadKind.ORGANISATION) {
                named.addAll(leads.organisationIds(found.name(), caller.partnership()));
            }
            ids = ids == null ? named : ids.stream().filter(named::contains).toList();
        }
        if (organisation != null) {
            List<String> ofOrganisation = leads.organisationIds(organisation, caller.partnership());
            if (ofOrganisation.isEmpty()) {
                throw new InvalidFieldException("organisation", "no lead in the directory is or belongs to '"
                        + organisation + "'");
            }
            ids = ids == null ? ofOrganisation : ids.stream().filter(ofOrganisation::contains).toList();
        }
        return ids;
    }

    /** The API's sort names mapped to where they are stored, ending with the id so pages never overlap. */
    private static Sort stored(Sort requested) {
        List<Sort.Order> orders = new ArrayList<>();
        for (Sort.Order order : requested) {
            String path = SORTABLE.get(order.getProperty());
            if (path == null) {
                throw new InvalidFieldException("sort", "'" + order.getProperty() + "' is not sortable; use one of "
                        + SORTABLE.keySet());
            }
            orders.add(order.withProperty(path));
        }
        orders.add(Sort.Order.asc("_id"));
        return Sort.by(orders);
    }

    private ResponseEntity<ActionResponse> respond(Versioned<Action> action) {
        return ResponseEntity.ok().eTag(RequestVersion.etag(action.version())).body(render(action));
    }

    private ActionResponse render(Versioned<Action> action) {
        return responses.one(action.value(), action.version());
    }

    private ResponseEntity<ActionResponse> change(String id, String ifMatch, Long bodyVersion, ActionEdit edit,
                                                  List<String> leadRefs, String reason, Caller caller) {
        long version = RequestVersion.required(ifMatch, bodyVersion);
        return respond(actions.edit(actions.changeableBy(id, caller), version, edit, leadRefs, actor(caller, reason)));
    }

    /** The history and the events name the token's subject: who changed it is never what a caller writes. */
    private static ActionService.Actor actor(Caller caller, String reason) {
        return new ActionService.Actor(caller.subject(), reason);
    }
}
