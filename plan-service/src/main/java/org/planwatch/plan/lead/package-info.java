/**
 * The lead directory: people and organisations who lead actions, with the aliases plans use for them, so that
 * "Carers Lead" or "NHS England" resolves to someone who can be emailed.
 */
package org.planwatch.plan.lead;
