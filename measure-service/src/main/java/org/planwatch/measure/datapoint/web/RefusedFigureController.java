package org.planwatch.measure.datapoint.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.planwatch.caller.Caller;
import org.planwatch.measure.datapoint.DataPointIntake;
import org.planwatch.measure.rejection.RejectedItem;
import org.planwatch.measure.rejection.Rejections;
import org.planwatch.measure.rejection.Replay;
import org.planwatch.problem.ConflictException;
import org.planwatch.problem.NotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator has a refused figure taken in again once its cause is put right: the measure now defined, the
 * partner now among its publishers, its frequency corrected. The refusal is named in the body, as its id holds the
 * slashes and spaces of the organisation and key it came under.
 */
@RestController
class RefusedFigureController {

    private final Rejections rejections;
    private final DataPointIntake intake;

    RefusedFigureController(Rejections rejections, DataPointIntake intake) {
        this.rejections = rejections;
        this.intake = intake;
    }

    record ReplayRequest(@NotBlank @Size(max = 1000) String id) {
    }

    record ReplayAnswer(String id, Replay.Outcome outcome, String reason) {
    }

    @Operation(summary = "Take a refused figure in again as it was sent (ADMINISTRATOR of its partnership); it is"
            + " STORED, ALREADY_STORED, or REFUSED_AGAIN with the reason")
    @PostMapping("/api/measures/rejections/replay")
    ReplayAnswer replay(Caller caller, @Valid @RequestBody ReplayRequest request) {
        RejectedItem refused = rejections.forAdministrator(caller, request.id())
                .orElseThrow(() -> new NotFoundException("refused figure", request.id()));
        if (!refused.replayable()) {
            throw new ConflictException("refused figure " + request.id() + " could not be read as a figure when it"
                    + " came (" + refused.reason() + "); the partner must send it again");
        }
        Replay replay = intake.takeInAgain(refused, caller.subject(), caller.partnership());
        return new ReplayAnswer(refused.id(), replay.outcome(), replay.reason());
    }
}
