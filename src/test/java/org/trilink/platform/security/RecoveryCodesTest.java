package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfEightCharactersWithoutLookAlikes() {
        List<String> codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10);
        assertThat(new HashSet<>(codes)).hasSize(10);
        assertThat(codes).allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}"))
                .noneMatch(c -> c.contains("0") || c.contains("1") || c.contains("l") || c.contains("o")
                        || c.contains("i"));
        assertThat(codes).allMatch(RecoveryCodes::shaped);
    }

    @Test
    void theDigestIgnoresCaseDashesAndSpacesAndDependsOnTheAccount() {
        String code = RecoveryCodes.generate().get(0);
        String digest = RecoveryCodes.digest("admin", code);
        assertThat(RecoveryCodes.digest("admin", code.toUpperCase().replace("-", " "))).isEqualTo(digest);
        assertThat(RecoveryCodes.digest("other", code)).isNotEqualTo(digest);
        assertThat(digest).doesNotContain(code.replace("-", "")).hasSize(64);
    }

    @Test
    void totpCodesAreNotShapedLikeRecoveryCodes() {
        assertThat(RecoveryCodes.shaped("123456")).isFalse();
        assertThat(RecoveryCodes.shaped("abcd-efgh")).isTrue();
        assertThat(RecoveryCodes.shaped("")).isFalse();
    }
}
