package org.planwatch.measure.rejection.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.planwatch.caller.Caller;
import org.planwatch.measure.rejection.RefusedFigure;
import org.planwatch.measure.rejection.RejectedItem;
import org.planwatch.measure.rejection.Rejections;
import org.planwatch.measure.rejection.Replay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Refused figures, newest first: an administrator sees their partnership's, a partner system its own. */
@RestController
class RejectionController {

    private final Rejections rejections;

    RejectionController(Rejections rejections) {
        this.rejections = rejections;
    }

    record RejectionPage(List<RefusalView> items, int page, int size) {
    }

    /** A refusal, and whether an administrator can have it taken in again once its cause is put right. */
    record RefusalView(String id, Instant receivedAt, String channel, String organisation, String partnership,
                       String measure, int item, String field, String reason, String eventId, String sent,
                       RefusedFigure figure, boolean replayable, Replay replayed) {

        static RefusalView of(RejectedItem item) {
            return new RefusalView(item.id(), item.receivedAt(), item.channel(), item.organisation(),
                    item.partnership(), item.measure(), item.item(), item.field(), item.reason(), item.eventId(),
                    item.sent(), item.figure(), item.replayable(), item.replayed());
        }
    }

    @Operation(summary = "Refused data points with the reason (ADMINISTRATOR: the partnership's; PARTNER: its own)")
    @GetMapping("/api/measures/rejections")
    RejectionPage rejections(Caller caller, @RequestParam(required = false) String measure,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new RejectionPage(rejections.latest(caller, measure, page, size).stream().map(RefusalView::of)
                .toList(), page, size);
    }
}
