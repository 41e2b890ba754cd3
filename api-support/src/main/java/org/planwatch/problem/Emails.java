package org.planwatch.problem;

import java.util.regex.Pattern;

/** The shape of an email address the service accepts: something@domain.tld, with no spaces. */
public final class Emails {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+$");

    private Emails() {
    }

    public static String check(String field, String email, boolean required) {
        if (email == null || email.isBlank()) {
            if (required) {
                throw new InvalidFieldException(field, "must not be empty");
            }
            return null;
        }
        String trimmed = InvalidFieldException.limit(field, email.strip(), 254);
        if (!ADDRESS.matcher(trimmed).matches()) {
            throw new InvalidFieldException(field, "'" + trimmed + "' is not an email address");
        }
        return trimmed;
    }
}
