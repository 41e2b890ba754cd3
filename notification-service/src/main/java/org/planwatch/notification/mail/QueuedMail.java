package org.planwatch.notification.mail;

import java.time.Instant;

/**
 * An email as it waits and after: the rendered message, where it goes, and what became of it. The id is
 * {@code eventId:kind:recipient}, which is what makes a second queueing of the same email impossible.
 */
public record QueuedMail(String id, String eventId, String kind, String actionId, String recipientName,
                         String recipient, String subject, String text, String html, String calendar, MailStatus status, int attempts,
                         Instant queuedAt, Instant nextAttemptAt, Instant sentAt, String lastError) {

    public static String idFor(String eventId, String kind, String recipient) {
        return eventId + ":" + kind + ":" + recipient.toLowerCase(java.util.Locale.ROOT);
    }
}
