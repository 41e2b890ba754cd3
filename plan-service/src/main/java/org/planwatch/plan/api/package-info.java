/**
 * What every part of the HTTP API shares and no feature owns: problem+json for every refusal, versions read from
 * If-Match and written as ETags, and one shape for a page of results. Features use it; it uses no feature.
 */
package org.planwatch.plan.api;
