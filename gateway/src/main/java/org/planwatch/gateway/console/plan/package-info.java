/** A plan laid out as its document is: themes, numbered outcomes and their actions, with filters and exports. */
package org.planwatch.gateway.console.plan;
