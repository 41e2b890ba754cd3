package org.planwatch.notification.mail;

/** A written email, before it is queued; {@code calendar} is an iCalendar attachment, or null. */
public record ComposedMail(String subject, String text, String html, String calendar) {
}
