package org.planwatch.plan.api;

import org.planwatch.plan.concurrency.VersionRequiredException;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.http.ETag;

/** Reads the version a change is based on from If-Match ({@code "3"}, {@code W/"3"}) or from the body. */
public final class RequestVersion {

    private RequestVersion() {
    }

    public static long required(String ifMatch, Long bodyVersion) {
        Long version = optional(ifMatch, bodyVersion);
        if (version == null) {
            throw new VersionRequiredException();
        }
        return version;
    }

    public static Long optional(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        // One tag, quoted or not, weak or strong, as clients send it back.
        ETag tag = ETag.create(ifMatch.strip());
        if (!tag.tag().matches("\\d{1,18}")) {
            throw new InvalidFieldException("If-Match", "'" + ifMatch + "' is not a version this service issued; "
                    + "send the ETag of the resource, such as \"3\"");
        }
        long version = Long.parseLong(tag.tag());
        if (bodyVersion != null && bodyVersion != version) {
            throw new InvalidFieldException("version", "the body says version " + bodyVersion
                    + " but If-Match says " + version);
        }
        return version;
    }

    /** The ETag a response carries for a stored version. */
    public static String etag(long version) {
        return new ETag(Long.toString(version), false).formattedTag();
    }
}
