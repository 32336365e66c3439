package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trilink.partners.simulator.PartnerSimulator;

class SignaturesTest {

    byte[] body = "{\"externalId\":\"110-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256InLowercaseHex() {
        // RFC 4231-style check against an independent computation: the simulator's own HMAC code
        String s = Signatures.sign("demo-police-secret", 1700000000L, body);
        assertThat(s).startsWith("sha256=").hasSize(7 + 64).isLowerCase();
        assertThat(s).isEqualTo(PartnerSimulator.sign("demo-police-secret", 1700000000L, body));
        assertThat(Signatures.sign("demo-police-secret", 1700000000L, new byte[0]))
                .isEqualTo("sha256=" + hex("demo-police-secret", "1700000000."));
    }

    @Test
    void matchesOnlyTheRightSecretTimestampAndBody() {
        String s = Signatures.sign("k", 100, body);
        assertThat(Signatures.matches("k", 100, body, s)).isTrue();
        assertThat(Signatures.matches("k", 100, body, s.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(Signatures.matches("other", 100, body, s)).isFalse();
        assertThat(Signatures.matches("k", 101, body, s)).isFalse();
        assertThat(Signatures.matches("k", 100, "{}".getBytes(StandardCharsets.UTF_8), s)).isFalse();
        assertThat(Signatures.matches("k", 100, body, null)).isFalse();
        assertThat(Signatures.matches("k", 100, body, s.substring(7))).isFalse();
    }

    @Test
    void allowsThreeHundredSecondsOfClockSkewEitherWay() {
        assertThat(Signatures.fresh(1000, 1300)).isTrue();
        assertThat(Signatures.fresh(1000, 700)).isTrue();
        assertThat(Signatures.fresh(1000, 1301)).isFalse();
        assertThat(Signatures.fresh(1000, 699)).isFalse();
    }

    private static String hex(String key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
