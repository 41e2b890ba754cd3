package org.planwatch.plan.actionplan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.planwatch.caller.Caller;
import org.planwatch.plan.actionplan.Contact;
import org.planwatch.plan.actionplan.Plan;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.plan.api.ApiProblems;
import org.planwatch.plan.api.PageView;
import org.planwatch.plan.api.RequestVersion;
import org.planwatch.plan.concurrency.StaleVersionException;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.problem.NotFoundException;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans over HTTP. Changing a plan's details or deleting it needs its version; adding or changing a theme or
 * outcome takes an optional If-Match, since it only touches that part.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    record OwnerRequest(String name, String email) {
        Contact contact() {
            return new Contact(name, email);
        }
    }

    record PlanRequest(String title, String partnership, String period, OwnerRequest owner,
                       List<PlanService.NewTheme> themes, Long version) {
    }

    @PostMapping
    ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest request, Caller caller) {
        if (request.version() != null) {
            throw new InvalidFieldException("version", "is given by the service; leave it out when creating");
        }
        Versioned<Plan> plan = plans.create(new PlanService.NewPlan(request.title(), request.partnership(),
                request.period(), owner(request.owner()), request.themes()), caller);
        return ResponseEntity.created(URI.create("/api/plans/" + plan.value().id()))
                .eTag(RequestVersion.etag(plan.version())).body(render(plan));
    }

    @GetMapping
    PageView<PlanResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return PageView.of(plans.list(caller, PageRequest.of(page, size, Sort.by("plan.title", "_id"))),
                found -> found.stream().map(PlanController::render).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<PlanResponse> get(@PathVariable String id, Caller caller) {
        return respond(plans.get(id, caller));
    }

    @PutMapping("/{id}")
    ResponseEntity<PlanResponse> update(@PathVariable String id, @Valid @RequestBody PlanRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Caller caller) {
        if (request.themes() != null) {
            throw new InvalidFieldException("themes", "change themes through /api/plans/{id}/themes");
        }
        long version = RequestVersion.required(ifMatch, request.version());
        return respond(plans.updateDetails(id, version, request.title(), request.partnership(), request.period(),
                owner(request.owner()), caller));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) String reason, Caller caller) {
        plans.get(id, caller);
        plans.delete(id, RequestVersion.required(ifMatch, null), caller.subject(), reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/themes")
    ResponseEntity<PlanResponse> addTheme(@PathVariable String id, @Valid @RequestBody PlanService.NewTheme theme,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          Caller caller) {
        plans.get(id, caller);
        return respond(HttpStatus.CREATED, plans.addTheme(id, RequestVersion.optional(ifMatch, null), theme));
    }

    /** {@code {"name": "RECOGNITION", "position": 1}}: either or both. */
    record ThemeChange(String name, Integer position) {
    }

    @PutMapping("/{id}/themes/{themeId}")
    ResponseEntity<PlanResponse> changeTheme(@PathVariable String id, @PathVariable String themeId,
            @Valid @RequestBody ThemeChange change,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        plans.get(id, caller);
        return respond(plans.changeTheme(id, RequestVersion.optional(ifMatch, null), themeId, change.name(),
                change.position()));
    }

    @DeleteMapping("/{id}/themes/{themeId}")
    ResponseEntity<PlanResponse> removeTheme(@PathVariable String id, @PathVariable String themeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        plans.get(id, caller);
        return respond(plans.removeTheme(id, RequestVersion.optional(ifMatch, null), themeId));
    }

    @PostMapping("/{id}/themes/{themeId}/outcomes")
    ResponseEntity<PlanResponse> addOutcome(@PathVariable String id, @PathVariable String themeId,
            @Valid @RequestBody PlanService.NewOutcome outcome,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        plans.get(id, caller).value().theme(themeId).orElseThrow(() ->
                new NotFoundException("theme", themeId));
        return respond(HttpStatus.CREATED, plans.putOutcome(id, RequestVersion.optional(ifMatch, null), themeId, null,
                outcome));
    }

    @PutMapping("/{id}/themes/{themeId}/outcomes/{outcomeId}")
    ResponseEntity<PlanResponse> updateOutcome(@PathVariable String id, @PathVariable String themeId,
            @PathVariable String outcomeId, @Valid @RequestBody PlanService.NewOutcome outcome,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Plan plan = plans.get(id, caller).value();
        plan.theme(themeId).flatMap(t -> t.outcome(outcomeId)).orElseThrow(() ->
                new NotFoundException("outcome", outcomeId));
        return respond(plans.putOutcome(id, RequestVersion.optional(ifMatch, null), themeId, outcomeId, outcome));
    }

    @DeleteMapping("/{id}/themes/{themeId}/outcomes/{outcomeId}")
    ResponseEntity<PlanResponse> removeOutcome(@PathVariable String id, @PathVariable String themeId,
            @PathVariable String outcomeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        plans.get(id, caller);
        return respond(plans.removeOutcome(id, RequestVersion.optional(ifMatch, null), themeId, outcomeId));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return ApiProblems.stale(e, e.current(Plan.class).map(PlanController::render).orElse(null));
    }

    private static Contact owner(OwnerRequest owner) {
        if (owner == null) {
            throw new InvalidFieldException("owner", "a plan needs an owner with a name and an email");
        }
        return owner.contact();
    }

    private static ResponseEntity<PlanResponse> respond(Versioned<Plan> plan) {
        return respond(HttpStatus.OK, plan);
    }

    private static ResponseEntity<PlanResponse> respond(HttpStatus status, Versioned<Plan> plan) {
        return ResponseEntity.status(status).eTag(RequestVersion.etag(plan.version())).body(render(plan));
    }

    private static PlanResponse render(Versioned<Plan> plan) {
        return PlanResponse.from(plan.value(), plan.version());
    }
}
