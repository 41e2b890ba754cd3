/** Where the lead directory is kept in MongoDB. */
package org.planwatch.plan.lead.store;
