package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trilink.statistics.entity.Rate;

class RateTest {

    @Test
    void reportFiguresRoundHalfUpToTwoDecimals() {
        assertThat(Rate.of(7946, 7948).printed()).isEqualTo("99.97");
        assertThat(Rate.of(375, 1225).printed()).isEqualTo("30.61");
        assertThat(Rate.of(375, 1225).numerator()).isEqualTo(375);
        assertThat(Rate.of(375, 1225).denominator()).isEqualTo(1225);
    }

    @Test
    void halfWayRoundsUpNotToEven() {
        // 1/8 = 12.5 %, 1/800 = 0.125 % -> 0.13 (half-even would give 0.12)
        assertThat(Rate.of(1, 800).printed()).isEqualTo("0.13");
        assertThat(Rate.of(1, 8).printed()).isEqualTo("12.50");
        assertThat(Rate.of(2, 3).printed()).isEqualTo("66.67");
    }

    @Test
    void wholeAndEmptyPeriods() {
        assertThat(Rate.of(10, 10).printed()).isEqualTo("100.00");
        assertThat(Rate.of(0, 0).printed()).isEqualTo("0.00");
        assertThatThrownBy(() -> Rate.of(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
