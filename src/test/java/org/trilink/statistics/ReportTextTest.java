package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.statistics.control.ReportText;
import org.trilink.statistics.control.RunFigures;
import org.trilink.statistics.control.StatisticsSchedule;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

class ReportTextTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void periodsAreSaidTheWayTheReportSaysThem() {
        assertThat(ReportText.period(d("2023-01-01"), d("2023-10-31"), true, true)).isEqualTo("截至10月底");
        assertThat(ReportText.period(d("2023-01-01"), d("2023-11-30"), true, false)).isEqualTo("1-11月");
        assertThat(ReportText.period(d("2023-01-01"), d("2023-12-31"), true, true)).isEqualTo("全年");
        assertThat(ReportText.period(d("2023-03-01"), d("2023-05-31"), true, true)).isEqualTo("3-5月");
        assertThat(ReportText.period(d("2023-10-01"), d("2023-10-31"), true, true)).isEqualTo("10月");
        assertThat(ReportText.period(d("2024-01-01"), d("2024-02-29"), true, true)).isEqualTo("截至2月底");
        assertThat(ReportText.period(d("2023-01-01"), d("2023-06-15"), true, true)).isEqualTo("截至6月15日");
        assertThat(ReportText.period(d("2022-12-15"), d("2023-01-10"), true, true))
                .isEqualTo("2022年12月15日至2023年1月10日");
        assertThat(ReportText.period(d("2023-01-01"), d("2023-10-31"), false, true)).isEqualTo("By the end of October,");
        assertThat(ReportText.period(d("2023-01-01"), d("2023-11-30"), false, false)).isEqualTo("From January to November,");
    }

    @Test
    void aPeriodIsLabelledWithItsYearAndMonths() {
        assertThat(ReportText.periodLabel(d("2023-01-01"), d("2023-10-31"))).isEqualTo("2023年1-10月");
        assertThat(ReportText.periodLabel(d("2023-10-01"), d("2023-10-31"))).isEqualTo("2023年10月");
        assertThat(ReportText.periodLabel(d("2023-01-01"), d("2023-12-31"))).isEqualTo("2023年");
        assertThat(ReportText.periodLabel(d("2024-02-01"), d("2024-02-29"))).isEqualTo("2024年2月");
        assertThat(ReportText.periodLabel(d("2023-01-01"), d("2023-06-15"))).isEqualTo("2023年1月1日至6月15日");
        assertThat(ReportText.periodLabel(d("2022-12-15"), d("2023-01-10"))).isEqualTo("2022年12月15日至2023年1月10日");
    }

    @Test
    void theYearBeforeAndThePeriodBefore() {
        assertThat(ReportText.yearBefore(d("2024-01-01"), d("2024-02-29"))).containsExactly(d("2023-01-01"), d("2023-02-28"));
        assertThat(ReportText.yearBefore(d("2023-01-01"), d("2023-02-28"))).containsExactly(d("2022-01-01"), d("2022-02-28"));
        assertThat(ReportText.yearBefore(d("2023-03-05"), d("2023-03-20"))).containsExactly(d("2022-03-05"), d("2022-03-20"));
        assertThat(ReportText.periodBefore(d("2023-10-01"), d("2023-10-31"))).containsExactly(d("2023-09-01"), d("2023-09-30"));
        assertThat(ReportText.periodBefore(d("2023-03-01"), d("2023-05-31"))).containsExactly(d("2022-12-01"), d("2023-02-28"));
        assertThat(ReportText.periodBefore(d("2023-03-05"), d("2023-03-14"))).containsExactly(d("2023-02-23"), d("2023-03-04"));
        assertThat(ReportText.change(BigDecimal.valueOf(170), BigDecimal.valueOf(150))).isEqualByComparingTo("13.33");
        assertThat(ReportText.change(BigDecimal.valueOf(100), BigDecimal.valueOf(200))).isEqualByComparingTo("-50.00");
        assertThat(ReportText.change(BigDecimal.valueOf(5), BigDecimal.ZERO)).isNull();
    }

    @Test
    void amountsAreSaidInTenThousandYuanWithTwoDecimals() {
        assertThat(ReportText.tenThousandYuan(new BigDecimal("37782047.84"))).isEqualTo("3778.20");
        assertThat(ReportText.tenThousandYuan(new BigDecimal("12345"))).isEqualTo("1.23");
        assertThat(ReportText.tenThousandYuan(new BigDecimal("15000"))).isEqualTo("1.50");
        assertThat(ReportText.tenThousandYuan(new BigDecimal("49.99"))).isEqualTo("0.00");
        assertThat(ReportText.tenThousandYuan(new BigDecimal("50.00"))).isEqualTo("0.01");
        assertThat(ReportText.tenThousandYuan(BigDecimal.ZERO)).isEqualTo("0.00");
    }

    @Test
    void theDistrictSentenceIsTheReportsOwn() {
        RunParameters p = new RunParameters("PEOPLES_MEDIATION", d("2023-01-01"), d("2023-10-31"), "310118",
                ScopeKind.DISTRICT);
        List<Figure> figures = RunFigures.figures(p, Map.of("cohort", BigDecimal.valueOf(7948),
                "succeeded", BigDecimal.valueOf(7946), "concluded", BigDecimal.valueOf(7947)), Map.of(), BigDecimal.TEN);
        String scope = ReportText.scope(p, Map.of(), Map.of(), true);
        List<String> zh = ReportText.sentences(p, RunFigures.totals(figures), scope, true);
        assertThat(zh.get(0)).isEqualTo("截至10月底全区人民调解组织共受理各类矛盾纠纷7948件，调解成功7946件，调解成功率为99.97%。");
        List<String> en = ReportText.sentences(p, RunFigures.totals(figures), ReportText.scope(p, Map.of(), Map.of(), false), false);
        assertThat(en.get(0)).isEqualTo("By the end of October, people's mediation organisations in the district accepted "
                + "7948 disputes of all kinds, of which 7946 were mediated successfully, a success rate of 99.97%.");
        assertThat(RunFigures.totals(figures).get("pending").count()).isEqualTo(1);
        // the amount agreements cover, in 万元 as reports state it (the figure itself stays in yuan)
        assertThat(zh.get(1)).contains("协议涉及金额0.00万元；");
        List<Figure> withAmount = RunFigures.figures(p, Map.of("cohort", BigDecimal.valueOf(7948),
                "succeeded", BigDecimal.valueOf(7946), "agreementAmount", new BigDecimal("37782047.84")), Map.of(),
                BigDecimal.TEN);
        assertThat(RunFigures.totals(withAmount).get("agreementAmount").value()).isEqualByComparingTo("37782047.84");
        assertThat(ReportText.sentences(p, RunFigures.totals(withAmount), scope, true).get(1))
                .contains("协议涉及金额3778.20万元；");
        assertThat(ReportText.sentences(p, RunFigures.totals(withAmount), "the district", false).get(1))
                .contains("covering CNY 37782047.84;");
    }

    @Test
    void aTownAndAnOfficeAreNamed() {
        RunParameters town = new RunParameters("PEOPLES_MEDIATION", d("2023-01-01"), d("2023-12-31"), "310118104",
                ScopeKind.REGION);
        RunParameters office = new RunParameters("PEOPLES_MEDIATION", d("2023-01-01"), d("2023-12-31"), "JO-ZHAOXIANG",
                ScopeKind.OFFICE);
        Map<String, Figure> totals = RunFigures.totals(RunFigures.figures(town, Map.of("cohort", BigDecimal.valueOf(4),
                "succeeded", BigDecimal.valueOf(3)), Map.of(), BigDecimal.ONE));
        String townName = ReportText.scope(town, Map.of("310118104", "赵巷镇"), Map.of(), true);
        assertThat(ReportText.sentences(town, totals, townName, true).get(0))
                .isEqualTo("全年赵巷镇人民调解组织共受理各类矛盾纠纷4件，调解成功3件，调解成功率为75.00%。");
        String officeName = ReportText.scope(office, Map.of(), Map.of("JO-ZHAOXIANG", "赵巷司法所"), true);
        assertThat(ReportText.sentences(office, totals, officeName, true).get(0)).startsWith("全年赵巷司法所共受理各类矛盾纠纷4件");
    }

    @Test
    void administrativeSentenceCarriesTheThreeRates() {
        RunParameters p = new RunParameters("ADMINISTRATIVE", d("2023-01-01"), d("2023-11-30"), "310118",
                ScopeKind.DISTRICT);
        Map<String, Figure> totals = RunFigures.totals(RunFigures.figures(p, Map.of("cohort", BigDecimal.valueOf(1225),
                "resolvedBeforeFiling", BigDecimal.valueOf(375), "concludedAfterFiling", BigDecimal.valueOf(535),
                "mediatedOrWithdrawn", BigDecimal.valueOf(209), "corrected", BigDecimal.valueOf(10)), Map.of(),
                BigDecimal.ZERO));
        assertThat(totals.get("resolvedBeforeFilingRate").value()).isEqualByComparingTo("30.61");
        assertThat(totals.get("mediatedOrWithdrawnRate").value()).isEqualByComparingTo("39.07");
        assertThat(ReportText.sentences(p, totals, "全区", true).get(0))
                .isEqualTo("1-11月全区共收到行政争议案件1225件，立案前化解375件，立案前化解率为30.61%；案中调撤率为39.07%，纠错率为1.87%。");
    }

    @Test
    void theScheduleRunsLastMonthAndTheYearToDate() {
        List<RunParameters> due = StatisticsSchedule.duePeriods(d("2026-11-01"), "310118");
        assertThat(due).extracting(p -> p.matterKind() + " " + p.from() + " " + p.to()).containsExactly(
                "PEOPLES_MEDIATION 2026-10-01 2026-10-31", "PEOPLES_MEDIATION 2026-01-01 2026-10-31",
                "ADMINISTRATIVE 2026-10-01 2026-10-31", "ADMINISTRATIVE 2026-01-01 2026-10-31");
        assertThat(StatisticsSchedule.duePeriods(d("2027-01-01"), "310118")).extracting(p -> p.from() + " " + p.to())
                .containsExactly("2026-12-01 2026-12-31", "2026-01-01 2026-12-31", "2026-12-01 2026-12-31",
                        "2026-01-01 2026-12-31");
    }
}
