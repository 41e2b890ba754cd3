/** measure.status.events, as this service follows it. */
package org.planwatch.notification.measurestatus.messaging;
