package org.trilink.cases.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.CaseViews.CaseDetail;
import org.trilink.cases.boundary.CaseViews.CaseSummary;
import org.trilink.cases.boundary.CaseViews.EventView;
import org.trilink.cases.boundary.CaseViews.PageView;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseFilter;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.CaseQueries;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.MatterKind;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.problem.QueryNumbers;

@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Intake and reading of disputes. Staff see the cases their office handles or "
        + "jointly mediates; the district admin sees all; drafters none (403). A case you may not see answers 404.")
public class CasesResource {

    @Inject
    CaseIntake intake;

    @Inject
    CaseQueries queries;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

    @Inject
    @ConfigProperty(name = "trilink.api.max-page-size", defaultValue = "200")
    int maxPageSize;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a dispute (intake)",
            description = "Creates a case received now by the caller's office. 400 lists every faulty field "
                    + "(codes, resident ID check digit, mobile number, credit code, amounts); nothing is stored then. "
                    + "A past case with its real dates (receivedAt, acceptedAt, ...) is registered after the fact with "
                    + "POST /api/v1/cases/backfill; here such a field is refused as unknown (400).")
    @APIResponse(responseCode = "201", description = "Registered; Location points at the case")
    @APIResponse(responseCode = "400", description = "Invalid or unknown fields, a fraction for a whole number, a NUL"
            + " character, or malformed JSON (problem+json, errors name the fields)")
    @APIResponse(responseCode = "413", description = "Body over 256 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    public Response register(@NotNull(message = "a JSON body is required") @Valid CaseIntakeRequest request) {
        CaseIntake.Registered registered = intake.registerForCaller(request.toCommand());
        DisputeCase c = registered.disputeCase();
        return Response.created(uriInfo.getBaseUriBuilder().path("cases").path(c.caseNumber()).build())
                .entity(CaseDetail.of(c, registered.personalDataShown(), registered.openCasesWithSameParties()))
                .build();
    }

    @GET
    @Path("{caseNumber}")
    @Operation(summary = "One case with its parties",
            description = "ID numbers and phones are whole only for staff of an office taking part in the case; "
                    + "each such answer is recorded as a view of personal data.")
    public CaseDetail read(@PathParam("caseNumber") String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        boolean full = access.revealPersonalData(c, "CASE_READ");
        return CaseDetail.of(c, full, null);
    }

    @GET
    @Path("{caseNumber}/history")
    @Operation(summary = "The case's history: every change, who made it, for which office, when, before and after")
    public List<EventView> history(@PathParam("caseNumber") String caseNumber) {
        return history.of(access.visible(caseNumber)).stream().map(EventView::of).toList();
    }

    @GET
    @Operation(summary = "Cases the caller may see, filtered and paged, newest first; personal data masked",
            description = "q finds a case number, register number (登记编号, any year brackets), agreement or"
                    + " ledger number exactly, or words in the summary")
    public PageView<CaseSummary> list(@QueryParam("status") String status,
                                      @QueryParam("disputeType") String disputeType,
                                      @QueryParam("channel") String channel,
                                      @QueryParam("matterKind") String matterKind,
                                      @QueryParam("region") String region,
                                      @QueryParam("office") String office,
                                      @QueryParam("acceptedFrom") String acceptedFrom,
                                      @QueryParam("acceptedTo") String acceptedTo,
                                      @QueryParam("q") String text,
                                      @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        CaseFilter filter = new CaseFilter(
                code("status", status, CaseStatus::valueOf, errors),
                code("disputeType", disputeType, DisputeType::valueOf, errors),
                code("channel", channel, Channel::valueOf, errors),
                blankToNull(region), blankToNull(office),
                code("matterKind", matterKind, MatterKind::valueOf, errors),
                date("acceptedFrom", acceptedFrom, errors),
                date("acceptedTo", acceptedTo, errors),
                blankToNull(text));
        int pageNumber = QueryNumbers.number("page", page, 0, 0, Integer.MAX_VALUE / maxPageSize, errors);
        int pageSize = QueryNumbers.number("size", size, 20, 1, maxPageSize, errors);
        if (filter.acceptedFrom() != null && filter.acceptedTo() != null
                && filter.acceptedFrom().isAfter(filter.acceptedTo())) {
            errors.add(new Problem.FieldError("acceptedFrom", "must not be after acceptedTo"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The query has invalid parameters.")
                    .withErrors(errors));
        }
        CaseQueries.Page<DisputeCase> result = queries.list(filter, pageNumber, pageSize);
        return new PageView<>(result.items().stream().map(CaseSummary::of).toList(), result.page(), result.size(),
                result.total());
    }

    private static <E> E code(String field, String value, Function<String, E> parse,
                              List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "unknown code"));
            return null;
        }
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date like 2026-01-31"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
