package org.trilink.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityNumbersTest {

    @Test
    void residentIdCheckDigitFollowsIso7064Mod112() {
        assertThat(IdentityNumbers.isResidentId("11010519491231002X")).isTrue();
        assertThat(IdentityNumbers.isResidentId("310118198001010015")).isTrue();
        assertThat(IdentityNumbers.isResidentId("110105194912310021")).as("wrong check digit").isFalse();
        assertThat(IdentityNumbers.isResidentId("11010519491231002x")).as("lower-case x").isFalse();
        assertThat(IdentityNumbers.isResidentId("1101051949123100")).as("too short").isFalse();
        assertThat(IdentityNumbers.isResidentId(null)).isFalse();
        assertThat(IdentityNumbers.residentIdCheck("31011819900215123")).isEqualTo('6');
    }

    @Test
    void residentIdBirthDateIsARealDayNotInTheFuture() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 6);
        assertThat(IdentityNumbers.isResidentId(withCheck("31011819900215123"), today)).isTrue();
        assertThat(IdentityNumbers.isResidentId(withCheck("31011819901315123"), today)).as("month 13").isFalse();
        assertThat(IdentityNumbers.isResidentId(withCheck("31011820230229123"), today)).as("29 Feb 2023").isFalse();
        assertThat(IdentityNumbers.isResidentId(withCheck("31011820240229123"), today)).as("29 Feb 2024").isTrue();
        assertThat(IdentityNumbers.isResidentId(withCheck("31011820261206123"), today)).as("born today").isTrue();
        assertThat(IdentityNumbers.isResidentId(withCheck("31011820261207123"), today)).as("born tomorrow").isFalse();
        assertThat(IdentityNumbers.isResidentId(withCheck("31011818991231123"), today)).as("before 1900").isFalse();
    }

    @Test
    void residentIdBeginsWithAProvinceCode() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 6);
        for (String province : new String[] {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65",
            "71", "81", "82", "83", "93"}) {
            assertThat(IdentityNumbers.isResidentId(withCheck(province + "011819900215123"), today)).as(province)
                    .isTrue();
        }
        for (String nowhere : new String[] {"00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66",
            "70", "72", "80", "84"}) {
            assertThat(IdentityNumbers.isResidentId(withCheck(nowhere + "011819900215123"), today)).as(nowhere)
                    .isFalse();
        }
    }

    private static String withCheck(String first17) {
        return first17 + IdentityNumbers.residentIdCheck(first17);
    }

    @Test
    void mobileNumbersHaveElevenDigitsStartingWithOne() {
        assertThat(IdentityNumbers.isMobile("13800138000")).isTrue();
        assertThat(IdentityNumbers.isMobile("23800138000")).isFalse();
        assertThat(IdentityNumbers.isMobile("1380013800")).isFalse();
        assertThat(IdentityNumbers.isMobile("138-0013-8000")).isFalse();
    }

    @Test
    void creditCodeCheckCharacterFollowsGb32100() {
        assertThat(IdentityNumbers.isCreditCode("91310118MA1JL0XX5Q")).isTrue();
        assertThat(IdentityNumbers.isCreditCode("91310000132149237G")).isTrue();
        assertThat(IdentityNumbers.isCreditCode("91310118MA1JL0XX5A")).isFalse();
        assertThat(IdentityNumbers.isCreditCode("91310118MA1JL0XX5")).isFalse();
        assertThat(IdentityNumbers.isCreditCode("91310118MA1JL0IX5Q")).as("I is not in the alphabet").isFalse();
    }

    @Test
    void maskingKeepsOnlyTheEnds() {
        assertThat(IdentityNumbers.maskId("310118198001010015")).isEqualTo("3101**********0015");
        assertThat(IdentityNumbers.maskPhone("13800000000")).isEqualTo("138****0000");
        assertThat(IdentityNumbers.maskId(null)).isNull();
        assertThat(IdentityNumbers.maskPhone("123")).isEqualTo("***");
    }
}
