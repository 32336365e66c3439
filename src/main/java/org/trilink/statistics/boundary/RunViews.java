package org.trilink.statistics.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.statistics.control.FigureCases;
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

    public record RunView(String runId, String status, Progress progress, Parameters parameters,
                          OffsetDateTime requestedAt, OffsetDateTime completedAt, List<FigureView> figures) {
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
