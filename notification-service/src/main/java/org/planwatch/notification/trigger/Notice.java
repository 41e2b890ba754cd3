package org.planwatch.notification.trigger;

import org.planwatch.notification.mail.MailKind;

/** One email to write: which kind, to whom, and in which role they receive it. */
public record Notice(MailKind kind, String recipientName, String recipientEmail, Role role) {

    /** Why this person hears about it. */
    public enum Role { LEAD, PLAN_OWNER }
}
