/** The gateway: the one way in, routing each API to the service that owns it. */
package org.planwatch.gateway;
