package org.trilink.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings several features read, in one place with their meaning. */
@ApplicationScoped
public class Configured {

    @Inject
    @ConfigProperty(name = "trilink.profile", defaultValue = "demo")
    String profile;

    @Inject
    @ConfigProperty(name = "trilink.district.timezone", defaultValue = "Asia/Shanghai")
    String timezone;

    @Inject
    @ConfigProperty(name = "trilink.district.code", defaultValue = "310118")
    String districtCode;

    /**
     * 1,000: a new filter's count reads up to this many matches, and at 10 M cases counting 10,001 of
     * a judicial office's neighbour disputes took 1.4 s, 1,001 took 0.13 s (docs/benchmarks.md);
     * fifty pages are more than anyone pages through before narrowing the filter. The case list and
     * the desk's trays both count this far, so that "1,000+" means the same on both.
     */
    @Inject
    @ConfigProperty(name = "trilink.portal.list-count-cap", defaultValue = "1000")
    int listCountCap;

    public boolean production() {
        return "production".equalsIgnoreCase(profile);
    }

    /** Dates in the district (periods, deadlines, case numbers) are local dates of this zone. */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public String districtCode() {
        return districtCode;
    }

    /** A list or tray counts matching cases up to this many; beyond it, it says "more than". */
    public int listCountCap() {
        return listCountCap;
    }
}
