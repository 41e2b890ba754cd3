/** Where actions are kept in MongoDB: one document per action holding its state, history and waiting events. */
package org.planwatch.plan.action.store;
