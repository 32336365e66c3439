package org.trilink.notifications.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.notifications.control.Notifications;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * Where each office hears about its referrals and follow-ups, and whether its parties are told
 * by SMS. The district admin sets them; an office without settings is not notified. Messages
 * themselves are in the partner outbox: GET /partners/dead-letters lists those that failed.
 */
@Path("notifications/offices/{officeCode}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "E-mail to offices and SMS to parties (ADMIN only)")
public class NotificationsResource {

    @Inject
    CurrentUser user;

    @Inject
    Notifications notifications;

    @Inject
    OfficeCatalog offices;

    @GET
    @Operation(summary = "An office's notification settings")
    public Notifications.OfficeSettings get(@PathParam("officeCode") String officeCode) {
        requireAdmin();
        return notifications.office(officeCode)
                .orElseThrow(() -> ProblemException.notFound("Office " + officeCode + " has no notification settings."));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an office's e-mail address, language (zh-CN or en) and SMS to its parties")
    public Notifications.OfficeSettings put(@PathParam("officeCode") String officeCode,
                                            @NotNull @Valid OfficeNotificationRequest request) {
        requireAdmin();
        if (offices.office(officeCode).isEmpty()) {
            throw ProblemException.notFound("No office " + officeCode + ".");
        }
        return notifications.configure(officeCode, request.email, request.locale, request.smsToParties, false)
                .orElseThrow();
    }

    @DELETE
    @Operation(summary = "Stop notifying an office")
    public Response delete(@PathParam("officeCode") String officeCode) {
        requireAdmin();
        notifications.configure(officeCode, null, null, false, true);
        return Response.noContent().build();
    }

    private void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin sets notifications.");
        }
    }
}
