/** Writes each email from Thymeleaf templates: an HTML part and a plain-text part, both escaped. */
package org.planwatch.notification.mail.compose;
