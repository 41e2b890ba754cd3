package org.planwatch.measure.progress.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.planwatch.caller.Caller;
import org.planwatch.measure.definition.Baseline;
import org.planwatch.measure.definition.Contact;
import org.planwatch.measure.definition.Direction;
import org.planwatch.measure.definition.Frequency;
import org.planwatch.measure.definition.MeasureCatalogue;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.Target;
import org.planwatch.measure.definition.Unit;
import org.planwatch.measure.planaction.PlanAction;
import org.planwatch.measure.planaction.PlanActions;
import org.planwatch.measure.progress.ChartPng;
import org.planwatch.measure.progress.Judgement;
import org.planwatch.measure.progress.MeasureStatus;
import org.planwatch.measure.progress.ProgressChart;
import org.planwatch.measure.progress.ProgressService;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measures with their progress: administrators define them for their partnership; partners read the ones they
 * publish. Each answer shows the measure as judged after the change.
 */
@RestController
class MeasureController {

    private static final Set<String> RESERVED = Set.of("data-points", "rejections");
    private final MeasureCatalogue catalogue;
    private final ProgressService progress;
    private final PlanActions planActions;

    MeasureController(MeasureCatalogue catalogue, ProgressService progress, PlanActions planActions) {
        this.catalogue = catalogue;
        this.progress = progress;
        this.planActions = planActions;
    }

    record BaselineInput(BigDecimal value, LocalDate date) {
    }

    record TargetInput(BigDecimal value, LocalDate by) {
    }

    record ContactInput(String name, String email) {
    }

    record MeasureInput(String key, String name, String unit, String direction, BaselineInput baseline,
                        List<TargetInput> targets, String frequency, List<String> publishers, List<String> actionIds,
                        ContactInput contact) {
    }

    record MeasureView(String key, String name, Unit unit, Direction direction, Baseline baseline,
                       List<Target> targets, Frequency frequency, List<String> publishers, String partnership,
                       List<String> actionIds, Contact contact, long version, Judgement status) {

        static MeasureView of(MeasureStatus stored) {
            MeasureDefinition d = stored.definition();
            return new MeasureView(d.key(), d.name(), d.unit(), d.direction(), d.baseline(), d.targets(),
                    d.frequency(), d.publishers().stream().sorted().toList(), d.partnership(),
                    d.actionIds().stream().sorted().toList(), d.contact(), stored.version(), stored.judgement());
        }
    }

    record MeasureList(List<MeasureView> items) {
    }

    @Operation(summary = "Define a measure of the caller's partnership (ADMINISTRATOR)")
    @PostMapping("/api/measures")
    ResponseEntity<MeasureView> define(Caller caller, @RequestBody MeasureInput input) {
        MeasureDefinition defined = definition(input, input.key(), caller.partnership());
        catalogue.define(defined);
        progress.judgeAgain(defined.key());
        MeasureStatus stored = progress.status(defined.key());
        return ResponseEntity.created(URI.create("/api/measures/" + stored.key()))
                .eTag("\"" + stored.version() + "\"").body(MeasureView.of(stored));
    }

    @Operation(summary = "Change a measure's definition, at the version read (ADMINISTRATOR of its partnership)")
    @PutMapping("/api/measures/{key}")
    ResponseEntity<MeasureView> redefine(Caller caller, @PathVariable String key, @RequestBody MeasureInput input,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (input.key() != null && !input.key().equals(key)) {
            throw new InvalidFieldException("key", "a measure's key cannot change; define a new measure instead");
        }
        MeasureDefinition current = catalogue.visible(caller, key);
        catalogue.redefine(caller, definition(input, current.key(), current.partnership()), version(ifMatch));
        progress.redefined(current.key());
        MeasureStatus stored = progress.status(current.key());
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(MeasureView.of(stored));
    }

    @Operation(summary = "A measure with its latest status (ADMINISTRATOR of its partnership, PARTNER that publishes it)")
    @GetMapping("/api/measures/{key}")
    ResponseEntity<MeasureView> one(Caller caller, @PathVariable String key) {
        MeasureStatus stored = progress.status(catalogue.visible(caller, key).key());
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(MeasureView.of(stored));
    }

    @Operation(summary = "A measure's progress as an SVG picture: its figures, the line from baseline to target, the"
            + " trend and the target (ADMINISTRATOR of its partnership, PARTNER that publishes it)")
    @GetMapping(path = "/api/measures/{key}/chart.svg", produces = "image/svg+xml")
    ResponseEntity<String> chart(Caller caller, @PathVariable String key) {
        MeasureStatus stored = progress.status(catalogue.visible(caller, key).key());
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(ProgressChart.svg(stored.definition(), progress.series(stored.key()), stored.judgement()));
    }

    @Operation(summary = "A measure's progress as a PNG picture, the same as the SVG one, for email and documents"
            + " (ADMINISTRATOR of its partnership, PARTNER that publishes it)")
    @GetMapping(path = "/api/measures/{key}/chart.png", produces = "image/png")
    ResponseEntity<byte[]> chartPng(Caller caller, @PathVariable String key) {
        MeasureStatus stored = progress.status(catalogue.visible(caller, key).key());
        String svg = ProgressChart.svg(stored.definition(), progress.series(stored.key()), stored.judgement());
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_PNG)
                .body(ChartPng.of(svg, 2));
    }

    @Operation(summary = "Measures with their latest status: the partnership's (ADMINISTRATOR) or those the caller"
            + " publishes (PARTNER); actionId keeps those evidencing one action, planId those evidencing any action of"
            + " a plan (linked from the measure's actionIds or from an action's measureId)")
    @GetMapping("/api/measures")
    MeasureList list(Caller caller, @RequestParam(required = false) @Size(max = 200) String actionId,
                     @RequestParam(required = false) @Size(max = 200) String planId) {
        List<MeasureDefinition> found = catalogue.list(caller, actionId);
        if (planId != null) {
            found = ofPlan(caller, planId, found);
        }
        List<String> keys = found.stream().map(MeasureDefinition::key).toList();
        return new MeasureList(progress.statuses(keys).stream().map(MeasureView::of).toList());
    }

    /** Those of {@code measures} that an action of the plan reports on, in the plan's own partnership. */
    private List<MeasureDefinition> ofPlan(Caller caller, String planId, List<MeasureDefinition> measures) {
        String partnership = caller.isAdministrator() ? caller.partnership() : null;
        if (caller.isAdministrator() && partnership == null) {
            return List.of();
        }
        List<PlanAction> actions = planActions.ofPlan(planId, partnership);
        return measures.stream().filter(measure -> actions.stream().anyMatch(action ->
                measure.partnership().equalsIgnoreCase(String.valueOf(action.partnership()))
                        && (measure.actionIds().contains(action.actionId())
                        || action.measureIds().contains(measure.key())))).toList();
    }

    private static MeasureDefinition definition(MeasureInput input, String key, String partnership) {
        if (key != null && RESERVED.contains(key)) {
            throw new InvalidFieldException("key", "'" + key + "' is a word the API uses; choose another key");
        }
        BaselineInput baseline = input.baseline();
        return new MeasureDefinition(key, input.name(), InvalidFieldException.oneOf("unit", Unit.class, input.unit()),
                InvalidFieldException.oneOf("direction", Direction.class, input.direction()),
                baseline == null ? null : new Baseline(baseline.value(), baseline.date()),
                input.targets() == null ? null : input.targets().stream().map(t -> t == null ? null
                        : new Target(t.value(), t.by())).toList(),
                InvalidFieldException.oneOf("frequency", Frequency.class, input.frequency()),
                input.publishers() == null ? null : new java.util.HashSet<>(input.publishers()), partnership,
                input.actionIds() == null ? null : new java.util.HashSet<>(input.actionIds()),
                input.contact() == null ? null : new Contact(input.contact().name(), input.contact().email()));
    }

    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidFieldException("If-Match", "send the version you read (its ETag), so that a change"
                    + " made meanwhile is not overwritten");
        }
        try {
            return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "'" + ifMatch + "' is not a version this service gave");
        }
    }
}
