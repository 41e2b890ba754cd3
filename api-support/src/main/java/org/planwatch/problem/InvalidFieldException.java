package org.planwatch.problem;

/** A value a user sent breaks a rule of the domain; reported as 400 naming the field and the reason. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        return limit(field, value.strip(), maxLength);
    }

    public static String limit(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidFieldException(field, "is " + value.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
        return value;
    }
}
