package org.trilink.statistics.control;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Rate;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/**
 * The sentences a drafter pastes into the report, in the report's own style, e.g.
 * 截至10月底全区人民调解组织共受理各类矛盾纠纷7948件，调解成功7946件，调解成功率为99.97%。
 * 截至 is the normative "as of" (the report itself writes 截止, a common slip); amounts are said
 * in 万元 with two decimals, as reports state them.
 */
public final class ReportText {

    private ReportText() {
    }

    /**
     * The period as the report says it. From 1 January: 截至10月底 (mediation) or 1-11月
     * (administrative, as the report words those), 全年 for the whole year; whole months:
     * 3-5月 or 3月; anything else: the dates.
     */
    public static String period(LocalDate from, LocalDate to, boolean chinese, boolean peoplesMediation) {
        boolean startsMonth = from.getDayOfMonth() == 1;
        boolean endsMonth = to.getDayOfMonth() == to.lengthOfMonth();
        boolean sameYear = from.getYear() == to.getYear();
        if (sameYear && startsMonth && endsMonth) {
            int a = from.getMonthValue();
            int b = to.getMonthValue();
            if (a == 1 && b == 12) {
                return chinese ? "全年" : "In the whole year " + from.getYear() + ",";
            }
            if (a == 1 && b > 1 && peoplesMediation) {
                return chinese ? "截至" + b + "月底" : "By the end of " + month(b) + ",";
            }
            if (a == b) {
                return chinese ? a + "月" : "In " + month(a) + ",";
            }
            return chinese ? a + "-" + b + "月" : "From " + month(a) + " to " + month(b) + ",";
        }
        if (sameYear && from.getDayOfYear() == 1) {
            return chinese ? "截至" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日"
                    : "By " + to.getDayOfMonth() + " " + month(to.getMonthValue()) + ",";
        }
        return chinese ? zh(from) + "至" + zh(to) : "From " + en(from) + " to " + en(to) + ",";
    }

    /**
     * The period as a heading or a table states it, with its year: 2023年1-10月 for whole months of
     * one year (2023年10月 for one, 2023年 for all twelve), else the dates, 2023年1月1日至6月15日.
     */
    public static String periodLabel(LocalDate from, LocalDate to) {
        boolean sameYear = from.getYear() == to.getYear();
        if (sameYear && from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth()) {
            int a = from.getMonthValue();
            int b = to.getMonthValue();
            String year = from.getYear() + "年";
            if (a == 1 && b == 12) {
                return year;
            }
            return year + (a == b ? a + "月" : a + "-" + b + "月");
        }
        return zh(from) + "至" + (sameYear ? to.getMonthValue() + "月" + to.getDayOfMonth() + "日" : zh(to));
    }

    /** The same period a year earlier (同比): a month's end stays its month's end (29 February). */
    public static LocalDate[] yearBefore(LocalDate from, LocalDate to) {
        LocalDate f = from.minusYears(1);
        LocalDate t = to.minusYears(1);
        if (to.getDayOfMonth() == to.lengthOfMonth()) {
            t = t.withDayOfMonth(t.lengthOfMonth());
        }
        return new LocalDate[] {f, t};
    }

    /**
     * The period just before (环比): as many whole months before whole months (3-5月 after 12-2月),
     * else as many days before.
     */
    public static LocalDate[] periodBefore(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth()) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new LocalDate[] {from.minusMonths(months), from.minusDays(1)};
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        return new LocalDate[] {from.minusDays(days), from.minusDays(1)};
    }

    /** The change from {@code before} to {@code now} in percent, half-up to 2 decimals; null when before is 0. */
    public static java.math.BigDecimal change(java.math.BigDecimal now, java.math.BigDecimal before) {
        if (before == null || now == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(java.math.BigDecimal.valueOf(100))
                .divide(before, 2, java.math.RoundingMode.HALF_UP);
    }

    /** An amount of yuan in 万元, rounded half-up to two decimals: 37782047.84 gives 3778.20. */
    public static String tenThousandYuan(java.math.BigDecimal yuan) {
        return yuan.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The scope's name: 全区, a town's name or an office's name. */
    public static String scope(RunParameters p, Map<String, String> regions, Map<String, String> offices, boolean chinese) {
        if (p.scopeKind() == ScopeKind.DISTRICT) {
            return chinese ? "全区" : "the district";
        }
        Map<String, String> names = p.scopeKind() == ScopeKind.REGION ? regions : offices;
        return names.getOrDefault(p.scope(), p.scope());
    }

    public static List<String> sentences(RunParameters p, Map<String, Figure> totals, String scopeName, boolean chinese) {
        String period = period(p.from(), p.to(), chinese, p.peoplesMediation());
        List<String> out = new ArrayList<>();
        if (p.peoplesMediation()) {
            long accepted = count(totals, "accepted");
            long succeeded = count(totals, "succeeded");
            String rate = Rate.of(succeeded, accepted).printed();
            String organisations = p.scopeKind() == ScopeKind.OFFICE ? scopeName : scopeName + "人民调解组织";
            if (chinese) {
                out.add(period + organisations + "共受理各类矛盾纠纷" + accepted + "件，调解成功" + succeeded
                        + "件，调解成功率为" + rate + "%。");
                out.add("其中达成书面协议" + count(totals, "writtenAgreements") + "件、口头协议"
                        + count(totals, "oralAgreements") + "件，协议涉及金额" + tenThousandYuan(amountOf(totals))
                        + "万元；回访"
                        + count(totals, "followUps") + "次，协议履行" + count(totals, "agreementsPerformed") + "件。");
                out.add("防止民间纠纷转化为刑事案件" + count(totals, "criminalCasesAverted") + "件"
                        + count(totals, "criminalCasesAvertedPeople") + "人，防止群体性上访"
                        + count(totals, "massPetitionsAverted") + "件" + count(totals, "massPetitionsAvertedPeople")
                        + "人。");
            } else {
                String who = p.scopeKind() == ScopeKind.OFFICE ? scopeName
                        : "people's mediation organisations in " + scopeName;
                out.add(period + " " + who + " accepted " + accepted + " disputes of all kinds, of which "
                        + succeeded + " were mediated successfully, a success rate of " + rate + "%.");
                out.add("Of these, " + count(totals, "writtenAgreements") + " ended in written and "
                        + count(totals, "oralAgreements") + " in oral agreements covering CNY " + amount(totals)
                        + "; " + count(totals, "followUps") + " follow-up visits found "
                        + count(totals, "agreementsPerformed") + " agreements performed.");
                out.add(count(totals, "criminalCasesAverted") + " disputes (" + count(totals, "criminalCasesAvertedPeople")
                        + " people) were kept from becoming criminal cases and " + count(totals, "massPetitionsAverted")
                        + " (" + count(totals, "massPetitionsAvertedPeople") + " people) from becoming mass petitions.");
            }
        } else {
            long received = count(totals, "received");
            long before = count(totals, "resolvedBeforeFiling");
            String beforeRate = Rate.of(before, received).printed();
            String mediated = printed(totals, "mediatedOrWithdrawnRate");
            String corrected = printed(totals, "correctionRate");
            if (chinese) {
                out.add(period + scopeName + "共收到行政争议案件" + received + "件，立案前化解" + before
                        + "件，立案前化解率为" + beforeRate + "%；案中调撤率为" + mediated + "%，纠错率为" + corrected + "%。");
            } else {
                out.add(period + " " + scopeName + " received " + received + " administrative matters; " + before
                        + " were resolved before filing, a rate of " + beforeRate + "%; the mediated-or-withdrawn rate was "
                        + mediated + "% and the correction rate " + corrected + "%.");
            }
        }
        return out;
    }

    private static String month(int m) {
        return java.time.Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String zh(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String en(LocalDate d) {
        return d.getDayOfMonth() + " " + month(d.getMonthValue()) + " " + d.getYear();
    }

    private static long count(Map<String, Figure> totals, String metric) {
        Figure f = totals.get(metric);
        return f == null ? 0 : f.count();
    }

    private static String printed(Map<String, Figure> totals, String metric) {
        Figure f = totals.get(metric);
        return f == null ? "0.00" : f.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static java.math.BigDecimal amountOf(Map<String, Figure> totals) {
        Figure f = totals.get("agreementAmount");
        return f == null ? java.math.BigDecimal.ZERO : f.value();
    }

    private static String amount(Map<String, Figure> totals) {
        Figure f = totals.get("agreementAmount");
        return f == null ? "0.00" : f.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

}
