package org.planwatch.plan.action.messaging;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.planwatch.plan.action.ActionService;
import org.planwatch.plan.actionplan.PlanService;
import org.planwatch.plan.concurrency.Versioned;
import org.planwatch.plan.lead.Lead;
import org.planwatch.plan.lead.LeadDirectory;
import org.planwatch.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When a plan is renamed, gets a new owner or has a theme or outcome reworded, or a lead's name or email is
 * corrected, every action concerned publishes a context-changed event, so that consumers' copies (the plan title in
 * a reminder, the address it goes to) follow. Plans and leads carry a flag set in the same write as their change and
 * cleared once their actions are told, so a crash in between only tells them twice.
 */
@Component
public class ActionContextRefresh {

    private static final Logger log = LoggerFactory.getLogger(ActionContextRefresh.class);
    private final PlanService plans;
    private final LeadDirectory leads;
    private final ActionService actions;

    ActionContextRefresh(PlanService plans, LeadDirectory leads, ActionService actions) {
        this.plans = plans;
        this.leads = leads;
        this.actions = actions;
    }

    @Scheduled(fixedDelayString = "${planwatch.context-refresh.poll-interval:1s}")
    // One replica at a time, or both would tell each action twice; telling a plan's actions takes well under a
    // second, so a replica killed while holding the lock delays the next refresh by at most 30 s.
    @SchedulerLock(name = "action-context-refresh", lockAtMostFor = "PT30S")
    public void tellActions() {
        for (var plan : plans.withActionsToTell()) {
            actions.inPlan(plan.value().id()).forEach(action -> tell(action.value().id(), "plan"));
            plans.actionsTold(plan.value().id(), plan.version());
        }
        for (Versioned<Lead> lead : leads.withActionsToTell()) {
            actions.idsLedBy(lead.value().id()).forEach(id -> tell(id, "leads"));
            leads.actionsTold(lead.value().id(), lead.version());
        }
    }

    private void tell(String actionId, String changedField) {
        try {
            actions.tellOfChangeAround(actionId, changedField);
        } catch (NotFoundException gone) {
            log.debug("Action {} went while being told of a change around it", actionId);
        }
    }
}
