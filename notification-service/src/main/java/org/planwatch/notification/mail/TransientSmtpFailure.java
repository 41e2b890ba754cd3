package org.planwatch.notification.mail;

import jakarta.mail.SendFailedException;
import java.util.function.Predicate;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Whether a failed send may succeed later. An address the server rejects, or a message that cannot be built,
 * fails the same way every time: those are permanent and neither retried nor counted against the SMTP server by
 * the circuit breaker. Anything else (refused connections, timeouts, 4xx replies) is worth another try.
 */
public class TransientSmtpFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        // A lost claim says nothing of the server: neither retried nor counted against it.
        return !(failure instanceof MailDispatcher.ClaimLost) && !isPermanent(failure);
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MailParseException || t instanceof MailPreparationException) {
                return true;
            }
            if (t instanceof SendFailedException sendFailed && rejectedForGood(sendFailed)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean rejectedForGood(SendFailedException e) {
        // 5xx replies are permanent by RFC 5321; a 4xx reply ("mailbox busy") is worth retrying.
        String message = String.valueOf(e.getMessage()) + (e.getNextException() == null ? ""
                : " " + e.getNextException().getMessage());
        return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                || message.matches("(?s).*\\b5\\d\\d\\b.*");
    }
}
