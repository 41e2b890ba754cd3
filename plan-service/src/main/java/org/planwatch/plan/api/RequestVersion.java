package org.planwatch.plan.api;

import java.util.List;
import org.planwatch.plan.concurrency.VersionRequiredException;
import org.planwatch.plan.problem.InvalidFieldException;
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
        List<ETag> tags = ETag.parse(ifMatch);
        if (tags.size() != 1 || tags.get(0).isWildcard() || !tags.get(0).tag().matches("\\d{1,18}")) {
            throw new InvalidFieldException("If-Match", "'" + ifMatch + "' is not a version this service issued; "
                    + "send the ETag of the resource, such as \"3\"");
        }
        long version = Long.parseLong(tags.get(0).tag());
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
