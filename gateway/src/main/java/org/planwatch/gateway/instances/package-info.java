/** Which instance of a service a request goes to: round the live ones, passing over one that just refused. */
package org.planwatch.gateway.instances;
