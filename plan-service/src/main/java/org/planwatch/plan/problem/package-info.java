/** What the API refuses and why: invalid fields, unknown ids, stale versions, each reported as problem+json. */
package org.planwatch.plan.problem;
