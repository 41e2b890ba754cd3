package org.planwatch.problem;

/** A request whose proof does not hold, such as a forged unsubscribe link; reported as 403. */
public class ForbiddenException extends RuntimeException {

    private final String title;

    public ForbiddenException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
