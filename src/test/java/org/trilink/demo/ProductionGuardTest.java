package org.trilink.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    /** A stand-in hash: "hash:" + password, so the check needs no container. */
    static boolean verify(String password, String hash) {
        return hash.equals("hash:" + password);
    }

    @Test
    void findsEveryActiveAccountThatStillAcceptsItsDemoPassword() {
        Map<String, String> hashes = Map.of(
                "admin", "hash:admin-demo",          // unchanged: unsafe
                "mediator", "hash:a-real-secret",    // changed: fine
                "police", "hash:police-demo");       // unchanged: unsafe
        assertThat(ProductionGuard.accountsWithDemoPasswords(u -> Optional.ofNullable(hashes.get(u)),
                ProductionGuardTest::verify)).containsExactlyInAnyOrder("admin", "police");
    }

    @Test
    void noDemoAccountsMeansNothingToRefuse() {
        assertThat(ProductionGuard.accountsWithDemoPasswords(u -> Optional.empty(), ProductionGuardTest::verify))
                .isEmpty();
    }

    @Test
    void refusesWithAMessageThatSaysWhatToDo() {
        assertThatThrownBy(() -> ProductionGuard.refuseIf(true, "account 'admin' still has its demo password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start in production")
                .hasMessageContaining("admin");
        ProductionGuard.refuseIf(false, "never");
        assertThat(ProductionGuard.isDemoPassword("admin-demo")).isTrue();
        assertThat(ProductionGuard.isDemoPassword("Tr1L!nk-prod")).isFalse();
    }

    @Test
    void refusesProductionWithoutHttpsAndNamesTheSetting() {
        assertThatThrownBy(() -> ProductionGuard.refuseUnlessHttps(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start in production")
                .hasMessageContaining("TRILINK_SECURITY_HTTPS")
                .hasMessageContaining("Secure");
        ProductionGuard.refuseUnlessHttps(true);
    }

    @Test
    void refusesProductionWithoutAKeyForTheTwoFactorSecrets() {
        assertThatThrownBy(() -> ProductionGuard.refuseWithoutTwoFactorKey(" "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRILINK_SECURITY_TWO_FACTOR_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        ProductionGuard.refuseWithoutTwoFactorKey("dHJpbGluay1pdC10ZXN0LWtleS0zMi1ieXRlcy0hISE=");
    }

    @Test
    void refusesProductionOnTheEmbeddedDatabase() {
        assertThatThrownBy(() -> ProductionGuard.refuseEmbeddedDatabase("H2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embedded H2")
                .hasMessageContaining("TRILINK_DB_URL");
        ProductionGuard.refuseEmbeddedDatabase("PostgreSQL");
    }
}
