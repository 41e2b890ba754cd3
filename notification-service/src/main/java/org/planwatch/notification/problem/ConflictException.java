package org.planwatch.notification.problem;

/** A request the current state does not allow, such as retrying an email that was sent; reported as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
