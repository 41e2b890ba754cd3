package org.planwatch.plan.planimport;

/** A file planwatch cannot read as a plan at all: empty, binary, or with no header it recognises. */
public class UnreadableTableException extends RuntimeException {

    public UnreadableTableException(String message) {
        super(message);
    }
}
