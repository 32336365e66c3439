package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.platform.Configured;

/**
 * What a signed-in person must do before anything else (等保三级: first-login change, expiry, two
 * kinds of authentication for privileged users): change a password the admin set or one older
 * than the configured age, and, where two factors are required, enrol them if the account has
 * administrative rights. The defaults depend on the profile: the production profile expires
 * passwords after 90 days and requires two factors of admins; the demo profile neither, so that
 * the published demo accounts keep working as they are.
 */
@ApplicationScoped
public class CredentialRules {

    /** What is due, in the order it must be done. */
    public enum Due {
        NOTHING, PASSWORD_SET_BY_ADMIN, PASSWORD_EXPIRED, TWO_FACTOR_ENROLMENT
    }

    public static final int PRODUCTION_MAX_AGE_DAYS = 90;

    @Inject
    Configured configured;

    @Inject
    @ConfigProperty(name = "trilink.security.password.max-age-days")
    Optional<Integer> maxAgeDays;

    @Inject
    @ConfigProperty(name = "trilink.security.two-factor")
    Optional<String> twoFactor;

    @Inject
    TwoFactors twoFactors;

    /** Days a password lasts; 0: for ever. */
    public int maxAgeDays() {
        return Math.max(0, maxAgeDays.orElse(configured.production() ? PRODUCTION_MAX_AGE_DAYS : 0));
    }

    /** {@code required} (admins must enrol) or {@code optional}; anything else is refused at start. */
    public String twoFactorMode() {
        return twoFactor.map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .orElse(configured.production() ? "required" : "optional");
    }

    public boolean twoFactorRequired() {
        return "required".equals(twoFactorMode());
    }

    /** Whether this account must have two factors: administrative rights, with the setting {@code required}. */
    public boolean twoFactorRequiredFor(Account account) {
        return twoFactorRequired() && account.has(Role.ADMIN);
    }

    public Due due(Account account) {
        if (account.passwordChangeDue()) {
            return Due.PASSWORD_SET_BY_ADMIN;
        }
        if (expired(account.passwordSetAt(), maxAgeDays(), OffsetDateTime.now())) {
            return Due.PASSWORD_EXPIRED;
        }
        if (twoFactorRequiredFor(account) && !twoFactors.enrolled(account.username())) {
            return Due.TWO_FACTOR_ENROLMENT;
        }
        return Due.NOTHING;
    }

    /**
     * Whether a password set at {@code setAt} has expired: never with an age of 0, nor when the
     * time is unknown (the demo data's published accounts, which production refuses anyway).
     */
    static boolean expired(OffsetDateTime setAt, int maxAgeDays, OffsetDateTime now) {
        return maxAgeDays > 0 && setAt != null && !setAt.plusDays(maxAgeDays).isAfter(now);
    }
}
