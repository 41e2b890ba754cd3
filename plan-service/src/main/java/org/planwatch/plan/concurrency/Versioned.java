package org.planwatch.plan.concurrency;

/** A stored value and the version a change to it must name. */
public record Versioned<T>(T value, long version) {

    /** Refuses a change based on another version than this one. */
    public Versioned<T> requireVersion(long expected) {
        if (expected != version) {
            throw new StaleVersionException(expected, this);
        }
        return this;
    }
}
