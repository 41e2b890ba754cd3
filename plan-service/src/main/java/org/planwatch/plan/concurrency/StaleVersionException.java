package org.planwatch.plan.concurrency;

import java.util.Optional;

/**
 * An update named a version that is no longer the stored one; reported as 412 with the current state, so the
 * user can see what changed and try again instead of silently overwriting someone else's change.
 */
public class StaleVersionException extends RuntimeException {

    private final transient Versioned<?> current;

    public StaleVersionException(long expected, Versioned<?> current) {
        super("version " + expected + " is stale; the current version is " + current.version());
        this.current = current;
    }

    public long currentVersion() {
        return current.version();
    }

    /** The stored state, for the feature that owns it to render; empty when it is another kind of thing. */
    @SuppressWarnings("unchecked")
    public <T> Optional<Versioned<T>> current(Class<T> kind) {
        return kind.isInstance(current.value()) ? Optional.of((Versioned<T>) current) : Optional.empty();
    }
}
