package org.planwatch.problem;

import java.util.Arrays;
import java.util.Locale;

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

    /** One of an enum's values as people write it (any case, '-' for '_'); null stays null. */
    public static <E extends Enum<E>> E oneOf(String field, Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "'" + text + "' is not one of "
                        + Arrays.toString(type.getEnumConstants())));
    }

    public static String limit(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidFieldException(field, "is " + value.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
        return value;
    }
}
