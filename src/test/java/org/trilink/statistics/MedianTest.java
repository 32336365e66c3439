package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.statistics.control.RunFigures;

/** The median of days to outcome, taken from the partial sums' distribution as percentile_cont(0.5) would. */
class MedianTest {

    @Test
    void anOddCountGivesTheMiddleValue() {
        // 0, 0, 3, 7, 7 -> 3
        assertThat(RunFigures.median(Map.of("0", n(2), "3", n(1), "7", n(2)))).isEqualByComparingTo("3.00");
    }

    @Test
    void anEvenCountGivesTheMeanOfTheTwoMiddleValues() {
        // 1, 2, 4, 9 -> 3 ; 2, 2, 5, 5 -> 3.5 ; distributions summed over slices give the same
        assertThat(RunFigures.median(Map.of("1", n(1), "2", n(1), "4", n(1), "9", n(1)))).isEqualByComparingTo("3.00");
        assertThat(RunFigures.median(Map.of("5", n(2), "2", n(2)))).isEqualByComparingTo("3.50");
        assertThat(RunFigures.median(Map.of("12", n(1), "10", n(1)))).isEqualByComparingTo("11.00");
    }

    @Test
    void noOutcomesGiveZero() {
        assertThat(RunFigures.median(Map.of())).isEqualByComparingTo("0.00");
        assertThat(RunFigures.median(Map.of("4", n(1)))).isEqualByComparingTo("4.00");
    }

    private static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }
}
