package org.planwatch.notification.mail;

/**
 * What sending must know of a recipient's choices, answered by the preferences feature: mail sits below
 * preferences and never reads them itself.
 */
public interface RecipientChoices {

    /** PENDING to send at once, DIGEST to hold for the day's digest, SKIPPED when they opted out of the kind. */
    MailStatus statusFor(String recipient, MailKind kind);

    /** The signed link that stops emails of this kind, for the List-Unsubscribe header (RFC 8058). */
    String unsubscribeLink(String recipient, MailKind kind);
}
