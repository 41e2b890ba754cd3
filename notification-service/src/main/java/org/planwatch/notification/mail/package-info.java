/**
 * The persistent mail queue and its sender: mail waits in MongoDB, keyed by (event, kind, recipient) so it is
 * queued once however often an event arrives, and is sent through a retry and a circuit breaker.
 */
package org.planwatch.notification.mail;
