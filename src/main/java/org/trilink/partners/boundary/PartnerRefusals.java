package org.trilink.partners.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.partners.control.RefusalLog;
import org.trilink.platform.security.Signatures;
import org.trilink.platform.JsonTrees;

/**
 * Every refused request to the partners' door (4xx, 5xx, including the 413 of the size limit
 * that stops a request before any resource) goes to the refusal log, with the problem's detail
 * and faulty field names, never the body.
 */
@Provider
public class PartnerRefusals implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(PartnerRefusals.class.getName());

    @Inject
    RefusalLog log;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() < 400 || !path.startsWith("partner/") && !path.equals("partner")) {
            return;
        }
        try {
            String remote = servletRequest == null ? null : servletRequest.getRemoteAddr();
            log.record(request.getHeaderString(Signatures.PARTNER_ID), "HTTP",
                    request.getMethod() + " /api/v1/" + (path.startsWith("partner/referrals/") ? "partner/referrals/{id}" : path),
                    response.getStatus(), reasonOf(response.getEntity()), remote);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record a refused partner request: " + e.getClass().getName());
        }
    }

    /** The problem's detail and its field errors (names and rule messages only). */
    static String reasonOf(Object entity) {
        if (!(entity instanceof String s) || !s.startsWith("{")) {
            return "";
        }
        try {
            JsonObject problem = JsonTrees.object(s);
            StringBuilder reason = new StringBuilder(problem.getString("detail", problem.getString("title", "")));
            JsonValue errors = problem.get("errors");
            if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue e : errors.asJsonArray()) {
                    JsonObject fe = e.asJsonObject();
                    reason.append(" | ").append(fe.getString("field", "?")).append(": ")
                            .append(fe.getString("message", ""));
                }
            }
            return reason.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
