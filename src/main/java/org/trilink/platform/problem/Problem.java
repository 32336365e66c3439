package org.trilink.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem answer. {@code errors} lists every faulty field of a refused request;
 * {@code extensions} carries what a client needs to recover (e.g. the allowed moves, or the
 * current version after a conflict).
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    // built, not parsed: parsing needs a JAX-RS runtime, which plain unit tests of control code lack
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    public Problem withExtensions(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, errors, more);
    }

    /** The problem as JSON, for answers written outside JAX-RS (servlet filters, the sign-in mechanism). */
    public String json() {
        return ProblemJson.write(this);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(ProblemJson.write(this)).build();
    }
}
