/** Where plans are kept in MongoDB: one document per plan with its themes and outcomes. */
package org.planwatch.plan.actionplan.store;
