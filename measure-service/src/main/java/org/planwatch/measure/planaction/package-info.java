/**
 * Which plan each action is in, and which measures it names, as plan-service announces on plan.action.events: what
 * lets measure-service answer "the measures of a plan". A copy, never the truth: plan-service owns plans.
 */
package org.planwatch.measure.planaction;
