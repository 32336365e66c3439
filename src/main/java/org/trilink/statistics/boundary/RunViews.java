package org.trilink.statistics.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.statistics.control.FigureCases;
import org.trilink.statistics.control.RunComparisons;
import org.trilink.statistics.control.RunExports;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;

/** What the statistics API answers, as the contract spells it. */
public final class RunViews {

    private RunViews() {
    }

    public record Started(String runId, String status) {
    }

    public record Progress(long processed, Long total) {
    }

    public record Parameters(String matterKind, String from, String to, String scope) {
    }

    /**
     * A run as followed. Once COMPLETED it carries its figures and (additions to contract v1, absent
     * before completion) its comparisons with earlier runs and, for people's mediation, the
     * success rate of each town and office.
     */
    public record RunView(String runId, String status, Progress progress, Parameters parameters,
                          OffsetDateTime requestedAt, OffsetDateTime completedAt, List<FigureView> figures,
                          Comparisons comparisons, SuccessRates successRates) {

        public RunView(String runId, String status, Progress progress, Parameters parameters,
                       OffsetDateTime requestedAt, OffsetDateTime completedAt, List<FigureView> figures) {
            this(runId, status, progress, parameters, requestedAt, completedAt, figures, null, null);
        }
    }

    /** 同比 (the same period a year before) and 环比 (the period of equal length just before). */
    public record Comparisons(Comparison yearOnYear, Comparison periodOnPeriod) {
    }

    /**
     * The period compared with and the newest completed run of the same kind and scope over it;
     * runId null and no figures when there is none (start one to fill the comparison).
     */
    public record Comparison(String from, String to, String runId, List<ChangeView> figures) {

        static Comparison of(java.time.LocalDate[] period, RunExports.Compared compared, List<Figure> now) {
            if (compared == null) {
                return new Comparison(period[0].toString(), period[1].toString(), null, List.of());
            }
            return new Comparison(period[0].toString(), period[1].toString(), compared.runId(),
                    RunComparisons.changes(now, compared.totals()).stream().map(ChangeView::of).toList());
        }
    }

    /** A total now and then: change in percent of the earlier figure (PERCENT) or, for a rate, in points (POINTS). */
    public record ChangeView(String metric, Number value, Number previous, BigDecimal change, String changeUnit) {

        static ChangeView of(RunComparisons.Change c) {
            Metric m = Metric.byCode(c.metric()).orElseThrow();
            return new ChangeView(c.metric(), number(m, c.value()), number(m, c.previous()), c.change(), c.unit().name());
        }
    }

    /** Success rate (successful / accepted) of each town and of each office credited with the cases. */
    public record SuccessRates(List<SuccessRateView> byRegion, List<SuccessRateView> byOffice) {
    }

    public record SuccessRateView(String dimension, BigDecimal value, long numerator, long denominator) {

        static SuccessRateView of(RunComparisons.SuccessLine line) {
            return new SuccessRateView(line.dimension(), line.rate().value(), line.succeeded(), line.accepted());
        }
    }

    private static Number number(Metric m, BigDecimal v) {
        return switch (m.type()) {
            case COUNT, BREAKDOWN -> v.longValue();
            default -> v.setScale(2, java.math.RoundingMode.HALF_UP);
        };
    }

    /** A past run in the list: its parameters and how it stands, without figures. */
    public record RunSummary(String runId, String status, Parameters parameters, String requestedBy,
                             OffsetDateTime requestedAt, OffsetDateTime completedAt, Long totalCases) {
    }

    public record RunsPage(List<RunSummary> items, int page, int size, long total) {
    }

    public record FigureView(String metric, String dimension, Number value, Long numerator, Long denominator) {

        static FigureView of(Figure f) {
            Metric m = Metric.byCode(f.metric()).orElseThrow();
            Number value = switch (m.type()) {
                case COUNT, BREAKDOWN -> f.value().longValue();
                default -> f.value().setScale(2, java.math.RoundingMode.HALF_UP);
            };
            return new FigureView(f.metric(), f.total() ? null : f.dimension(), value, longOrNull(f.numerator()),
                    longOrNull(f.denominator()));
        }

        private static Long longOrNull(BigDecimal v) {
            return v == null ? null : v.longValue();
        }
    }

    public record CasesPage(String runId, String metric, String dimension, int page, int size, long total,
                            List<FigureCases.CaseLine> cases) {
    }
}
