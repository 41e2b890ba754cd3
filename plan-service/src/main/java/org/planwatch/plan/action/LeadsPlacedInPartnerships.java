package org.planwatch.plan.action;

import org.planwatch.plan.action.store.ActionStore;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.plan.lead.LeadDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Leads stored before each partnership kept its own directory belong to the partnership whose plan they lead; found
 * once at start-up, by every replica alike (placing a lead is a conditional write, so two replicas agree). A lead
 * that leads nothing is left out of every directory and logged, for an administrator to add again.
 */
@Component
class LeadsPlacedInPartnerships {

    private static final Logger log = LoggerFactory.getLogger(LeadsPlacedInPartnerships.class);

    private final LeadDirectory leads;
    private final ActionStore actions;
    private final PlanService plans;

    LeadsPlacedInPartnerships(LeadDirectory leads, ActionStore actions, PlanService plans) {
        this.leads = leads;
        this.actions = actions;
        this.plans = plans;
    }

    @EventListener(ApplicationReadyEvent.class)
    void placeLeadsStoredWithoutAPartnership() {
        for (String lead : leads.withoutPartnership()) {
            actions.planOfAnActionLedBy(lead).flatMap(plans::find).map(plan -> plan.value().partnership())
                    .ifPresentOrElse(partnership -> leads.placeInPartnership(lead, partnership),
                            () -> log.warn("Lead {} leads no action and belongs to no partnership's directory: an "
                                    + "administrator should add it again", lead));
        }
    }
}
