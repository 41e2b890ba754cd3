package org.planwatch.notification.trigger;

/** The kinds of email a lead can receive; one email per (event, recipient, kind) at most. */
public enum MailKind {
    DUE_DATE_CHANGED, RAG_DOWNGRADED
}
