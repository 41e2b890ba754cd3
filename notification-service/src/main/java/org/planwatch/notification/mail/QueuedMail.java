package org.planwatch.notification.mail;

import java.time.Instant;

/**
 * An email as it waits and after: the rendered message, where it goes, and what became of it. The id is
 * {@code eventId:kind:recipient}, which is what makes a second queueing of the same email impossible. {@code traceId}
 * is the W3C trace of the work that queued it (for an email about a change: the request that made the change), so an
 * email can be followed back to its cause across services. {@code partnership} is the partnership whose plan or
 * measure the email is about (none for a digest, which is its recipient's alone): its administrators read it.
 */
public record QueuedMail(String id, String eventId, String kind, String actionId, String recipientName,
                         String recipient, String subject, String text, String html, String calendar, MailStatus status, int attempts,
                         Instant queuedAt, Instant nextAttemptAt, Instant sentAt, String lastError, String traceId,
                         String partnership, byte[] chart) {

    QueuedMail withTraceId(String traceId) {
        return new QueuedMail(id, eventId, kind, actionId, recipientName, recipient, subject, text, html, calendar,
                status, attempts, queuedAt, nextAttemptAt, sentAt, lastError, traceId, partnership, chart);
    }

    public static String idFor(String eventId, String kind, String recipient) {
        return eventId + ":" + kind + ":" + recipient.toLowerCase(java.util.Locale.ROOT);
    }
}
