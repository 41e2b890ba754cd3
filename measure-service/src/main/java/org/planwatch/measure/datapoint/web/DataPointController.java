package org.planwatch.measure.datapoint.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.planwatch.api.ProblemHandler;
import org.planwatch.caller.Caller;
import org.planwatch.measure.datapoint.DataPointIntake;
import org.planwatch.measure.datapoint.Intake;
import org.planwatch.measure.datapoint.Publisher;
import org.planwatch.measure.datapoint.Rejection;
import org.planwatch.measure.datapoint.Submission;
import org.planwatch.measure.datapoint.store.DataPointStore;
import org.planwatch.measure.definition.MeasureCatalogue;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Partner systems publish figures here (administrators too, to put one right by hand): one at a time, or up to
 * 10,000 in a batch under an {@code Idempotency-Key}. A figure sent again with the same id (or the same key and item)
 * is stored once; a figure for a period already held is a correction, kept as a new revision.
 *
 * <p>Bodies are read as JSON trees, not typed records, on purpose: each figure is judged on its own, so one bad item
 * is refused with its index and field while the rest are stored, where binding the batch to a type would refuse all
 * of it at the first bad value.
 */
@RestController
class DataPointController {

    static final int LARGEST_BATCH = 10_000;

    private final DataPointIntake intake;
    private final IdempotentRequests idempotency;
    private final MeasureCatalogue catalogue;
    private final DataPointStore dataPoints;

    DataPointController(DataPointIntake intake, IdempotentRequests idempotency, MeasureCatalogue catalogue,
                        DataPointStore dataPoints) {
        this.intake = intake;
        this.idempotency = idempotency;
        this.catalogue = catalogue;
        this.dataPoints = dataPoints;
    }

    record Outcome(int stored, int repeats, int rejected) {
    }

    record RevisionView(java.math.BigDecimal value, String source, String organisation, String id,
                        java.time.Instant producedAt, java.time.Instant receivedAt) {
    }

    record PeriodView(String period, java.math.BigDecimal value, List<RevisionView> revisions) {
    }

    record SeriesView(String measure, List<PeriodView> items) {
    }

    @Operation(summary = "A measure's figures, period by period, each with its revisions (ADMINISTRATOR of its"
            + " partnership, PARTNER that publishes it)")
    @GetMapping("/api/measures/{key}/data-points")
    SeriesView series(Caller caller, @PathVariable String key) {
        String measure = catalogue.visible(caller, key).key();
        return new SeriesView(measure, dataPoints.revisionsOf(measure).stream().map(p -> new PeriodView(
                p.period().toString(), p.current().value(), p.revisions().stream().map(r -> new RevisionView(r.value(),
                        r.source(), r.organisation(), r.eventId(), r.producedAt(), r.receivedAt())).toList())).toList());
    }

    @Operation(summary = "Publish one figure of a measure (PARTNER of a publishing organisation, ADMINISTRATOR)")
    @PostMapping("/api/measures/{key}/data-points")
    ResponseEntity<Object> publishOne(Caller caller, @PathVariable String key, @RequestBody JsonNode body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Publisher publisher = publisher(caller);
        String fallbackId = idempotencyKey == null ? UUID.randomUUID().toString()
                : "http:" + who(publisher) + ":" + idempotencyKey;
        if (body != null && body.isObject() && body.has("measure")) {
            throw new InvalidFieldException("measure", "is given by the path; leave it out of the body");
        }
        Submission submission = DataPointRequests.read(body, key, fallbackId);
        Intake result = intake.receive(List.of(submission), publisher, "HTTP", item -> "http:" + submission.eventId(),
                true);
        if (!result.rejected().isEmpty()) {
            Rejection refused = result.rejected().get(0);
            ProblemDetail problem = rejected(result, "The data point was refused", refused.field() + ": "
                    + refused.reason());
            problem.setProperty("field", refused.field());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
        }
        return ResponseEntity.status(result.stored() == 1 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Outcome(result.stored(), result.repeats(), 0));
    }

    @Operation(summary = "Publish up to 10,000 figures at once under an Idempotency-Key (PARTNER, ADMINISTRATOR);"
            + " valid items are stored even when others are refused")
    @PostMapping("/api/measures/data-points")
    ResponseEntity<Object> publishBatch(Caller caller, @RequestBody JsonNode body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new InvalidFieldException("Idempotency-Key", "a key of 1 to 200 characters is required, so that"
                    + " a batch sent again after a lost answer is stored once");
        }
        JsonNode items = body == null ? null : body.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidFieldException("items", "must be a list of data points");
        }
        if (items.size() > LARGEST_BATCH) {
            throw new InvalidFieldException("items", "at most " + LARGEST_BATCH + " data points in one batch; this"
                    + " has " + items.size());
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("items")) {
                throw new InvalidFieldException(name, "is not a field of a batch; it has [items]");
            }
        }
        Publisher publisher = publisher(caller);
        String scope = "http:" + who(publisher) + ":" + key;
        return idempotency.once(scope, body, () -> {
            List<Submission> batch = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                batch.add(DataPointRequests.read(items.get(i), null, scope + ":" + i));
            }
            Intake result = intake.receive(batch, publisher, "HTTP", item -> scope + ":" + item, true);
            if (result.rejected().isEmpty()) {
                return ResponseEntity.ok(new Outcome(result.stored(), result.repeats(), 0));
            }
            ProblemDetail problem = rejected(result, "Some data points were refused", result.rejected().size()
                    + " of " + items.size() + " data points were refused; the other " + (items.size()
                    - result.rejected().size()) + " were taken in. Correct the refused items and send them again.");
            Rejection first = result.rejected().get(0);
            problem.setProperty("field", "items[" + first.item() + "]." + first.field());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
        });
    }

    private static ProblemDetail rejected(Intake result, String title, String detail) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "data-points-refused", title,
                detail);
        problem.setProperty("stored", result.stored());
        problem.setProperty("repeats", result.repeats());
        problem.setProperty("errors", result.rejected().stream().map(r -> new ItemError(r.item(), r.measure(),
                r.field(), r.reason())).toList());
        return problem;
    }

    record ItemError(int item, String measure, String field, String reason) {
    }

    private static Publisher publisher(Caller caller) {
        if (caller.isAdministrator()) {
            return Publisher.administrator(caller.partnership());
        }
        if (caller.organisation() == null) {
            throw new org.planwatch.problem.ForbiddenException("No organisation",
                    "this partner client's token names no organisation, so it may publish no measure");
        }
        // A partner system added by a partnership's administrator publishes for that partnership alone.
        return new Publisher(caller.organisation(), caller.partnership());
    }

    private static String who(Publisher publisher) {
        return publisher.organisation() != null ? "organisation/" + publisher.organisation()
                : "partnership/" + publisher.partnership();
    }
}
