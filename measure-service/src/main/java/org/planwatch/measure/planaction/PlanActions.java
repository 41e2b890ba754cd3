package org.planwatch.measure.planaction;

import java.util.List;
import org.planwatch.measure.planaction.store.PlanActionStore;
import org.springframework.stereotype.Service;

/** The actions of a plan, as far as plan-service has announced them: what a plan's measures are found through. */
@Service
public class PlanActions {

    private final PlanActionStore store;

    PlanActions(PlanActionStore store) {
        this.store = store;
    }

    /** Keeps this copy of the action unless a later version of it is already kept. */
    public void heard(PlanAction action) {
        store.keepUnlessOlder(action);
    }

    /**
     * The actions still in the plan; with a {@code partnership}, only if the plan is that partnership's (none for
     * another partnership's plan).
     */
    public List<PlanAction> ofPlan(String planId, String partnership) {
        return store.ofPlan(planId, partnership);
    }
}
