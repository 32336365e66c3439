package org.trilink.cases.boundary;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * Optimistic locking on the wire: every change to a case carries the version the client has
 * read, in {@code If-Match} (an ETag like {@code "7"}, or the bare number); answers carry the
 * new version as {@code ETag}. A change without it is refused (428) rather than risk
 * overwriting somebody else's work.
 */
public final class CaseVersion {

    public static final String HEADER_DOC = "The case version the change is based on (the ETag or `version` of the "
            + "case as last read), e.g. \"7\". Required; a stale one answers 409 with `currentVersion`.";

    private CaseVersion() {
    }

    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "Precondition Required",
                    "Send the case version you are changing in If-Match (e.g. If-Match: \"3\"), from the case's ETag or version."));
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be the case version, a whole number like \"3\"");
        }
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response.ResponseBuilder ok(Object body, long version) {
        return Response.ok(body).tag(tag(version));
    }
}
