package org.trilink.statistics.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A percentage as the reports print it: numerator / denominator x 100, rounded half-up to two
 * decimals, always with the counts it came from. A zero denominator gives 0.00.
 */
public record Rate(BigDecimal value, long numerator, long denominator) {

    public static Rate of(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (denominator == 0) {
            return new Rate(BigDecimal.ZERO.setScale(2), numerator, 0);
        }
        BigDecimal percent = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        return new Rate(percent, numerator, denominator);
    }

    /** "99.97" - always two decimals, as printed in a report. */
    public String printed() {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
