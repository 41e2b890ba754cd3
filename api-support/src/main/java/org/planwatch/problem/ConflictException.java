package org.planwatch.problem;

/** A request that would leave the data inconsistent, such as deleting a lead who still leads actions; 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
