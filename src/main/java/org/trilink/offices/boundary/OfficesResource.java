package org.trilink.offices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.control.OfficeForm;
import org.trilink.offices.control.OfficeNumbers;
import org.trilink.offices.entity.NumberKind;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.problem.QueryNumbers;
import org.trilink.platform.security.CurrentUser;

/** The district's offices: everyone reads them; the district admin adds, changes and disables them. */
@Path("offices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions and offices")
public class OfficesResource {

    public record OfficeView(String code, OfficeType type, String nameZh, String nameEn, String regionCode,
                             boolean active) {
        static OfficeView of(Office o) {
            return new OfficeView(o.code(), o.type(), o.nameZh(), o.nameEn(), o.regionCode(), o.active());
        }
    }

    /** What the admin sees of one office: with its own deadlines (null: its type's apply). */
    public record OfficeDetails(String code, OfficeType type, String nameZh, String nameEn, String regionCode,
                                boolean active, Integer referralDeadlineHours, Integer followUpDays,
                                String registerFormat, String documentFormat) {
        static OfficeDetails of(Office o) {
            return new OfficeDetails(o.code(), o.type(), o.nameZh(), o.nameEn(), o.regionCode(), o.active(),
                    o.referralDeadlineHours(), o.followUpDays(), o.numberFormat(NumberKind.REGISTER).pattern(),
                    o.numberFormat(NumberKind.DOCUMENT).pattern());
        }
    }

    /** Where an office's numbering stands in a year: the last number given of each kind, and the next. */
    public record NumberingView(String office, int year, int registerLast, String registerNext, int documentLast,
                                String documentNext) {
    }

    @Inject
    OfficeCatalog catalog;

    @Inject
    OfficeNumbers numbers;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Offices of the district: police stations, judicial offices, law firms, committees, "
            + "the court, the hotline and partner agencies")
    public List<OfficeView> offices(
            @Parameter(description = "POLICE_STATION, JUDICIAL_OFFICE, LAW_FIRM, MEDIATION_COMMITTEE, COURT, "
                    + "HOTLINE or PARTNER_AGENCY") @QueryParam("type") String type,
            @Parameter(description = "region code") @QueryParam("region") String region) {
        OfficeType officeType = null;
        if (type != null && !type.isBlank()) {
            try {
                officeType = OfficeType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("type", "unknown office type");
            }
        }
        return catalog.offices(officeType, region == null || region.isBlank() ? null : region).stream()
                .map(OfficeView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an office (ADMIN only): 201 with Location; 409 if the code is taken; 400 lists every "
            + "faulty field")
    public Response create(OfficeForm form) {
        requireAdmin();
        Office office = catalog.create(form);
        return Response.created(URI.create("offices/" + office.code())).entity(OfficeDetails.of(office)).build();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One office with its own deadline settings")
    public OfficeDetails get(@PathParam("code") String code) {
        return OfficeDetails.of(catalog.get(code));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an office's names, town and own deadlines (ADMIN only); code and type stay")
    public OfficeDetails change(@PathParam("code") String code, OfficeForm form) {
        requireAdmin();
        return OfficeDetails.of(catalog.change(code, form));
    }

    @GET
    @Path("{code}/numbers")
    @Operation(summary = "Where the office's register and document numbers stand in a year (default: this year):"
            + " the last given and the next; the office's own staff and the district admin")
    public NumberingView numbering(@PathParam("code") String code,
                                   @Parameter(description = "four-digit year") @QueryParam("year") String year) {
        Office office = catalog.get(code);
        if (!user.admin() && !code.equals(user.officeCode())) {
            throw ProblemException.forbidden("Only the office's own staff and the district admin see its numbering.");
        }
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        int y = QueryNumbers.number("year", year, numbers.thisYear(), 1990, 2999, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The query has invalid parameters.")
                    .withErrors(errors));
        }
        int register = numbers.last(code, NumberKind.REGISTER, y);
        int document = numbers.last(code, NumberKind.DOCUMENT, y);
        return new NumberingView(code, y, register, office.numberFormat(NumberKind.REGISTER).format(y, register + 1),
                document, office.numberFormat(NumberKind.DOCUMENT).format(y, document + 1));
    }

    @POST
    @Path("{code}/disable")
    @Operation(summary = "Disable an office (ADMIN only): no new cases, referrals or staff for it; its cases stay")
    public OfficeDetails disable(@PathParam("code") String code) {
        requireAdmin();
        return OfficeDetails.of(catalog.enable(code, false));
    }

    @POST
    @Path("{code}/enable")
    @Operation(summary = "Enable an office again (ADMIN only)")
    public OfficeDetails enable(@PathParam("code") String code) {
        requireAdmin();
        return OfficeDetails.of(catalog.enable(code, true));
    }

    private void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin manages offices and staff.");
        }
    }
}
