package org.planwatch.notification.mail;

/** PENDING waits (or waits again after a passing failure); SENT and FAILED are final. */
public enum MailStatus {
    PENDING, SENT, FAILED
}
