package org.trilink.cases.boundary;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.LifecycleViews.Actions;
import org.trilink.cases.boundary.LifecycleViews.CaseState;
import org.trilink.cases.boundary.LifecycleViews.MoveTable;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseDecisions;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.CaseMoves;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.RiskLevel;

/** The moves on a case itself. Rules live in {@link CaseDecisions} and {@link CaseLifecycle}. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lifecycle", description = "Moves on a case: accept, decline, joint mediation, risk, close, and the "
        + "administrative matter's path. Every move needs If-Match with the case version (428 without, 409 with "
        + "`currentVersion` when stale). 404: a case you may not see; 403: drafters, the admin (who oversees but does "
        + "not act), or an office whose move it is not; 409: a move the state does not allow, with `allowedMoves`.")
public class CaseLifecycleResource {

    @Inject
    CaseDecisions decisions;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @GET
    @Path("moves")
    @Operation(summary = "The lifecycle as data: for each kind of matter, each state and the moves it allows, and whose move each is")
    public List<MoveTable> moves() {
        access.requireCaseWorker();
        Map<String, String> who = new LinkedHashMap<>();
        for (Move m : Move.values()) {
            who.put(m.name(), m.who().name());
        }
        return java.util.Arrays.stream(MatterKind.values()).map(kind -> {
            Map<String, Set<Move>> states = new LinkedHashMap<>();
            CaseMoves.table(kind).forEach((CaseStatus s, Set<Move> m) -> states.put(s.name(), m));
            return new MoveTable(kind.name(), states, who);
        }).toList();
    }

    @GET
    @Path("{caseNumber}/actions")
    @Operation(summary = "What the caller may do with the case now",
            description = "The moves the state allows and that are the caller's (by office and role), the case version "
                    + "to send in If-Match, and a pending referral if there is one.")
    public Response actions(@PathParam("caseNumber") String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        String part = access.standing(c).map(CaseParticipant.Part::name)
                .orElse(access.receivesReferral(c) ? "RECEIVING_REFERRAL" : null);
        Actions body = new Actions(c.caseNumber(), c.matterKind().name(), c.status().name(), c.version(), part,
                lifecycle.actionsFor(c).stream().map(Move::name).toList(),
                LifecycleViews.PendingReferralView.of(access.pendingReferral(c).orElse(null)));
        return CaseVersion.ok(body, c.version()).build();
    }

    @POST
    @Path("{caseNumber}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the case (受理): RECEIVED to ACCEPTED; the handling office only",
            description = "Accepted now. The body has a note only; a time in it (acceptedAt) is refused (400), not"
                    + " ignored: a case accepted in the past is registered with POST /api/v1/cases/backfill.")
    @APIResponse(responseCode = "200", description = "Accepted; the body has the new version, also as ETag")
    @APIResponse(responseCode = "409", description = "Wrong state (allowedMoves) or stale version (currentVersion)")
    public Response accept(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid CaseMoveRequests.Note body) {
        return state(decisions.accept(caseNumber, CaseVersion.required(ifMatch), body == null ? null : body.note));
    }

    @POST
    @Path("{caseNumber}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline the case (不予受理) with a reason and guidance: RECEIVED to DECLINED")
    public Response decline(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull(message = "a JSON body is required") @Valid CaseMoveRequests.Decline body) {
        return state(decisions.decline(caseNumber, CaseVersion.required(ifMatch), body.reason, body.guidance));
    }

    @POST
    @Path("{caseNumber}/joint-offices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite another office to join the case (联合调解)",
            description = "The office's staff then see the case and may schedule and record sessions and follow-ups; "
                    + "the case does not move. 409 if the office already takes part.")
    public Response invite(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid CaseMoveRequests.Invite body) {
        return state(decisions.invite(caseNumber, CaseVersion.required(ifMatch), body.officeCode.strip(), body.note));
    }

    @POST
    @Path("{caseNumber}/risk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise or lower the risk level with a reason",
            description = "A HIGH case appears on its office head's list GET /offices/{code}/high-risk.")
    public Response risk(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull(message = "a JSON body is required") @Valid CaseMoveRequests.Risk body) {
        return state(decisions.changeRisk(caseNumber, CaseVersion.required(ifMatch), RiskLevel.valueOf(body.level),
                body.reason));
    }

    @PUT
    @Path("{caseNumber}/parties/{position}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a party's particulars (name, ID number, credit code, phone, address)",
            description = "position 1 is the first party as listed. The handling office only, until the case is closed. "
                    + "Documents made afterwards carry the correction; those made before stay as printed. The history "
                    + "names the corrected fields, never their values.")
    @APIResponse(responseCode = "200", description = "Corrected; the body has the new version, also as ETag")
    @APIResponse(responseCode = "400", description = "Invalid particulars, a changed role or kind, or nothing to correct")
    public Response correctParty(@PathParam("caseNumber") String caseNumber, @PathParam("position") int position,
                                 @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull(message = "a JSON body is required") @Valid CaseMoveRequests.PartyCorrection body) {
        return state(decisions.correctParty(caseNumber, CaseVersion.required(ifMatch), position,
                PartyRole.valueOf(body.role), PartyKind.valueOf(body.kind), body.name, blankToNull(body.idNumber),
                blankToNull(body.creditCode), blankToNull(body.phone), blankToNull(body.address), body.reason));
    }

    @POST
    @Path("{caseNumber}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the case (结案)",
            description = "People's mediation: CONCLUDED to CLOSED; an agreement needs a follow-up visit first. "
                    + "Administrative matter: RESOLVED to CLOSED.")
    public Response close(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid CaseMoveRequests.Note body) {
        return state(decisions.close(caseNumber, CaseVersion.required(ifMatch), body == null ? null : body.note));
    }

    @POST
    @Path("{caseNumber}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Administrative matter: file it formally (立案), RECEIVED to FILED")
    public Response file(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid CaseMoveRequests.Note body) {
        return state(decisions.file(caseNumber, CaseVersion.required(ifMatch), body == null ? null : body.note));
    }

    @POST
    @Path("{caseNumber}/resolve-before-filing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Administrative matter: resolved before filing (立案前化解), RECEIVED to RESOLVED")
    public Response resolveBeforeFiling(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @Valid CaseMoveRequests.Note body) {
        return state(decisions.resolveBeforeFiling(caseNumber, CaseVersion.required(ifMatch),
                body == null ? null : body.note));
    }

    @POST
    @Path("{caseNumber}/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Administrative matter: how the filed matter ended, FILED to RESOLVED",
            description = "MEDIATED or WITHDRAWN (案中调撤), UPHELD, or CORRECTED (纠错).")
    public Response decide(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid CaseMoveRequests.Decide body) {
        return state(decisions.decide(caseNumber, CaseVersion.required(ifMatch),
                AdminResolution.valueOf(body.resolution), body.note));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Response state(DisputeCase c) {
        return CaseVersion.ok(CaseState.of(c, lifecycle.actionsFor(c)), c.version()).build();
    }
}
