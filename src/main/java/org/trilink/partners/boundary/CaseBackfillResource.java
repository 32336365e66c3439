package org.trilink.partners.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.CaseViews.CaseDetail;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.partners.control.CaseBackfill;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The API's door for a past case (补录): what a ledger row brings in, one case at a time, for
 * an office head or the district admin. It lives with the ledger import, whose checks and storing
 * it uses, under the cases' path.
 */
@Path("cases/backfill")
@RequestScoped
@Tag(name = "Cases")
public class CaseBackfillResource {

    @Inject
    CurrentUser user;

    @Inject
    CaseBackfill backfill;

    @Inject
    CaseAccess access;

    @Inject
    Validator validator;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a past case after the fact (补录), with its real dates",
            description = "For an office head (their own office) and the district admin (the office named in"
                    + " handlingOffice); everyone else 403. The body is the intake's dispute plus the case's course:"
                    + " received, accepted or filed, mediators, referral, outcome or administrative resolution and"
                    + " its date, agreement, follow-up visits, averted flags, closure. Checked and stored exactly as"
                    + " a row of the ledger import (POST /api/v1/ledgers): each fact a backfilled change at its"
                    + " real date naming the caller and the request's SHA-256, no notification, no partner"
                    + " callback, no overdue timer; the register number is the office's of the year of acceptance"
                    + " (or filing), the ledger number itself when it is one. A case open at its real stage is then"
                    + " worked through the normal moves. A live case is registered with POST /api/v1/cases.")
    @APIResponse(responseCode = "201", description = "Registered; Location points at the case")
    @APIResponse(responseCode = "200", description = "The same request was sent before (same office, ledger number"
            + " and facts): the case it registered, nothing new")
    @APIResponse(responseCode = "400", description = "Faulty facts, each field named: codes, parties, dates that are"
            + " no date, out of order or in the future, unknown fields, fractions for whole numbers")
    @APIResponse(responseCode = "403", description = "Not an office head or the admin, or a head naming another office")
    @APIResponse(responseCode = "409", description = "The office's ledger number belongs to another case (caseNumber)")
    public Response register(CaseBackfillRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a JSON body is required");
        }
        // who may, before what they sent is judged
        String office = backfill.officeFor(user, request.handlingOffice);
        request.handlingOffice = office;
        Map<String, String> row = request.toRow(office);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CaseBackfillRequest> v : validator.validate(request)) {
            errors.add(new Problem.FieldError(fieldOf(v), v.getMessage()));
        }
        if (request.parties != null && !request.parties.isEmpty() && !request.hasApplicant()) {
            errors.add(new Problem.FieldError("parties", "at least one APPLICANT is required"));
        }
        if (!errors.isEmpty()) {
            // the row's own checks too, so that every fault is named at once; a field already
            // refused by the intake's rules is named once
            Set<String> named = new HashSet<>(errors.stream().map(Problem.FieldError::field).toList());
            for (Problem.FieldError e : backfill.faults(row, office, user.admin())) {
                String field = CaseBackfillRequest.field(e.field());
                if (!named.contains(field) && !"parties".equals(field)) {
                    errors.add(new Problem.FieldError(field, e.message()));
                }
            }
            throw invalid(errors);
        }
        CaseBackfill.Backfilled done;
        try {
            done = backfill.register(row, office, user.admin(), user.username(), request.parties, request.occurredAt,
                    request.sha256());
        } catch (ProblemException e) {
            if (e.problem().status() != 400 || e.problem().errors() == null) {
                throw e;
            }
            throw invalid(e.problem().errors().stream()
                    .map(f -> new Problem.FieldError(CaseBackfillRequest.field(f.field()), f.message())).toList());
        }
        DisputeCase c = done.disputeCase();
        boolean full = access.revealPersonalData(c, "BACKFILL");
        CaseDetail detail = CaseDetail.of(c, full, null);
        if (!done.created()) {
            return Response.ok(detail).build();
        }
        return Response.created(uriInfo.getBaseUriBuilder().path("cases").path(c.caseNumber()).build())
                .entity(detail).build();
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "Bad Request", "The past case has invalid facts.")
                .withErrors(errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList()));
    }

    /** {@code parties[0].idNumber}, {@code followUps[1].at}: the path as the request has it. */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
