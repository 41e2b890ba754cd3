/** The plans API: plans, their themes and their outcomes. */
package org.planwatch.plan.actionplan.web;
