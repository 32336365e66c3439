package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The TOTP algorithm against the test vectors of RFC 6238, appendix B (SHA-1). */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238TestVectorsForSha1() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111111), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_SECRET, Totp.step(20000000000L), 8)).isEqualTo("65353130");
    }

    @Test
    void sixDigitsAreTheLastSixOfTheEightDigitCode() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109))).isEqualTo("081804");
    }

    @Test
    void aCodeMatchesItsStepAndOneEitherSideButNoStepTakenAlready() {
        long now = Totp.step(1234567890);
        String code = Totp.code(RFC_SECRET, now);
        assertThat(Totp.matchingStep(RFC_SECRET, code, now, 0)).isEqualTo(OptionalLong.of(now));
        assertThat(Totp.matchingStep(RFC_SECRET, code, now + 1, 0)).isEqualTo(OptionalLong.of(now));
        assertThat(Totp.matchingStep(RFC_SECRET, code, now - 1, 0)).isEqualTo(OptionalLong.of(now));
        assertThat(Totp.matchingStep(RFC_SECRET, code, now + 2, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, code, now, now)).as("used once, refused again").isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndReadsTheRfcSecret() {
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
        byte[] random = Totp.newSecret();
        assertThat(random).hasSize(20);
        assertThat(Totp.fromBase32(Totp.base32(random))).isEqualTo(random);
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("TriLink", "admin 1", "ABC"))
                .isEqualTo("otpauth://totp/TriLink:admin%201?secret=ABC&issuer=TriLink&algorithm=SHA1&digits=6&period=30");
    }
}
