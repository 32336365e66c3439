package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.Rate;
import org.trilink.statistics.entity.RunParameters;

/**
 * Combines a run's partial sums into its figures (the job's last step) and reads them back.
 * Combining is a rewrite too, so a restarted last step gives the same figures.
 */
@ApplicationScoped
public class RunFigures {

    /** Partial sums of cases by days from acceptance to outcome (dimension: the number of days). */
    public static final String DAYS_TO_OUTCOME = "daysToOutcome";

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    RunStore runs;

    @Transactional
    public void combine(String runId) {
        RunParameters p = runs.parameters(runId);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("delete from stat_figure where run_id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
            Map<String, BigDecimal> totals = new HashMap<>();
            Map<String, Map<String, BigDecimal>> breakdowns = new HashMap<>();
            // the snapshot's groups without their case lists: thousands of rows for millions of cases
            try (PreparedStatement ps = c.prepareStatement("select dispute_type, channel, region_code,"
                    + " handling_office_code, other_offices, facts, cases, referrals_sent, referrals_accepted,"
                    + " referrals_rejected, referrals_overdue, follow_ups, agreement_amount, criminal_case_averted_people,"
                    + " mass_petition_averted_people"
                    + " from stat_run_group where run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(totals, breakdowns, rs);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select dimension, sum(quantity) from stat_partial"
                    + " where run_id = ? and metric = ? group by dimension")) {
                ps.setString(1, runId);
                ps.setString(2, DAYS_TO_OUTCOME);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        breakdowns.computeIfAbsent(DAYS_TO_OUTCOME, k -> new HashMap<>())
                                .put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }
            }
            List<Figure> figures = figures(p, totals, breakdowns, median(breakdowns.getOrDefault(DAYS_TO_OUTCOME, Map.of())));
            try (PreparedStatement ps = c.prepareStatement("insert into stat_figure (run_id, metric, dimension, ordinal,"
                    + " quantity, numerator, denominator) values (?, ?, ?, ?, ?, ?, ?)")) {
                int ordinal = 0;
                for (Figure f : figures) {
                    ps.setString(1, runId);
                    ps.setString(2, f.metric());
                    ps.setString(3, f.dimension());
                    ps.setInt(4, ordinal++);
                    ps.setBigDecimal(5, f.value());
                    ps.setBigDecimal(6, f.numerator());
                    ps.setBigDecimal(7, f.denominator());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("update stat_run set completed_at = ? where id = ?")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.setString(2, runId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot combine the figures of run " + runId, e);
        }
    }

    /**
     * Adds one snapshot group to the run's totals and breakdowns. A group's cases share their
     * codes and facts, so each metric takes all of a group's cases or none; the by-office
     * breakdown credits the handling office and each other office that worked on the cases.
     */
    private static void add(Map<String, BigDecimal> totals, Map<String, Map<String, BigDecimal>> breakdowns,
                            ResultSet rs) throws SQLException {
        int facts = rs.getInt(6);
        BigDecimal cases = BigDecimal.valueOf(rs.getLong(7));
        BiConsumer<String, BigDecimal> total = (metric, v) -> totals.merge(metric, v, BigDecimal::add);
        total.accept("cohort", cases);
        total.accept(Metric.REFERRALS_SENT.code(), BigDecimal.valueOf(rs.getLong(8)));
        total.accept(Metric.REFERRALS_ACCEPTED.code(), BigDecimal.valueOf(rs.getLong(9)));
        total.accept(Metric.REFERRALS_REJECTED.code(), BigDecimal.valueOf(rs.getLong(10)));
        total.accept(Metric.REFERRALS_OVERDUE.code(), BigDecimal.valueOf(rs.getLong(11)));
        total.accept(Metric.FOLLOW_UPS.code(), BigDecimal.valueOf(rs.getLong(12)));
        for (Metric m : List.of(Metric.SUCCEEDED, Metric.CONCLUDED, Metric.FOLLOWED_UP_CASES, Metric.AGREEMENTS_PERFORMED,
                Metric.SATISFIED_CASES,
                Metric.WRITTEN_AGREEMENTS, Metric.ORAL_AGREEMENTS, Metric.CRIMINAL_CASES_AVERTED,
                Metric.MASS_PETITIONS_AVERTED, Metric.RESOLVED_BEFORE_FILING, Metric.CONCLUDED_AFTER_FILING,
                Metric.MEDIATED_OR_WITHDRAWN, Metric.CORRECTED)) {
            if (m.counts(facts)) {
                total.accept(m.code(), cases);
            }
        }
        if (Metric.AGREEMENT_AMOUNT.counts(facts)) {
            total.accept(Metric.AGREEMENT_AMOUNT.code(), rs.getBigDecimal(13));
        }
        // the group's people of each averted flag, as the slice summed them (0 without the flag)
        if (Metric.CRIMINAL_CASES_AVERTED_PEOPLE.counts(facts)) {
            total.accept(Metric.CRIMINAL_CASES_AVERTED_PEOPLE.code(), BigDecimal.valueOf(rs.getLong(14)));
        }
        if (Metric.MASS_PETITIONS_AVERTED_PEOPLE.counts(facts)) {
            total.accept(Metric.MASS_PETITIONS_AVERTED_PEOPLE.code(), BigDecimal.valueOf(rs.getLong(15)));
        }
        BiConsumer<Metric, String> credit = (m, code) -> breakdowns.computeIfAbsent(m.code(), k -> new HashMap<>())
                .merge(code, cases, BigDecimal::add);
        credit.accept(Metric.BY_DISPUTE_TYPE, rs.getString(1));
        credit.accept(Metric.BY_CHANNEL, rs.getString(2));
        credit.accept(Metric.BY_REGION, rs.getString(3));
        for (String office : offices(rs.getString(4), rs.getString(5))) {
            credit.accept(Metric.BY_OFFICE, office);
        }
    }

    /** The offices a group's cases are credited to: the handling office first, then the others, each once. */
    public static java.util.Set<String> offices(String handling, String others) {
        java.util.Set<String> offices = new java.util.LinkedHashSet<>();
        offices.add(handling);
        if (others != null && !others.isEmpty()) {
            offices.addAll(List.of(others.split(",")));
        }
        return offices;
    }

    /** The figures of the catalogue for the run's kind of matter, in catalogue order. */
    public static List<Figure> figures(RunParameters p, Map<String, BigDecimal> totals,
                                Map<String, Map<String, BigDecimal>> breakdowns, BigDecimal median) {
        long cohort = count(totals, "cohort");
        long concludedAfterFiling = count(totals, "concludedAfterFiling");
        List<Figure> out = new ArrayList<>();
        for (Metric m : Metric.of(p.matterKind())) {
            switch (m) {
                case ACCEPTED, RECEIVED -> out.add(count(m, cohort));
                case PENDING -> out.add(count(m, cohort - count(totals, "concluded")));
                case SUCCESS_RATE -> out.add(rate(m, Rate.of(count(totals, "succeeded"), cohort)));
                case RESOLVED_BEFORE_FILING_RATE -> out.add(rate(m, Rate.of(count(totals, "resolvedBeforeFiling"), cohort)));
                case MEDIATED_OR_WITHDRAWN_RATE ->
                        out.add(rate(m, Rate.of(count(totals, "mediatedOrWithdrawn"), concludedAfterFiling)));
                case CORRECTION_RATE -> out.add(rate(m, Rate.of(count(totals, "corrected"), concludedAfterFiling)));
                // rated: every followed-up case has its visits' satisfaction (回访满意度, 1-5)
                case SATISFACTION_RATE -> out.add(rate(m, Rate.of(count(totals, Metric.SATISFIED_CASES.code()),
                        count(totals, Metric.FOLLOWED_UP_CASES.code()))));
                case MEDIAN_DAYS_TO_OUTCOME -> out.add(new Figure(m.code(), "", median, null, null));
                default -> {
                    if (m.type() == Metric.Type.BREAKDOWN) {
                        breakdowns.getOrDefault(m.code(), Map.of()).entrySet().stream()
                                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                                        .thenComparing(Map.Entry.comparingByKey()))
                                .forEach(e -> out.add(new Figure(m.code(), e.getKey(), e.getValue().setScale(0), null, null)));
                    } else if (m.type() == Metric.Type.AMOUNT) {
                        out.add(new Figure(m.code(), "", totals.getOrDefault(m.code(), BigDecimal.ZERO)
                                .setScale(2, RoundingMode.HALF_UP), null, null));
                    } else {
                        out.add(count(m, count(totals, m.code())));
                    }
                }
            }
        }
        return out;
    }

    public List<Figure> read(String runId) {
        List<Figure> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select metric, dimension, quantity, numerator, denominator"
                     + " from stat_figure where run_id = ? order by ordinal")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Figure(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read figures", e);
        }
        return out;
    }

    /** Totals by metric code, for the report sentences. */
    public static Map<String, Figure> totals(List<Figure> figures) {
        Map<String, Figure> out = new LinkedHashMap<>();
        figures.stream().filter(Figure::total).forEach(f -> out.put(f.metric(), f));
        return out;
    }

    public static Map<String, List<Figure>> breakdowns(List<Figure> figures) {
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        figures.stream().filter(f -> !f.total())
                .forEach(f -> out.computeIfAbsent(f.metric(), k -> new ArrayList<>()).add(f));
        out.values().forEach(l -> l.sort(Comparator.comparing(Figure::value).reversed()
                .thenComparing(Figure::dimension)));
        return out;
    }

    /**
     * The median of days to outcome from its distribution (days -> cases), as
     * percentile_cont(0.5) gives it: the middle value, or the mean of the two middle values.
     */
    public static BigDecimal median(Map<String, BigDecimal> distribution) {
        java.util.TreeMap<Integer, Long> byDays = new java.util.TreeMap<>();
        distribution.forEach((days, n) -> byDays.merge(Integer.valueOf(days), n.longValue(), Long::sum));
        long n = byDays.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        long lower = (n - 1) / 2;   // 0-based positions of the middle value(s)
        long upper = n / 2;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : byDays.entrySet()) {
            seen += e.getValue();
            if (low == null && seen > lower) {
                low = e.getKey();
            }
            if (seen > upper) {
                high = e.getKey();
                break;
            }
        }
        return BigDecimal.valueOf((long) low + high).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static long count(Map<String, BigDecimal> totals, String metric) {
        return totals.getOrDefault(metric, BigDecimal.ZERO).longValue();
    }

    private static Figure count(Metric m, long value) {
        return new Figure(m.code(), "", BigDecimal.valueOf(value), null, null);
    }

    private static Figure rate(Metric m, Rate r) {
        return new Figure(m.code(), "", r.value(), BigDecimal.valueOf(r.numerator()), BigDecimal.valueOf(r.denominator()));
    }
}
