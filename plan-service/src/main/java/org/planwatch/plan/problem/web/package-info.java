/** Turns every refusal into an RFC 9457 problem+json response naming the field and the reason. */
package org.planwatch.plan.problem.web;
