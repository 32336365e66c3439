package org.trilink.referrals.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.CaseVersion;
import org.trilink.cases.boundary.CheckMoment;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.problem.QueryNumbers;
import org.trilink.platform.security.CurrentUser;
import org.trilink.referrals.boundary.ReferralViews.CheckResult;
import org.trilink.referrals.boundary.ReferralViews.InboxView;
import org.trilink.referrals.boundary.ReferralViews.ReferralView;
import org.trilink.referrals.control.ReferralDeadlines;
import org.trilink.referrals.control.Referrals;
import org.trilink.referrals.entity.Referral;

@Path("referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Hand-offs between offices. A referral is seen by the admin, the offices at "
        + "either end and the offices taking part in its case (else 404). Decisions carry the case version in If-Match "
        + "(the referral's caseVersion). A referral past its deadline is flagged overdue by a timer and stays actionable.")
public class ReferralsResource {

    @Inject
    Referrals referrals;

    @Inject
    ReferralDeadlines deadlines;

    @Inject
    CurrentUser user;

    @Inject
    Configured configured;

    @Inject
    @ConfigProperty(name = "trilink.api.max-page-size", defaultValue = "200")
    int maxPageSize;

    @GET
    @Path("{id}")
    @Operation(summary = "One referral")
    public ReferralView read(@PathParam("id") long id) {
        return view(referrals.visible(id));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the referral: the receiving office becomes the handling office",
            description = "Staff of the receiving office only (403 otherwise). Also for referrals from partner agencies.")
    public Response accept(@PathParam("id") long id, @Parameter(in = ParameterIn.HEADER, name = "If-Match",
            required = true, description = CaseVersion.HEADER_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return decided(referrals.accept(id, CaseVersion.required(ifMatch)));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the referral with a reason; the case stays with its handling office")
    public Response reject(@PathParam("id") long id, @Parameter(in = ParameterIn.HEADER, name = "If-Match",
            required = true, description = CaseVersion.HEADER_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid ReferralRequests.Reject body) {
        return decided(referrals.reject(id, CaseVersion.required(ifMatch), body.reason));
    }

    @POST
    @Path("{id}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recall a pending referral; the sending office only")
    public Response recall(@PathParam("id") long id, @Parameter(in = ParameterIn.HEADER, name = "If-Match",
            required = true, description = CaseVersion.HEADER_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid ReferralRequests.Recall body) {
        return decided(referrals.recall(id, CaseVersion.required(ifMatch), body == null ? null : body.reason));
    }

    @GET
    @Path("inbox")
    @Operation(summary = "An office's referral inbox: pending for it, overdue (to or from it), its own pending, "
            + "decided in the last 14 days",
            description = "Staff see their own office's inbox (office may be left out); the admin names any office. "
                    + "The pending referrals, soonest deadline first, come a page at a time (page from 0, size up to "
                    + "the API's largest page, 200 unless set); the other lists are their first 200. Each list's "
                    + "total says how many there are in all. q narrows every list to a case number or words of "
                    + "the referral's reason.")
    public InboxView inbox(@QueryParam("office") String office, @QueryParam("q") String q,
                           @QueryParam("page") String page, @QueryParam("size") String size) {
        String code = office == null || office.isBlank() ? user.officeCode() : office.strip();
        if (code == null) {
            throw ProblemException.badRequest("office", "required: you do not work for an office");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        int pageNumber = QueryNumbers.number("page", page, 0, 0, Integer.MAX_VALUE / maxPageSize, errors);
        int pageSize = QueryNumbers.number("size", size, Math.min(Referrals.LISTED, maxPageSize), 1, maxPageSize,
                errors);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            errors.add(new Problem.FieldError("q", "at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The query has invalid parameters.")
                    .withErrors(errors));
        }
        Referrals.Inbox inbox = referrals.inbox(code, search, pageNumber * pageSize, pageSize);
        return new InboxView(inbox.officeCode(), search, pageNumber, pageSize,
                views(inbox.pending().items()), inbox.pending().total(),
                views(inbox.overdue().items()), inbox.overdue().total(),
                views(inbox.sent().items()), inbox.sent().total(),
                views(inbox.recentlyDecided().items()), inbox.recentlyDecided().total());
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Pending referrals past their deadline: all for the admin, to or from their office for staff")
    public List<ReferralView> overdue() {
        return views(referrals.overdue());
    }

    @POST
    @Path("overdue-check")
    @Operation(summary = "Run the referral deadline check now (district admin)",
            description = "The same check the container timer runs every five minutes. `asOf` (an ISO instant) runs it "
                    + "as of another moment; it is honoured outside the production profile only, for drills and tests.")
    public CheckResult check(@QueryParam("asOf") String asOf) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin runs checks by hand.");
        }
        OffsetDateTime at = CheckMoment.of(asOf, configured.production());
        return new CheckResult(at, deadlines.flagAllOverdue(at));
    }

    @GET
    @Path("deadlines/{officeCode}")
    @Operation(summary = "An office's deadline settings and the referral deadline in effect for it")
    public ReferralDeadlines.Settings settings(@PathParam("officeCode") String officeCode) {
        return deadlines.settings(officeCode);
    }

    @PUT
    @Path("deadlines/{officeCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an office's own referral deadline (hours) and follow-up days (district admin)",
            description = "null returns a value to the default: the office type's referral deadline, the district's "
                    + "follow-up days. Applies to referrals sent and outcomes recorded afterwards.")
    public ReferralDeadlines.Settings change(@PathParam("officeCode") String officeCode,
                                             @NotNull(message = "a JSON body is required")
                                             @Valid ReferralRequests.Deadlines body) {
        return deadlines.change(officeCode, body.referralDeadlineHours, body.followUpDays);
    }

    private Response decided(Referral r) {
        long version = referrals.caseVersionOf(r);
        return CaseVersion.ok(ReferralView.of(r, referrals.caseNumberOf(r), version), version).build();
    }

    private ReferralView view(Referral r) {
        return ReferralView.of(r, referrals.caseNumberOf(r), referrals.caseVersionOf(r));
    }

    private List<ReferralView> views(List<Referral> list) {
        return list.stream().map(this::view).toList();
    }
}
