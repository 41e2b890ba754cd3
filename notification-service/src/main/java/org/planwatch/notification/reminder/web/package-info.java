/** Reading and setting a plan's reminder policy over HTTP. */
package org.planwatch.notification.reminder.web;
