/** The notification log API: search what was queued, sent or failed, and retry a failed email. */
package org.planwatch.notification.mail.web;
