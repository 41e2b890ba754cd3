/** The copy of plan-service's actions, one document per action. */
package org.planwatch.measure.planaction.store;
