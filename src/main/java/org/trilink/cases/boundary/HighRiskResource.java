package org.trilink.cases.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.LifecycleViews.Flagged;
import org.trilink.cases.control.CaseDecisions;

/** The office head's flag list: open high-risk cases of the office. */
@Path("offices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lifecycle")
public class HighRiskResource {

    @Inject
    CaseDecisions decisions;

    @GET
    @Path("{officeCode}/high-risk")
    @Operation(summary = "Open HIGH-risk cases the office handles or takes part in, flagged to its head",
            description = "For the office's head (OFFICE_HEAD) and the district admin; other callers 403.")
    public List<Flagged> highRisk(@PathParam("officeCode") String officeCode) {
        return decisions.highRisk(officeCode).stream().map(Flagged::of).toList();
    }
}
