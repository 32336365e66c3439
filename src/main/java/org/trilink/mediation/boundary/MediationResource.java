package org.trilink.mediation.boundary;

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
import org.trilink.cases.boundary.LifecycleViews.CaseState;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.boundary.MediationViews.FollowUpView;
import org.trilink.mediation.boundary.MediationViews.SessionView;
import org.trilink.mediation.control.FollowUps;
import org.trilink.mediation.control.Mediation;
import org.trilink.mediation.control.OutcomeCommand;
import org.trilink.mediation.entity.FailureGuidance;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.FollowUpVisit;
import org.trilink.mediation.entity.MediationSession;
import org.trilink.mediation.entity.MediatorCapacity;
import org.trilink.mediation.entity.Performance;

/** Mediation of a case: mediators, sessions, the outcome and follow-up visits. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mediation", description = "Mediators, sessions, outcome and follow-ups of a case. Sessions and follow-ups "
        + "are the work of every office taking part (joint mediation included); mediators, starting and the outcome "
        + "belong to the handling office. Every change needs If-Match with the case version.")
public class MediationResource {

    @Inject
    Mediation mediation;

    @Inject
    FollowUps followUps;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("{caseNumber}/mediators")
    @Operation(summary = "The mediators of the case")
    public List<Mediation.Mediator> mediators(@PathParam("caseNumber") String caseNumber) {
        return mediation.mediators(caseNumber);
    }

    @POST
    @Path("{caseNumber}/mediators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a mediator (a person of an office taking part)",
            description = "The first assignment to an ACCEPTED case starts mediation (IN_MEDIATION).")
    public Response assign(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER,
            name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid MediationRequests.Mediator body) {
        return state(mediation.assignMediator(caseNumber, CaseVersion.required(ifMatch), body.username.strip(),
                MediatorCapacity.valueOf(body.capacity)));
    }

    @POST
    @Path("{caseNumber}/start-mediation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start mediation: ACCEPTED to IN_MEDIATION")
    public Response start(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER,
            name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return state(mediation.startMediation(caseNumber, CaseVersion.required(ifMatch)));
    }

    @GET
    @Path("{caseNumber}/sessions")
    @Operation(summary = "The sessions of the case, in time order")
    public List<SessionView> sessions(@PathParam("caseNumber") String caseNumber) {
        long version = access.visible(caseNumber).version();
        return mediation.sessions(caseNumber).stream().map(s -> SessionView.of(s, caseNumber, version)).toList();
    }

    @POST
    @Path("{caseNumber}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a session (time, place, participants); the case must be IN_MEDIATION")
    @APIResponse(responseCode = "201", description = "Scheduled; ETag is the new case version")
    public Response schedule(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER,
            name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull(message = "a JSON body is required") @Valid MediationRequests.Session body) {
        MediationSession s = mediation.schedule(caseNumber, CaseVersion.required(ifMatch), body.scheduledAt,
                body.place, body.participants);
        long version = access.visible(caseNumber).version();
        return Response.created(uriInfo.getBaseUriBuilder().path("cases").path(caseNumber).path("sessions")
                        .path(String.valueOf(s.id())).build())
                .tag(CaseVersion.tag(version)).entity(SessionView.of(s, caseNumber, version)).build();
    }

    @GET
    @Path("{caseNumber}/sessions/{sessionId}")
    @Operation(summary = "One session of the case")
    public SessionView session(@PathParam("caseNumber") String caseNumber, @PathParam("sessionId") long sessionId) {
        long version = access.visible(caseNumber).version();
        return mediation.sessions(caseNumber).stream().filter(s -> s.id() == sessionId).findFirst()
                .map(s -> SessionView.of(s, caseNumber, version))
                .orElseThrow(() -> org.trilink.platform.problem.ProblemException.notFound(
                        "No session " + sessionId + " in case " + caseNumber + "."));
    }

    @POST
    @Path("{caseNumber}/sessions/{sessionId}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a scheduled session to another time or place")
    public Response reschedule(@PathParam("caseNumber") String caseNumber, @PathParam("sessionId") long sessionId,
                               @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                                       description = CaseVersion.HEADER_DOC)
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull(message = "a JSON body is required") @Valid MediationRequests.Reschedule body) {
        return session(caseNumber, mediation.reschedule(caseNumber, CaseVersion.required(ifMatch), sessionId,
                body.scheduledAt, body.place, body.participants, body.reason));
    }

    @POST
    @Path("{caseNumber}/sessions/{sessionId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a scheduled session, with a reason")
    public Response cancel(@PathParam("caseNumber") String caseNumber, @PathParam("sessionId") long sessionId,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                                   description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid MediationRequests.Cancel body) {
        return session(caseNumber, mediation.cancel(caseNumber, CaseVersion.required(ifMatch), sessionId, body.reason));
    }

    @POST
    @Path("{caseNumber}/sessions/{sessionId}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that a session took place: notes and attendance")
    public Response record(@PathParam("caseNumber") String caseNumber, @PathParam("sessionId") long sessionId,
                           @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                                   description = CaseVersion.HEADER_DOC)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid MediationRequests.Held body) {
        return session(caseNumber, mediation.recordHeld(caseNumber, CaseVersion.required(ifMatch), sessionId,
                body.heldAt, body.notes, body.attendance));
    }

    @POST
    @Path("{caseNumber}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the outcome: IN_MEDIATION to CONCLUDED",
            description = "SUCCESS with an agreement (written or oral, terms, amount, performance deadline), FAILURE "
                    + "with reason and guidance, or WITHDRAWN. Sets the follow-up due date: the handling office's "
                    + "follow-up days, else the district default. Averted escalations: criminalCaseAverted and "
                    + "massPetitionAverted, each with its people (criminalCaseAvertedPeople, massPetitionAvertedPeople: "
                    + "1 to 100000, optional for older clients; a count without its flag is a 400).")
    public Response outcome(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER,
            name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull(message = "a JSON body is required") @Valid MediationRequests.OutcomeBody body) {
        OutcomeCommand command = new OutcomeCommand(Outcome.valueOf(body.result),
                body.agreementForm == null ? null : AgreementForm.valueOf(body.agreementForm), body.terms,
                body.amount, body.performanceDeadline, body.reason,
                body.guidance == null ? null : FailureGuidance.valueOf(body.guidance),
                body.averted());
        return state(followUps.recordOutcome(caseNumber, CaseVersion.required(ifMatch), command));
    }

    @GET
    @Path("{caseNumber}/follow-ups")
    @Operation(summary = "The follow-up visits of the case")
    public List<FollowUpView> visits(@PathParam("caseNumber") String caseNumber) {
        long version = access.visible(caseNumber).version();
        return followUps.visits(caseNumber).stream().map(v -> FollowUpView.of(v, caseNumber, version)).toList();
    }

    @POST
    @Path("{caseNumber}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a follow-up visit (回访): method, performance, satisfaction 1 to 5, notes")
    @APIResponse(responseCode = "201", description = "Recorded; ETag is the new case version")
    public Response followUp(@PathParam("caseNumber") String caseNumber, @Parameter(in = ParameterIn.HEADER,
            name = "If-Match", required = true, description = CaseVersion.HEADER_DOC)
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull(message = "a JSON body is required") @Valid MediationRequests.FollowUp body) {
        FollowUpVisit v = followUps.record(caseNumber, CaseVersion.required(ifMatch), body.visitedAt,
                FollowUpMethod.valueOf(body.method), Performance.valueOf(body.performance), body.satisfaction,
                body.notes);
        long version = access.visible(caseNumber).version();
        return Response.status(201).tag(CaseVersion.tag(version)).entity(FollowUpView.of(v, caseNumber, version))
                .build();
    }

    private Response session(String caseNumber, MediationSession s) {
        long version = access.visible(caseNumber).version();
        return CaseVersion.ok(SessionView.of(s, caseNumber, version), version).build();
    }

    private Response state(DisputeCase c) {
        return CaseVersion.ok(CaseState.of(c, lifecycle.actionsFor(c)), c.version()).build();
    }
}
