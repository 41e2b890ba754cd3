package org.planwatch.plan.action.web;

import static org.planwatch.plan.action.web.ActionInput.text;
import static org.planwatch.plan.action.web.ActionInput.texts;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.planwatch.plan.action.Action;
import org.planwatch.plan.action.ActionEdit;
import org.planwatch.plan.action.ActionService;
import org.planwatch.plan.action.DueDate;
import org.planwatch.plan.action.HistoryEntry;
import org.planwatch.plan.action.Review;
import org.planwatch.plan.action.store.ActionSearch;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.concurrency.web.RequestVersion;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.plan.lead.LeadKind;
import org.planwatch.plan.problem.InvalidFieldException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

    static final String USER_HEADER = "X-Planwatch-User";
    private static final Set<String> CREATE_FIELDS = Set.of("planId", "themeId", "outcomeId", "reference", "text",
            "leads", "due", "review", "measures", "status", "rag", "deliversOutcomes", "reason");
    private static final Set<String> EDIT_FIELDS = Set.of("themeId", "outcomeId", "reference", "text", "leads", "due",
            "review", "measures", "status", "rag", "deliversOutcomes", "reason", "version");
    private static final Map<String, String> SORTABLE = Map.of("due", "action.due.date", "reference",
            "action.reference", "rag", "action.rag", "text", "action.text", "nextReview", "action.review.nextReview");

    private final ActionService actions;
    private final ActionResponses responses;
    private final LeadDirectory leads;

    ActionController(ActionService actions, ActionResponses responses, LeadDirectory leads) {
        this.actions = actions;
        this.responses = responses;
        this.leads = leads;
    }

    /** A page of actions: the list and where it sits among all that match. */
    record ActionPage(List<ActionResponse> items, int page, int size, long totalItems, int totalPages) {
    }

    @PostMapping
    ResponseEntity<ActionResponse> create(@RequestBody Map<String, Object> body,
                                          @RequestHeader(value = USER_HEADER, required = false) String user) {
        only(body, CREATE_FIELDS);
        DueDate due = ActionInput.due("due", text("due", body.get("due")));
        Review review = ActionInput.review("review", ActionInput.ReviewRequest.from("review", body.get("review")), due);
        var created = actions.create(new ActionService.NewAction(text("planId", body.get("planId")),
                text("themeId", body.get("themeId")), text("outcomeId", body.get("outcomeId")),
                text("reference", body.get("reference")), text("text", body.get("text")),
                texts("leads", body.get("leads")), due, review, ActionInput.measures("measures", body.get("measures")),
                text("status", body.get("status")), ActionInput.rag("rag", text("rag", body.get("rag"))),
                texts("deliversOutcomes", body.get("deliversOutcomes"))), actor(user, body));
        return ResponseEntity.created(URI.create("/api/actions/" + created.value().id()))
                .eTag(RequestVersion.etag(created.version())).body(render(created));
    }

    @GetMapping("/{id}")
    ResponseEntity<ActionResponse> get(@PathVariable String id) {
        Versioned<Action> action = actions.get(id);
        return ResponseEntity.ok().eTag(RequestVersion.etag(action.version())).body(render(action));
    }

    @GetMapping
    ActionPage list(@RequestParam(required = false) String planId,
                    @RequestParam(required = false) String themeId,
                    @RequestParam(required = false) String outcomeId,
                    @RequestParam(required = false) String lead,
                    @RequestParam(required = false) String organisation,
                    @RequestParam(required = false) String rag,
                    @RequestParam(required = false) String dueBefore,
                    @RequestParam(required = false) String dueAfter,
                    @RequestParam(required = false) Boolean overdue,
                    @RequestParam(required = false) Integer dueWithinDays,
                    @RequestParam(required = false) Boolean reviewDue,
                    @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size,
                    @RequestParam(defaultValue = "due") List<String> sort) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidFieldException("size", "must be between 1 and 500");
        }
        if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > 3660)) {
            throw new InvalidFieldException("dueWithinDays", "must be between 0 and 3660");
        }
        List<String> leadIds = null;
        if (lead != null) {
            Lead found = leads.resolve("lead", lead).orElseThrow(() -> new InvalidFieldException("lead",
                    "no lead in the directory has the id, name or alias '" + lead + "'"));
            leadIds = new java.util.ArrayList<>(List.of(found.id()));
            if (found.kind() == LeadKind.ORGANISATION) {
                leadIds.addAll(leads.organisationIds(found.name()));
            }
        }
        if (organisation != null) {
            List<String> ofOrganisation = leads.organisationIds(organisation);
            if (ofOrganisation.isEmpty()) {
                throw new InvalidFieldException("organisation", "no lead in the directory is or belongs to '"
                        + organisation + "'");
            }
            leadIds = leadIds == null ? ofOrganisation
                    : leadIds.stream().filter(ofOrganisation::contains).toList();
        }
        ActionSearch search = new ActionSearch(planId, themeId, outcomeId, leadIds, ActionInput.rag("rag", rag),
                ActionInput.date("dueBefore", dueBefore), ActionInput.date("dueAfter", dueAfter), overdue,
                dueWithinDays, reviewDue, q);
        Page<Versioned<Action>> found = actions.search(search, PageRequest.of(page, size, sort(sort)));
        return new ActionPage(responses.many(found.getContent()), page, size, found.getTotalElements(),
                found.getTotalPages());
    }

    @PatchMapping("/{id}")
    ResponseEntity<ActionResponse> edit(@PathVariable String id, @RequestBody Map<String, Object> body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestHeader(value = USER_HEADER, required = false) String user) {
        only(body, EDIT_FIELDS);
        long version = RequestVersion.required(ifMatch, ActionInput.version(body.get("version")));
        boolean clearDue = body.containsKey("due") && body.get("due") == null;
        boolean clearReview = body.containsKey("review") && body.get("review") == null;
        DueDate due = ActionInput.due("due", text("due", body.get("due")));
        Review review = ActionInput.review("review", ActionInput.ReviewRequest.from("review", body.get("review")),
                due != null ? due : clearDue ? null : actions.get(id).value().due());
        ActionEdit edit = new ActionEdit(text("themeId", body.get("themeId")), text("outcomeId", body.get("outcomeId")),
                text("reference", body.get("reference")), text("text", body.get("text")), null, due, clearDue,
                review, clearReview, ActionInput.measures("measures", body.get("measures")), text("status", body.get("status")),
                ActionInput.rag("rag", text("rag", body.get("rag"))),
                texts("deliversOutcomes", body.get("deliversOutcomes")));
        return changed(actions.edit(id, version, edit, texts("leads", body.get("leads")), actor(user, body)));
    }

    @PutMapping("/{id}/due-date")
    ResponseEntity<ActionResponse> changeDueDate(@PathVariable String id, @RequestBody Map<String, Object> body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = USER_HEADER, required = false) String user) {
        return changeOne(id, body, ifMatch, user, "due",
                value -> ActionEdit.dueDate(ActionInput.due("due", text("due", value))), null);
    }

    @PutMapping("/{id}/rag")
    ResponseEntity<ActionResponse> changeRag(@PathVariable String id, @RequestBody Map<String, Object> body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = USER_HEADER, required = false) String user) {
        return changeOne(id, body, ifMatch, user, "rag", value -> ActionEdit.rag(ActionInput.rag("rag", text("rag", value))),
                null);
    }

    @PutMapping("/{id}/status")
    ResponseEntity<ActionResponse> changeStatus(@PathVariable String id, @RequestBody Map<String, Object> body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = USER_HEADER, required = false) String user) {
        return changeOne(id, body, ifMatch, user, "status", value -> ActionEdit.status(text("status", value)), null);
    }

    @PutMapping("/{id}/leads")
    ResponseEntity<ActionResponse> changeLeads(@PathVariable String id, @RequestBody Map<String, Object> body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = USER_HEADER, required = false) String user) {
        return changeOne(id, body, ifMatch, user, "leads", value -> ActionEdit.leads(null), texts("leads", body.get("leads")));
    }

    /** One part of an action changed with an optional reason: {@code {"<field>": ..., "reason": ...}}. */
    private ResponseEntity<ActionResponse> changeOne(String id, Map<String, Object> body, String ifMatch, String user,
                                                     String field, Function<Object, ActionEdit> edit,
                                                     List<String> leadRefs) {
        only(body, Set.of(field, "reason", "version"));
        long version = RequestVersion.required(ifMatch, ActionInput.version(body.get("version")));
        ActionEdit change = edit.apply(required(field, body.get(field)));
        return changed(actions.edit(id, version, change, leadRefs, actor(user, body)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestHeader(value = USER_HEADER, required = false) String user,
                                @RequestParam(required = false) String reason) {
        actions.delete(id, RequestVersion.required(ifMatch, null), new ActionService.Actor(who(user), reason));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id) {
        return actions.history(id);
    }

    private ResponseEntity<ActionResponse> changed(Versioned<Action> action) {
        return ResponseEntity.ok().eTag(RequestVersion.etag(action.version())).body(render(action));
    }

    private ActionResponse render(Versioned<Action> action) {
        return responses.one(action.value(), action.version());
    }

    /**
     * Reads {@code sort=due,desc&sort=reference}: Spring hands the comma-separated parts over as separate values, so
     * a direction applies to the field before it.
     */
    private static Sort sort(List<String> terms) {
        List<Sort.Order> orders = new java.util.ArrayList<>();
        for (String raw : terms) {
            String term = raw.strip();
            if (term.equalsIgnoreCase("asc") || term.equalsIgnoreCase("desc")) {
                if (orders.isEmpty()) {
                    throw new InvalidFieldException("sort", "'" + term + "' needs a field before it, as in due,desc");
                }
                Sort.Order last = orders.remove(orders.size() - 1);
                orders.add(term.equalsIgnoreCase("desc") ? last.with(Sort.Direction.DESC) : last.with(Sort.Direction.ASC));
                continue;
            }
            String path = SORTABLE.get(term);
            if (path == null) {
                throw new InvalidFieldException("sort", "'" + term + "' is not sortable; use one of "
                        + SORTABLE.keySet());
            }
            orders.add(Sort.Order.asc(path));
        }
        orders.add(Sort.Order.asc("_id"));
        return Sort.by(orders);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    private static void only(Map<String, Object> body, Set<String> allowed) {
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidFieldException(key, "is not a field this request accepts; it accepts "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static ActionService.Actor actor(String user, Map<String, Object> body) {
        return new ActionService.Actor(who(user), InvalidFieldException.limit("reason", text("reason", body.get("reason")),
                Action.MAX_TEXT));
    }

    static String who(String user) {
        return user == null || user.isBlank() ? "anonymous" : user.strip();
    }
}
