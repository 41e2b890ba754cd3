package org.planwatch.plan.lead;

/**
 * What the directory must know of the actions that name leads, answered by the actions feature: the directory
 * sits below actions and never reads them itself.
 */
public interface LeadReferences {

    boolean anyActionLedBy(String leadId);
}
