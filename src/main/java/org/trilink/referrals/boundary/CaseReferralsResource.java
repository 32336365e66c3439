package org.trilink.referrals.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.CaseVersion;
import org.trilink.referrals.boundary.ReferralViews.ReferralView;
import org.trilink.referrals.control.Referrals;
import org.trilink.referrals.entity.Referral;

/** Referrals seen from a case: send one, list them. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class CaseReferralsResource {

    @Inject
    Referrals referrals;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("{caseNumber}/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refer the case to another office (转介)",
            description = "By the handling office, before an outcome, when no other referral is pending. The receiving "
                    + "office sees the case in its inbox and accepts (it becomes the handling office) or rejects it. "
                    + "The deadline is the receiving office's default in working time unless an earlier one is asked.")
    @APIResponse(responseCode = "201", description = "Sent; Location points at the referral, ETag is the new case version")
    @APIResponse(responseCode = "409", description = "Wrong state, a referral already pending (allowedMoves), or stale version")
    public Response refer(@PathParam("caseNumber") String caseNumber,
                          @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                                  description = CaseVersion.HEADER_DOC)
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull(message = "a JSON body is required") @Valid ReferralRequests.Refer body) {
        Referral r = referrals.refer(caseNumber, CaseVersion.required(ifMatch), body.toOfficeCode.strip(), body.reason,
                body.deadline);
        long version = referrals.caseVersionOf(r);
        return Response.created(uriInfo.getBaseUriBuilder().path("referrals").path(String.valueOf(r.id())).build())
                .tag(CaseVersion.tag(version))
                .entity(ReferralView.of(r, caseNumber, version)).build();
    }

    @GET
    @Path("{caseNumber}/referrals")
    @Operation(summary = "Every referral of the case, oldest first")
    public List<ReferralView> list(@PathParam("caseNumber") String caseNumber) {
        List<Referral> list = referrals.ofCase(caseNumber);
        return list.stream().map(r -> ReferralView.of(r, caseNumber, referrals.caseVersionOf(r))).toList();
    }
}
