package org.trilink.platform.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The strict reading of {@link StrictJsonBodies} for every JSON body, whichever reader Jersey
 * picks: two readers of {@code Object} for application/json (ours and the JSON-B one the server
 * brings) tie, and which one wins is not guaranteed (a CI run met the server's, which drops an
 * unknown field). An interceptor runs before any reader, so the check does not hang on the tie.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!StrictJsonBodies.strictFor(context.getType(), context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        String json = new String(body, StrictJsonBodies.charsetOf(context.getMediaType()));
        if (!json.isBlank()) {
            StrictJsonBodies.check(json, context.getGenericType() != null ? context.getGenericType() : context.getType());
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
