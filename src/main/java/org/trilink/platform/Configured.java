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
}
