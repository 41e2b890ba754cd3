/** Who is calling: plain Java, so a service's domain can decide with it without knowing about tokens. */
package org.planwatch.caller;
