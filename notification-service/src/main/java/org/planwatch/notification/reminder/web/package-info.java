/** Reading and setting a plan's reminder policy, and running the reminder scan now, over HTTP. */
package org.planwatch.notification.reminder.web;
