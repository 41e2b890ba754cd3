package org.planwatch.gateway.console.action;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.planwatch.gateway.console.FieldProblem;
import org.planwatch.gateway.console.PlanServiceJson.Action;
import org.planwatch.gateway.console.PlanServiceJson.Change;
import org.planwatch.gateway.console.PlanServiceJson.Plan;
import org.planwatch.gateway.console.ServiceCalls;
import org.planwatch.gateway.console.ServiceCalls.Page;
import org.planwatch.gateway.console.ServiceCalls.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lead's actions (overdue, due within four weeks, the rest) and an action's page with its timeline, where its
 * leads and administrators report progress. Who may see or change an action is plan-service's decision: a page
 * only shows what it answered.
 */
@Controller
class ActionPages {

    static final int DUE_SOON_DAYS = 28;
    private static final ParameterizedTypeReference<Page<Action>> ACTIONS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Change>> CHANGES = new ParameterizedTypeReference<>() { };
    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private final ServiceCalls calls;
    private final JsonMapper json;
    private final ZoneId zone;

    ActionPages(ServiceCalls calls, JsonMapper json, @Value("${planwatch.console.zone:Europe/London}") ZoneId zone) {
        this.calls = calls;
        this.json = json;
        this.zone = zone;
    }

    /** One line of a lead's list: the action and where it sits in its plan. */
    record ActionLine(Action action, String planTitle, String theme, String outcome, Change lastChange) {
    }

    /** A heading of the lead's list and the actions under it. */
    record Group(String id, String heading, List<ActionLine> lines) {
    }

    @GetMapping("/console/my-actions")
    Mono<String> myActions(Model model) {
        LocalDate today = LocalDate.now(zone);
        Predicate<ActionLine> dueSoon = line -> !line.action().overdue() && line.action().dueDate()
                .map(due -> !due.isAfter(today.plusDays(DUE_SOON_DAYS))).orElse(false);
        return calls.plans().get().uri("/api/actions?mine=true&size=500&sort=due").retrieve().bodyToMono(ACTIONS)
                .flatMap(page -> lines(page.items()))
                .map(lines -> {
                    List<ActionLine> overdue = lines.stream().filter(line -> line.action().overdue()).toList();
                    List<ActionLine> soon = lines.stream().filter(dueSoon).toList();
                    model.addAttribute("overdue", overdue);
                    model.addAttribute("dueSoon", soon);
                    model.addAttribute("groups", List.of(new Group("overdue", "Overdue", overdue),
                            new Group("due-soon", "Due within " + DUE_SOON_DAYS + " days", soon),
                            new Group("later", "Later or without a due date", lines.stream()
                                    .filter(line -> !line.action().overdue() && !dueSoon.test(line)).toList())));
                    model.addAttribute("total", lines.size());
                    model.addAttribute("dueSoonDays", DUE_SOON_DAYS);
                    return "console/my-actions";
                });
    }

    private Mono<List<ActionLine>> lines(List<Action> actions) {
        Mono<Map<String, Plan>> plans = Flux.fromStream(actions.stream().map(Action::planId).distinct())
                .flatMap(this::plan, 4).collectMap(Plan::id);
        Mono<Map<String, Change>> lastChanges = Flux.fromIterable(actions)
                .flatMap(action -> history(action.id()).filter(changes -> !changes.isEmpty())
                        .map(changes -> Map.entry(action.id(), changes.get(changes.size() - 1))), 8)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(plans, lastChanges).map(found -> actions.stream()
                .map(action -> line(action, found.getT1().get(action.planId()), found.getT2().get(action.id())))
                .toList());
    }

    private static ActionLine line(Action action, Plan plan, Change lastChange) {
        return new ActionLine(action, plan == null ? "" : plan.title(),
                plan == null ? null : plan.theme(action.themeId()).map(theme -> theme.name()).orElse(null),
                plan == null ? null : plan.outcome(action.outcomeId()).map(outcome -> outcome.label()).orElse(null),
                lastChange);
    }

    @GetMapping("/console/actions/{id}")
    Mono<String> action(@PathVariable String id, @RequestParam(defaultValue = "false") boolean updated, Model model) {
        model.addAttribute("updated", updated);
        return action(id).flatMap(action -> page(action, ActionUpdate.of(action), model))
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    @PostMapping("/console/actions/{id}")
    Mono<String> update(@PathVariable String id, @ModelAttribute("update") ActionUpdate update, Model model) {
        List<FieldProblem> problems = update.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return action(id).flatMap(action -> page(action, update, model));
        }
        Map<String, Object> patch = update.patch();
        if (patch.isEmpty()) {
            return Mono.just("redirect:/console/actions/" + id);
        }
        return calls.plans().patch().uri("/api/actions/{id}", id).contentType(MERGE_PATCH)
                .header("If-Match", "\"" + update.version() + "\"").bodyValue(patch)
                .retrieve().toBodilessEntity()
                .thenReturn("redirect:/console/actions/" + id + "?updated=true")
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> notChanged(id, update, refusal, model)));
    }

    private Mono<String> notChanged(String id, ActionUpdate update, Refusal refusal, Model model) {
        if (refusal.is(HttpStatus.PRECONDITION_FAILED) && refusal.body().get("current") != null) {
            Action current = json.convertValue(refusal.body().get("current"), Action.class);
            model.addAttribute("changedMeanwhile", ActionUpdate.changedMeanwhile(update, current));
            return page(current, update.rebasedOn(current), model);
        }
        if (refusal.is(HttpStatus.BAD_REQUEST) && !refusal.errors().isEmpty()) {
            model.addAttribute("problems", refusal.errors().stream()
                    .map(error -> new FieldProblem(formField(error.field()), sentence(error.reason())))
                    .toList());
            return action(id).flatMap(action -> page(action, update, model));
        }
        return ServiceCalls.refused(refusal, model);
    }

    private Mono<String> page(Action action, ActionUpdate form, Model model) {
        return Mono.zip(plan(action.planId()), history(action.id())).map(found -> {
            model.addAttribute("line", line(action, found.getT1(), null));
            model.addAttribute("timeline", found.getT2().stream()
                    .sorted(Comparator.comparing(Change::version).thenComparing(Change::at).reversed()).toList());
            model.addAttribute("update", form);
            model.addAttribute("rags", ActionUpdate.RAGS);
            model.addAttribute("ragNames", Map.of("NOT_STARTED", "Not started", "GREEN", "Green", "AMBER", "Amber",
                    "RED", "Red", "COMPLETE", "Complete"));
            return "console/action";
        });
    }

    private Mono<Action> action(String id) {
        return calls.plans().get().uri("/api/actions/{id}", id).retrieve().bodyToMono(Action.class);
    }

    private Mono<Plan> plan(String id) {
        return calls.plans().get().uri("/api/plans/{id}", id).retrieve().bodyToMono(Plan.class);
    }

    private Mono<List<Change>> history(String actionId) {
        return calls.plans().get().uri("/api/actions/{id}/history", actionId).retrieve().bodyToMono(CHANGES);
    }

    private static String formField(String apiField) {
        return apiField == null ? "status" : switch (apiField) {
            case "due", "rag", "status", "reason" -> apiField;
            default -> "status";
        };
    }

    private static String sentence(String reason) {
        return reason == null || reason.isEmpty() ? "Check this answer"
                : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
