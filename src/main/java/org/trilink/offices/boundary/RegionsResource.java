package org.trilink.offices.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.offices.control.OfficeCatalog;

@Path("regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions and offices")
public class RegionsResource {

    public record RegionView(String code, String parentCode, String level, String nameZh, String nameEn) {
    }

    @Inject
    OfficeCatalog catalog;

    @GET
    @Operation(summary = "The district and its towns and streets, by administrative division code")
    public List<RegionView> regions() {
        return catalog.regions().stream()
                .map(r -> new RegionView(r.code(), r.parentCode(), r.level(), r.nameZh(), r.nameEn()))
                .toList();
    }
}
