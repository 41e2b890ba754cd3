package org.planwatch.notification.mail;

/**
 * The kinds of email a lead can receive; one email per (event, recipient, kind) at most. A recipient can opt out
 * of the reminder kinds; changes to their actions are always sent.
 */
public enum MailKind {
    DUE_DATE_CHANGED(false), RAG_DOWNGRADED(false),
    DUE_SOON(true), DUE_TODAY(true), OVERDUE(true),
    REVIEW_SOON(true), REVIEW_TODAY(true), REVIEW_OVERDUE(true),
    /** A measure's figures stopped coming, and when they came again: to its publisher's contact and its actions' leads. */
    MEASURE_STALE(false), MEASURE_FRESH(false),
    /** A day's emails for someone who asked for one digest; opting out of it means getting them one by one. */
    DIGEST(false);

    private final boolean reminder;

    MailKind(boolean reminder) {
        this.reminder = reminder;
    }

    public boolean isReminder() {
        return reminder;
    }
}
