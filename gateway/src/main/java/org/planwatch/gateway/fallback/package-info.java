/** What a user gets while a service is down or its circuit is open: a clear 503, not a hang or a stack trace. */
package org.planwatch.gateway.fallback;
