package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The password expiry: after the configured days, never with 0, never for an unknown time. */
class CredentialRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aPasswordExpiresOnceItIsMaxAgeDaysOld() {
        assertThat(CredentialRules.expired(NOW.minusDays(89), 90, NOW)).isFalse();
        assertThat(CredentialRules.expired(NOW.minusDays(90).plusMinutes(1), 90, NOW)).isFalse();
        assertThat(CredentialRules.expired(NOW.minusDays(90), 90, NOW)).isTrue();
        assertThat(CredentialRules.expired(NOW.minusDays(400), 90, NOW)).isTrue();
    }

    @Test
    void zeroMeansNeverAndAnUnknownTimeNeverExpires() {
        assertThat(CredentialRules.expired(NOW.minusDays(4000), 0, NOW)).isFalse();
        assertThat(CredentialRules.expired(null, 90, NOW)).as("the demo data's published accounts").isFalse();
    }

    @Test
    void onlyAccountsWithAdministrativeRightsNeedTwoFactorsAndOnlyWhenRequired() {
        CredentialRules rules = new CredentialRules();
        rules.configured = new org.trilink.platform.Configured() {
            @Override
            public boolean production() {
                return true;
            }
        };
        rules.twoFactor = java.util.Optional.empty();
        rules.maxAgeDays = java.util.Optional.empty();
        assertThat(rules.twoFactorMode()).isEqualTo("required");
        assertThat(rules.maxAgeDays()).isEqualTo(90);
        Account admin = account(Role.ADMIN);
        Account staff = account(Role.STAFF);
        assertThat(rules.twoFactorRequiredFor(admin)).isTrue();
        assertThat(rules.twoFactorRequiredFor(staff)).isFalse();
        rules.twoFactor = java.util.Optional.of("optional");
        assertThat(rules.twoFactorRequiredFor(admin)).isFalse();
        rules.configured = new org.trilink.platform.Configured(); // no profile set: the demo's defaults
        rules.twoFactor = java.util.Optional.empty();
        assertThat(rules.twoFactorMode()).isEqualTo("optional");
        assertThat(rules.maxAgeDays()).isZero();
        rules.maxAgeDays = java.util.Optional.of(30);
        assertThat(rules.maxAgeDays()).isEqualTo(30);
    }

    private static Account account(Role role) {
        return new Account() {
            public String username() {
                return "someone";
            }

            public String displayName() {
                return "someone";
            }

            public String officeCode() {
                return null;
            }

            public boolean active() {
                return true;
            }

            public String passwordHash() {
                return "x";
            }

            public java.util.Set<Role> roles() {
                return java.util.Set.of(role);
            }
        };
    }
}
