/**
 * Who is calling, and whether they may: bearer tokens for programs, a signed-in session for browsers (the gateway
 * holds their tokens and relays them), each route family open to the roles that use it. The services check the
 * same token again and decide per resource; the gateway refuses early what no service would accept.
 */
package org.planwatch.gateway.access;
