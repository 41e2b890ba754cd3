package org.planwatch.notification.trigger.messaging;

/** An event that can never be processed, however often it is retried; it goes straight to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
