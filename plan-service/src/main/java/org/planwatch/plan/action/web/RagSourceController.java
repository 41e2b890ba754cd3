package org.planwatch.plan.action.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.planwatch.caller.Caller;
import org.planwatch.plan.action.ActionService;
import org.planwatch.plan.action.RagSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether an action's RAG rating follows its linked measures, and what they suggest. Administrators choose; leads
 * see the suggestion next to the rating they set.
 */
@RestController
class RagSourceController {

    private final ActionService actions;

    RagSourceController(ActionService actions) {
        this.actions = actions;
    }

    record RagSourceChange(@NotNull Boolean automatic) {
    }

    @Operation(summary = "What the action's linked measures suggest for its RAG rating, and whether it follows them"
            + " (ADMINISTRATOR, LEAD of the partnership)")
    @GetMapping("/api/actions/{id}/rag-from-measures")
    RagSource ragSource(Caller caller, @PathVariable String id) {
        return actions.ragSource(id, caller);
    }

    @Operation(summary = "Make the action's RAG rating follow its linked measures, or stop it (ADMINISTRATOR)")
    @PutMapping("/api/actions/{id}/rag-from-measures")
    RagSource follow(Caller caller, @PathVariable String id, @Valid @RequestBody RagSourceChange change) {
        return actions.setRagAutomatic(id, change.automatic(), caller);
    }
}
