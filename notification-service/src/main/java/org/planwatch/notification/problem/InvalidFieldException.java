package org.planwatch.notification.problem;

/** A value a user sent breaks a rule; reported as 400 naming the field and the reason. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
