/**
 * Deadline and review reminders: before the date (28, 7 and 1 days by default, per plan if set), on the day, and
 * weekly while overdue, until the action is COMPLETE or the date moves. Found by a scheduled scan of this
 * service's own view of actions, run on one replica at a time.
 */
package org.planwatch.notification.reminder;
