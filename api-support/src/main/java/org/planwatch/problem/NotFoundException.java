package org.planwatch.problem;

/** An id in the path names nothing stored; reported as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
    }
}
