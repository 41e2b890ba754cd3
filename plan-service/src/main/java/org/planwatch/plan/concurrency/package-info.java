/** Versions and optimistic concurrency: every change names the version it was based on, or is refused. */
package org.planwatch.plan.concurrency;
