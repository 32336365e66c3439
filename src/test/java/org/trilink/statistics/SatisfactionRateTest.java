package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Outcome;
import org.trilink.statistics.control.RunFigures;
import org.trilink.statistics.entity.CaseFacts;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/** The satisfaction rate (issue 24): rated satisfied (4-5 at every visit) over rated (followed up). */
class SatisfactionRateTest {

    @Test
    void theRateIsSatisfiedCasesOverFollowedUpCasesWithItsCounts() {
        Map<String, BigDecimal> totals = new HashMap<>();
        totals.put("cohort", BigDecimal.valueOf(10));
        totals.put(Metric.FOLLOWED_UP_CASES.code(), BigDecimal.valueOf(3));
        totals.put(Metric.SATISFIED_CASES.code(), BigDecimal.valueOf(2));
        List<Figure> figures = RunFigures.figures(new RunParameters("PEOPLES_MEDIATION", LocalDate.of(2010, 1, 1),
                LocalDate.of(2010, 12, 31), "310118", ScopeKind.DISTRICT), totals, Map.of(), BigDecimal.ZERO);
        Figure rate = figures.stream().filter(f -> f.metric().equals("satisfactionRate")).findFirst().orElseThrow();
        assertThat(rate.value()).isEqualByComparingTo("66.67");
        assertThat(rate.numerator()).isEqualByComparingTo("2");
        assertThat(rate.denominator()).isEqualByComparingTo("3");
        Figure satisfied = figures.stream().filter(f -> f.metric().equals("satisfiedCases")).findFirst().orElseThrow();
        assertThat(satisfied.value()).isEqualByComparingTo("2");

        // nobody rated: 0.00 over 0, as every rate with an empty denominator
        totals.put(Metric.FOLLOWED_UP_CASES.code(), BigDecimal.ZERO);
        totals.put(Metric.SATISFIED_CASES.code(), BigDecimal.ZERO);
        Figure none = RunFigures.figures(new RunParameters("PEOPLES_MEDIATION", LocalDate.of(2010, 1, 1),
                        LocalDate.of(2010, 12, 31), "310118", ScopeKind.DISTRICT), totals, Map.of(), BigDecimal.ZERO)
                .stream().filter(f -> f.metric().equals("satisfactionRate")).findFirst().orElseThrow();
        assertThat(none.value()).isEqualByComparingTo("0.00");
        assertThat(Metric.of("ADMINISTRATIVE")).doesNotContain(Metric.SATISFACTION_RATE);
    }

    @Test
    void theDrillDownListsTheSatisfiedCases() {
        int satisfied = CaseFacts.of(Outcome.SUCCESS, null, AgreementForm.WRITTEN,
                CaseFacts.FOLLOWED_UP | CaseFacts.SATISFIED);
        int visitedNotSatisfied = CaseFacts.of(Outcome.SUCCESS, null, AgreementForm.WRITTEN, CaseFacts.FOLLOWED_UP);
        assertThat(Metric.SATISFACTION_RATE.counts(satisfied)).isTrue();
        assertThat(Metric.SATISFACTION_RATE.counts(visitedNotSatisfied)).isFalse();
        assertThat(Metric.FOLLOWED_UP_CASES.counts(visitedNotSatisfied)).isTrue();
        assertThat(Metric.byCode("satisfactionRate")).contains(Metric.SATISFACTION_RATE);
    }

}
