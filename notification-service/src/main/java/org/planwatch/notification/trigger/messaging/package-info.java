/**
 * Reads plan-service's action events (contract v1, CloudEvents JSON) into this service's own small records: a
 * tolerant reader that takes the fields it needs and ignores the rest.
 */
package org.planwatch.notification.trigger.messaging;
