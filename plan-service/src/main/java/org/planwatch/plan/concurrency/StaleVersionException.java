package org.planwatch.plan.concurrency;

/**
 * An update named a version that is no longer the stored one; reported as 412 with the current state, so the
 * user can see what changed and try again instead of silently overwriting someone else's change.
 */
public class StaleVersionException extends RuntimeException {

    private final transient Object current;
    private final long currentVersion;

    public StaleVersionException(long expected, long currentVersion, Object current) {
        super("version " + expected + " is stale; the current version is " + currentVersion);
        this.current = current;
        this.currentVersion = currentVersion;
    }

    public Object current() {
        return current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
