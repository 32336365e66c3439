package org.trilink.offices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.Region;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.faces.Language;
import org.trilink.platform.security.CurrentUser;

/**
 * Regions and offices by their Chinese or English name, in the page's language ({@code places} on
 * the pages): the offices feature's words, read once per request from its catalogue.
 */
@Named("places")
@RequestScoped
public class Places {

    @Inject
    Language language;

    @Inject
    Labels labels;

    @Inject
    CurrentUser user;

    @Inject
    OfficeCatalog catalog;

    private Map<String, Region> regions;
    private Map<String, Office> offices;

    public List<Region> regions() {
        return List.copyOf(regionMap().values());
    }

    public List<Office> offices() {
        return List.copyOf(officeMap().values());
    }

    public String region(String code) {
        Region r = code == null ? null : regionMap().get(code);
        return r == null ? (code == null ? "" : code) : (language.isEnglish() ? r.nameEn() : r.nameZh());
    }

    public String office(String code) {
        Office o = code == null ? null : officeMap().get(code);
        return o == null ? (code == null ? "" : code) : (language.isEnglish() ? o.nameEn() : o.nameZh());
    }

    public String regionName(Region r) {
        return language.isEnglish() ? r.nameEn() : r.nameZh();
    }

    public String officeName(Office o) {
        return language.isEnglish() ? o.nameEn() : o.nameZh();
    }

    /** The signed-in person's office; the district's for its own people (admin, drafters). */
    public String getOwnOffice() {
        String office = user.officeCode();
        return office == null ? labels.text("office.district") : office(office);
    }

    private Map<String, Region> regionMap() {
        if (regions == null) {
            regions = catalog.regions().stream().collect(Collectors.toMap(Region::code, Function.identity(),
                    (a, b) -> a, LinkedHashMap::new));
        }
        return regions;
    }

    private Map<String, Office> officeMap() {
        if (offices == null) {
            offices = catalog.offices(null, null).stream().collect(Collectors.toMap(Office::code,
                    Function.identity(), (a, b) -> a, LinkedHashMap::new));
        }
        return offices;
    }
}
