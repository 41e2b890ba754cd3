package org.planwatch.gateway.console.plan;

import java.util.List;
import java.util.stream.Stream;
import org.planwatch.gateway.console.PlanServiceJson.Action;
import org.planwatch.gateway.console.PlanServiceJson.Plan;
import org.planwatch.gateway.console.ServiceCalls.Page;
import org.planwatch.gateway.console.ServiceCalls;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The plans a viewer may read, and one plan as its document lays it out. */
@Controller
class PlanPages {

    private static final ParameterizedTypeReference<Page<Plan>> PLANS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Page<Action>> ACTIONS = new ParameterizedTypeReference<>() { };
    private static final int PAGE = 500;

    private final ServiceCalls calls;

    PlanPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/console/plans")
    Mono<String> plans(Model model) {
        return calls.plans().get().uri("/api/plans?size=500").retrieve().bodyToMono(PLANS).map(page -> {
            model.addAttribute("plans", page.items());
            return "console/plans";
        });
    }

    @GetMapping("/console/plans/{id}")
    Mono<String> plan(@PathVariable String id, @RequestParam(required = false) String lead,
                      @RequestParam(required = false) String rag, @RequestParam(required = false) boolean overdue,
                      @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "false") boolean imported, Model model) {
        model.addAttribute("imported", imported);
        PlanLayout.Filters filters = new PlanLayout.Filters(lead, rag, overdue, q);
        return calls.plans().get().uri("/api/plans/{id}", id).retrieve().bodyToMono(Plan.class)
                .zipWith(actions(id, 0))
                .map(found -> {
                    model.addAttribute("plan", found.getT1());
                    model.addAttribute("layout", PlanLayout.of(found.getT1(), found.getT2(), filters));
                    model.addAttribute("leads", PlanLayout.leadsOf(found.getT2()));
                    model.addAttribute("filters", filters);
                    return "console/plan";
                })
                .onErrorResume(ServiceCalls.refusedPage(model));
    }

    /** Every action of the plan, a page at a time. */
    private Mono<List<Action>> actions(String planId, int page) {
        return calls.plans().get().uri("/api/actions?planId={id}&size={size}&page={page}&sort=reference",
                        planId, PAGE, page).retrieve().bodyToMono(ACTIONS)
                .flatMap(found -> found.items().size() < PAGE ? Mono.just(found.items())
                        : actions(planId, page + 1).map(rest -> concat(found.items(), rest)));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
