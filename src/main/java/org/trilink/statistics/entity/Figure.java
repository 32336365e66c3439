package org.trilink.statistics.entity;

import java.math.BigDecimal;

/**
 * One figure of a run: a metric, for breakdowns the code it is broken down by ('' for a
 * total), its value and, for rates, the numerator and denominator.
 */
public record Figure(String metric, String dimension, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    public boolean total() {
        return dimension == null || dimension.isEmpty();
    }

    public long count() {
        return value.longValue();
    }
}
