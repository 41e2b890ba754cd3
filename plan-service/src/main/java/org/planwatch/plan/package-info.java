/** plan-service: owns action plans, their themes, outcomes and actions, the lead directory, and history. */
package org.planwatch.plan;
