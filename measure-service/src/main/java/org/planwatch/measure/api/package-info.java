/** How the service answers a request it refuses: problem+json naming the field and the reason. */
package org.planwatch.measure.api;
