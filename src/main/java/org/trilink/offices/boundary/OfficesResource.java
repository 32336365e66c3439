package org.trilink.offices.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.OfficeType;
import org.trilink.platform.problem.ProblemException;

@Path("offices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions and offices")
public class OfficesResource {

    public record OfficeView(String code, OfficeType type, String nameZh, String nameEn, String regionCode,
                             boolean active) {
    }

    @Inject
    OfficeCatalog catalog;

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
                .map(o -> new OfficeView(o.code(), o.type(), o.nameZh(), o.nameEn(), o.regionCode(), o.active()))
                .toList();
    }
}
