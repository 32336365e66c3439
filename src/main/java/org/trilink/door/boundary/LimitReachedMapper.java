package org.trilink.door.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.trilink.door.control.LimitReached;
import org.trilink.platform.problem.Problem;

/** 429 with Retry-After (seconds to the district's midnight) when a daily limit of codes is used up. */
@Provider
public class LimitReachedMapper implements ExceptionMapper<LimitReached> {

    @Override
    public Response toResponse(LimitReached e) {
        return Response.status(429).type(Problem.PROBLEM_JSON).header("Retry-After", e.retryAfterSeconds())
                .entity(e.problem().json()).build();
    }
}
