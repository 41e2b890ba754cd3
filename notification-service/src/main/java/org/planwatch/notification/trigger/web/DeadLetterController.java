package org.planwatch.notification.trigger.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.planwatch.caller.Caller;
import org.planwatch.notification.trigger.messaging.DeadLetters;
import org.planwatch.notification.trigger.messaging.DeadLetters.DeadLetter;
import org.planwatch.problem.ConflictException;
import org.planwatch.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan events this service could not process, for administrators to see and replay once the cause is fixed. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record DeadLetterList(String topic, List<DeadLetter> items) {
    }

    @Operation(summary = "The newest dead-lettered plan events about the caller's partnership's plans (and those too"
            + " damaged to say whose), why each failed and whether it was replayed (ADMINISTRATOR)")
    @GetMapping("/api/notifications/dead-letters")
    DeadLetterList list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, Caller caller) {
        return new DeadLetterList(deadLetters.topic(), deadLetters.newest(limit).stream()
                .filter(letter -> letter.shownTo(caller)).toList());
    }

    @Operation(summary = "Process a dead-lettered plan event again (ADMINISTRATOR); its emails go out once, however"
            + " often it is replayed")
    @PostMapping("/api/notifications/dead-letters/{id}/replay")
    DeadLetter replay(@PathVariable String id, Caller caller) {
        try {
            return deadLetters.replay(id, caller)
                    .orElseThrow(() -> new NotFoundException("dead letter", id));
        } catch (DeadLetters.StillFailingException e) {
            throw new ConflictException("dead letter " + id + ": " + e.getMessage());
        }
    }
}
