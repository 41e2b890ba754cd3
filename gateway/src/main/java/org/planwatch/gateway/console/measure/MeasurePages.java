package org.planwatch.gateway.console.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwatch.gateway.console.ServiceCalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The partnership's measures: for each, measure-service's picture of its figures against the line to its target,
 * its latest status in words, and the same figures as a table for those who would rather read them.
 */
@Controller
class MeasurePages {

    static final Map<String, String> OUTLOOKS = Map.of("ON_TRACK", "On track", "AT_RISK", "At risk",
            "OFF_TRACK", "Off track", "NOT_JUDGED", "Not judged yet");

    private final ServiceCalls calls;

    MeasurePages(ServiceCalls calls) {
        this.calls = calls;
    }

    record Measure(String key, String name, String unit, String direction, List<Target> targets, String frequency,
                   List<String> actionIds, Status status) {

        public List<Target> targets() {
            return targets == null ? List.of() : targets;
        }

        public String outlook() {
            return status == null || status.outlook() == null ? "NOT_JUDGED" : status.outlook();
        }
    }

    record Target(BigDecimal value, LocalDate by) {
    }

    record Status(String outlook, Latest latest, BigDecimal projected, String projection, boolean stale,
                  LocalDate expectedBy, String reason) {
    }

    record Latest(BigDecimal value) {
    }

    record MeasureList(List<Measure> items) {
    }

    record Figure(String period, BigDecimal value) {
    }

    record Series(String measure, List<Figure> items) {
    }

    /** A measure with its figures, as its section of the page shows them. */
    record MeasureSection(Measure measure, List<Figure> figures) {

        public String description() {
            String latest = figures.isEmpty() ? "no figures yet"
                    : "latest " + figures.get(figures.size() - 1).value().stripTrailingZeros().toPlainString() + " for "
                    + figures.get(figures.size() - 1).period();
            String target = measure.targets().isEmpty() ? "no target"
                    : "target " + measure.targets().get(measure.targets().size() - 1).value().stripTrailingZeros()
                    .toPlainString() + " by " + measure.targets().get(measure.targets().size() - 1).by();
            return "Chart of " + measure.name() + ": " + OUTLOOKS.getOrDefault(measure.outlook(), measure.outlook())
                    + ", " + latest + ", " + target + ". The figures are in the table below the chart.";
        }
    }

    /** A plan, as far as this page names it. */
    record Plan(String id, String title) {
    }

    /** The partnership's measures, or with {@code planId} those the plan's actions report on. */
    @GetMapping("/console/measures")
    Mono<String> measures(@RequestParam(required = false) String planId, Model model) {
        Mono<Optional<Plan>> plan = planId == null ? Mono.just(Optional.empty())
                : calls.plans().get().uri("/api/plans/{id}", planId).retrieve().bodyToMono(Plan.class).map(Optional::of);
        Mono<MeasureList> list = planId == null
                ? calls.measures().get().uri("/api/measures").retrieve().bodyToMono(MeasureList.class)
                : calls.measures().get().uri("/api/measures?planId={id}", planId).retrieve()
                .bodyToMono(MeasureList.class);
        return plan.flatMap(found -> {
            model.addAttribute("plan", found.orElse(null));
            return sections(list, model);
        }).onErrorResume(ServiceCalls.refusedPage(model));
    }

    private Mono<String> sections(Mono<MeasureList> measures, Model model) {
        return measures
                .flatMapMany(list -> Flux.fromIterable(list.items()))
                .flatMapSequential(measure -> figures(measure.key())
                        .map(figures -> new MeasureSection(measure, figures)), 4)
                .collectList()
                .map(sections -> {
                    model.addAttribute("sections", sections.stream()
                            .sorted(Comparator.comparing(section -> section.measure().name())).toList());
                    model.addAttribute("outlooks", OUTLOOKS);
                    return "console/measures";
                });
    }

    /** The chart, fetched with the viewer's own rights, so the page needs no token in the browser. */
    @GetMapping(path = "/console/measures/{key}/chart.svg")
    @ResponseBody
    Mono<ResponseEntity<String>> chart(@PathVariable String key) {
        return calls.measures().get().uri("/api/measures/{key}/chart.svg", key).accept(MediaType.valueOf("image/svg+xml"))
                .retrieve().bodyToMono(String.class)
                .map(svg -> ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                        .body(svg))
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> Mono.just(
                        ResponseEntity.status(HttpStatus.valueOf(refusal.status())).<String>build())));
    }

    private Mono<List<Figure>> figures(String key) {
        return calls.measures().get().uri("/api/measures/{key}/data-points", key).retrieve()
                .bodyToMono(Series.class).map(series -> series.items() == null ? List.<Figure>of() : series.items());
    }
}
