/** How large a request body the gateway passes on, whether or not the caller declared its length. */
package org.planwatch.gateway.bodylimit;
