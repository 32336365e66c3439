package org.trilink.door.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.door.control.CorrectionRequests;
import org.trilink.door.control.OnlineApplications;
import org.trilink.platform.problem.ProblemException;

/**
 * The staff's side of the parties' door on a case: the correction requests parties made (applied as
 * a party correction or declined) and what an online application came with.
 */
@Path("cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parties' door (staff)", description = "Correction requests of parties, online applications")
public class DoorStaffResource {

    @Inject
    CorrectionRequests corrections;

    @Inject
    OnlineApplications applications;


    @GET
    @Path("{caseNumber}/correction-requests")
    @Operation(summary = "Parties' requests to correct their personal data on this case, with the values asked for"
            + " (the view is recorded); 404 for a case you may not see")
    public List<CorrectionRequests.Request> correctionRequests(@PathParam("caseNumber") String caseNumber) {
        return corrections.of(caseNumber);
    }

    /** How staff handle a request. */
    public static class Handling {
        /** APPLY (as a party correction) or DECLINE */
        public String action;
        /** the case's version, as for other moves (optional) */
        public Long version;
        /** a note (APPLY) or the reason (DECLINE, required) */
        public String note;
    }

    @POST
    @Path("{caseNumber}/correction-requests/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply a request as the case's party correction (PARTY_CORRECTED) or decline it with a reason"
            + " (CORRECTION_DECLINED); staff of the handling office; 409 when handled already")
    public CorrectionRequests.Request handle(@PathParam("caseNumber") String caseNumber, @PathParam("id") long id,
                                             Handling body) {
        if (body == null || body.action == null) {
            throw ProblemException.badRequest("action", "APPLY or DECLINE");
        }
        return switch (body.action) {
            case "APPLY" -> corrections.apply(caseNumber, id, body.version, body.note);
            case "DECLINE" -> corrections.decline(caseNumber, id, body.note);
            default -> throw ProblemException.badRequest("action", "APPLY or DECLINE");
        };
    }

    @GET
    @Path("{caseNumber}/online-application")
    @Operation(summary = "What an online application came with: the consent to the privacy notice and the open cases"
            + " you may see with the same parties (the intake's same-parties warning); 404 for another channel")
    public OnlineApplications.Application onlineApplication(@PathParam("caseNumber") String caseNumber) {
        return applications.of(caseNumber);
    }
}
