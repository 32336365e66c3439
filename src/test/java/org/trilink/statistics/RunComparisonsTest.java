package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.statistics.control.ReportText;
import org.trilink.statistics.control.RunComparisons;
import org.trilink.statistics.control.RunFigures;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/** 同比 and 环比 of a run's totals, and the success rate of each town and office. */
class RunComparisonsTest {

    private static final RunParameters MARCH = new RunParameters("PEOPLES_MEDIATION", LocalDate.parse("2012-03-01"),
            LocalDate.parse("2012-03-31"), "310118", ScopeKind.DISTRICT);

    private static List<Figure> figures(long accepted, long succeeded, Map<String, Map<String, BigDecimal>> breakdowns) {
        return RunFigures.figures(MARCH, Map.of("cohort", BigDecimal.valueOf(accepted),
                "succeeded", BigDecimal.valueOf(succeeded)), breakdowns, BigDecimal.ONE);
    }

    @Test
    void countsChangeInPercentAndRatesInPoints() {
        // now 4 accepted, 3 succeeded (75.00%); then 2 accepted, 1 succeeded (50.00%)
        List<RunComparisons.Change> changes = RunComparisons.changes(figures(4, 3, Map.of()),
                RunFigures.totals(figures(2, 1, Map.of())));
        Map<String, RunComparisons.Change> by = new java.util.HashMap<>();
        changes.forEach(c -> by.put(c.metric(), c));
        assertThat(by.get("accepted").previous()).isEqualByComparingTo("2");
        assertThat(by.get("accepted").change()).isEqualByComparingTo("100.00");
        assertThat(by.get("accepted").unit()).isEqualTo(RunComparisons.Unit.PERCENT);
        assertThat(by.get("succeeded").change()).isEqualByComparingTo("200.00");
        assertThat(by.get("successRate").value()).isEqualByComparingTo("75.00");
        assertThat(by.get("successRate").previous()).isEqualByComparingTo("50.00");
        assertThat(by.get("successRate").change()).isEqualByComparingTo("25.00");
        assertThat(by.get("successRate").unit()).isEqualTo(RunComparisons.Unit.POINTS);
        // a change from nothing has no percent
        assertThat(RunComparisons.changes(figures(4, 3, Map.of()), RunFigures.totals(figures(0, 0, Map.of())))
                .stream().filter(c -> c.metric().equals("accepted")).findFirst().orElseThrow().change()).isNull();
        // a fall: 3 from 4 is -25.00%
        assertThat(RunComparisons.changes(figures(3, 3, Map.of()), RunFigures.totals(figures(4, 3, Map.of())))
                .stream().filter(c -> c.metric().equals("accepted")).findFirst().orElseThrow().change())
                .isEqualByComparingTo("-25.00");
    }

    @Test
    void theComparedPeriodsAreTheYearBeforeAndThePeriodOfEqualLengthBefore() {
        assertThat(ReportText.yearBefore(LocalDate.parse("2012-03-01"), LocalDate.parse("2012-03-31")))
                .containsExactly(LocalDate.parse("2011-03-01"), LocalDate.parse("2011-03-31"));
        assertThat(ReportText.periodBefore(LocalDate.parse("2012-03-01"), LocalDate.parse("2012-03-31")))
                .containsExactly(LocalDate.parse("2012-02-01"), LocalDate.parse("2012-02-29"));
        // February of a leap year: the year before ends on the 28th
        assertThat(ReportText.yearBefore(LocalDate.parse("2012-02-01"), LocalDate.parse("2012-02-29")))
                .containsExactly(LocalDate.parse("2011-02-01"), LocalDate.parse("2011-02-28"));
        // ten days: the ten days before
        assertThat(ReportText.periodBefore(LocalDate.parse("2012-03-11"), LocalDate.parse("2012-03-20")))
                .containsExactly(LocalDate.parse("2012-03-01"), LocalDate.parse("2012-03-10"));
    }

    @Test
    void eachTownsSuccessRateIsItsSuccessesOverItsCases() {
        List<Figure> all = figures(4, 3, Map.of("byRegion", Map.of("310118104", BigDecimal.valueOf(3),
                "310118105", BigDecimal.ONE)));
        List<RunComparisons.SuccessLine> lines = RunComparisons.successRates(
                RunFigures.breakdowns(all).get("byRegion"), Map.of("310118104", 2L));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).dimension()).isEqualTo("310118104");
        assertThat(lines.get(0).accepted()).isEqualTo(3);
        assertThat(lines.get(0).succeeded()).isEqualTo(2);
        assertThat(lines.get(0).rate().printed()).isEqualTo("66.67");
        assertThat(lines.get(1).succeeded()).isZero();
        assertThat(lines.get(1).rate().printed()).isEqualTo("0.00");
    }
}
