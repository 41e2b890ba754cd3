/** A plan's frame: its title, partnership, period, owner, and the themes and numbered outcomes actions sit under. */
package org.planwatch.plan.actionplan;
