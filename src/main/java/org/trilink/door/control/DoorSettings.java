package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The parties' door's settings (MicroProfile Config, also as environment variables, e.g.
 * TRILINK_DOOR_CODES_PER_PHONE). The daily limits count codes asked for, per district day.
 */
@ApplicationScoped
public class DoorSettings {

    /** The privacy notice's version a consent names; a new notice text needs a new version. */
    public static final String NOTICE_VERSION = "2026-12";

    @Inject
    @ConfigProperty(name = "trilink.door.code-minutes", defaultValue = "5")
    int codeMinutes;

    @Inject
    @ConfigProperty(name = "trilink.door.code-tries", defaultValue = "5")
    int codeTries;

    @Inject
    @ConfigProperty(name = "trilink.door.codes-per-phone", defaultValue = "5")
    int codesPerPhone;

    @Inject
    @ConfigProperty(name = "trilink.door.codes-per-address", defaultValue = "20")
    int codesPerAddress;

    @Inject
    @ConfigProperty(name = "trilink.door.codes-per-office", defaultValue = "200")
    int codesPerOffice;

    @Inject
    @ConfigProperty(name = "trilink.door.pass-minutes", defaultValue = "30")
    int passMinutes;

    @Inject
    @ConfigProperty(name = "trilink.door.public-url")
    Optional<String> publicUrl;

    public int codeMinutes() {
        return codeMinutes;
    }

    public int codeTries() {
        return codeTries;
    }

    public int codesPerPhone() {
        return codesPerPhone;
    }

    public int codesPerAddress() {
        return codesPerAddress;
    }

    public int codesPerOffice() {
        return codesPerOffice;
    }

    public int passMinutes() {
        return passMinutes;
    }

    /** The address parties reach TriLink at (for the posters' QR codes); empty: as the request came. */
    public Optional<String> publicUrl() {
        return publicUrl.map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
