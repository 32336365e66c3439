package org.trilink.door.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.door.control.DoorOffices;
import org.trilink.door.control.OnlineApplications;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/** Each office's poster inviting online applications, with the QR code of its apply page. */
@Path("offices/{code}/poster")
@RequestScoped
@Tag(name = "Parties' door (staff)")
public class PosterResource {

    @Inject
    OnlineApplications applications;

    @Inject
    DoorOffices offices;

    @Inject
    CurrentUser user;

    @Context
    HttpServletRequest request;

    @GET
    @Produces("application/pdf")
    @Operation(summary = "The office's poster (A4 PDF) with the QR code of its online application page; staff of the"
            + " office or the district admin")
    public Response poster(@PathParam("code") String code) {
        if (!user.admin() && !code.equals(user.officeCode())) {
            throw ProblemException.forbidden("Staff print their own office's poster.");
        }
        DoorOffices.Town office = offices.office(code)
                .orElseThrow(() -> ProblemException.notFound("No active office " + code + "."));
        byte[] pdf = applications.poster(office, Posters.applyUrl(request, applications.publicUrl(), code));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"poster-" + code + ".pdf\"").build();
    }
}
