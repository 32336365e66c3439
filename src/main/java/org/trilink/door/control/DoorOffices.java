package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Region;

/**
 * Where an online application goes: a town's judicial office (the core of the linkage, home of
 * the town's people's mediation committee), or the office whose poster's QR code was scanned.
 */
@ApplicationScoped
public class DoorOffices {

    @Inject
    OfficeCatalog catalog;

    /** A town and the office that takes its online applications. */
    public record Town(String regionCode, String nameZh, String nameEn, String officeCode, String officeNameZh,
                       String officeNameEn) implements java.io.Serializable {
    }

    public List<Town> towns() {
        List<Office> judicial = catalog.offices(OfficeType.JUDICIAL_OFFICE, null);
        return catalog.regions().stream().filter(r -> "TOWN".equals(r.level()))
                .flatMap(r -> judicial.stream().filter(o -> o.active() && r.code().equals(o.regionCode())).findFirst()
                        .map(o -> new Town(r.code(), r.nameZh(), r.nameEn(), o.code(), o.nameZh(), o.nameEn()))
                        .stream())
                .toList();
    }

    /** An active office, as a poster's QR code names it, with its town. */
    public Optional<Town> office(String code) {
        return catalog.office(code).filter(Office::active).map(o -> {
            Optional<Region> r = catalog.region(o.regionCode());
            return new Town(o.regionCode(), r.map(Region::nameZh).orElse(null), r.map(Region::nameEn).orElse(null),
                    o.code(), o.nameZh(), o.nameEn());
        });
    }
}
