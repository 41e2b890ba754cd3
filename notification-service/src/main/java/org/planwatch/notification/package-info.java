/** notification-service: tells lead professionals what changed and what is due, by email, exactly once. */
package org.planwatch.notification;
