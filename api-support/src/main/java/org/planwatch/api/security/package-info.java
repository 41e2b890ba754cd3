/** Who may call a service's API: bearer tokens checked by the service itself, and the limits every request meets. */
package org.planwatch.api.security;
