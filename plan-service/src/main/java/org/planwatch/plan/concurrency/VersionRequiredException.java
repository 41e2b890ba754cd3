package org.planwatch.plan.concurrency;

/** A change came without If-Match or a version; reported as 428 so no one overwrites blindly. */
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException() {
        super("send the version you are changing in an If-Match header (as returned in ETag) or as 'version'");
    }
}
