package org.trilink.statistics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.Rate;

/**
 * A run's figures against a completed run of an earlier period (同比: the same period a year
 * before, 环比: the period of equal length just before), and the success rate of each town and
 * office. Everything is computed from stored figures and snapshots; nothing here reads a case.
 */
public final class RunComparisons {

    private RunComparisons() {
    }

    /** How a change is counted: a rate's in percentage points, anything else's in percent of the earlier figure. */
    public enum Unit {
        PERCENT, POINTS
    }

    /** One total now and then; {@code change} is null where the earlier figure is 0 (no percent of nothing). */
    public record Change(String metric, BigDecimal value, BigDecimal previous, BigDecimal change, Unit unit) {
    }

    /** One town's or office's cases of the run, those mediated successfully, and the rate (as the total's). */
    public record SuccessLine(String dimension, long accepted, long succeeded, Rate rate) {
    }

    /** The change of one figure from {@code before} to {@code now}, as {@link #changes} counts it. */
    public static BigDecimal change(Metric metric, BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return null;
        }
        return metric.type() == Metric.Type.RATE
                ? now.subtract(before).setScale(2, RoundingMode.HALF_UP)
                : ReportText.change(now, before);
    }

    /** Every total of {@code now} that the earlier run has too, in the order of {@code now}. */
    public static List<Change> changes(List<Figure> now, Map<String, Figure> before) {
        List<Change> changes = new ArrayList<>();
        for (Figure f : now) {
            if (!f.total()) {
                continue;
            }
            Figure then = before.get(f.metric());
            Metric m = Metric.byCode(f.metric()).orElse(null);
            if (then == null || m == null) {
                continue;
            }
            changes.add(new Change(f.metric(), f.value(), then.value(), change(m, f.value(), then.value()),
                    m.type() == Metric.Type.RATE ? Unit.POINTS : Unit.PERCENT));
        }
        return changes;
    }

    /**
     * The success rate beside each line of a breakdown (by town or by office): the line's cases
     * are its denominator, its successful cases its numerator. Largest first, then by code.
     */
    public static List<SuccessLine> successRates(List<Figure> breakdown, Map<String, Long> succeeded) {
        return breakdown.stream().map(f -> {
            long s = succeeded.getOrDefault(f.dimension(), 0L);
            return new SuccessLine(f.dimension(), f.count(), s, Rate.of(s, f.count()));
        }).sorted(Comparator.comparingLong(SuccessLine::accepted).reversed().thenComparing(SuccessLine::dimension))
                .toList();
    }
}
