/** plan-service's topic plan.action.events, read for which plan each action is in and which measures it names. */
package org.planwatch.measure.planaction.messaging;
