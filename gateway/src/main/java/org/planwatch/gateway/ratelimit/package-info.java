/** How often each caller may call each route: token buckets, 429 with Retry-After when one runs dry. */
package org.planwatch.gateway.ratelimit;
