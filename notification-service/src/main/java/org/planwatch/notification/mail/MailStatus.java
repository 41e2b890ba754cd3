package org.planwatch.notification.mail;

/**
 * PENDING waits to be sent (or sent again after a passing failure); SENT and FAILED are final. SKIPPED is an
 * email the recipient opted out of, kept so the log shows it. DIGEST waits for the recipient's daily digest,
 * and becomes DIGESTED once that digest is queued.
 */
public enum MailStatus {
    PENDING, SENT, FAILED, SKIPPED, DIGEST, DIGESTED
}
