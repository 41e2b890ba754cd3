package org.planwatch.measure.rejection.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.planwatch.caller.Caller;
import org.planwatch.measure.rejection.RejectedItem;
import org.planwatch.measure.rejection.RejectionLog;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Refused figures, newest first: an administrator sees their partnership's, a partner system its own. */
@RestController
@Validated
class RejectionController {

    private final RejectionLog log;

    RejectionController(RejectionLog log) {
        this.log = log;
    }

    record RejectionPage(List<RejectedItem> items, int page, int size) {
    }

    @Operation(summary = "Refused data points with the reason (ADMINISTRATOR: the partnership's; PARTNER: its own)")
    @GetMapping("/api/measures/rejections")
    RejectionPage rejections(Caller caller, @RequestParam(required = false) String measure,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<RejectedItem> items = caller.isAdministrator()
                ? caller.partnership() == null ? List.of() : log.latest(caller.partnership(), null, measure, page, size)
                : caller.organisation() == null ? List.of() : log.latest(null, caller.organisation(), measure, page, size);
        return new RejectionPage(items, page, size);
    }
}
