package org.planwatch.plan.concurrency.web;

import org.planwatch.plan.concurrency.VersionRequiredException;
import org.planwatch.plan.problem.InvalidFieldException;

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
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                long version = Long.parseLong(tag);
                if (bodyVersion != null && bodyVersion != version) {
                    throw new InvalidFieldException("version", "the body says version " + bodyVersion
                            + " but If-Match says " + version);
                }
                return version;
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("If-Match", "'" + ifMatch + "' is not a version this service issued; "
                        + "send the ETag of the resource, such as \"3\"");
            }
        }
        return bodyVersion;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
