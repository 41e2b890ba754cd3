package org.planwatch.plan.action;

import org.planwatch.plan.actionplan.PlanDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted plan takes its actions with it, each deleted as a user would, so its leads hear of it. */
@Component
class ActionsOfDeletedPlans {

    private final ActionService actions;

    ActionsOfDeletedPlans(ActionService actions) {
        this.actions = actions;
    }

    @EventListener
    void deleteActionsOf(PlanDeletion deletion) {
        ActionService.Actor actor = new ActionService.Actor(deletion.by(), deletion.reason());
        actions.inPlan(deletion.planId()).forEach(a -> actions.delete(a.value().id(), a.version(), actor));
    }
}
