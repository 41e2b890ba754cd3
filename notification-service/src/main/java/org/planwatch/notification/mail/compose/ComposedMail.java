package org.planwatch.notification.mail.compose;

/** A written email, before it is queued. */
public record ComposedMail(String subject, String text, String html) {
}
