package org.trilink.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.trilink.demo.DemoCases;
import org.trilink.platform.Migrations;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/**
 * A slice over several months writes the snapshot that one slice per month wrote before (issue 25:
 * a small run is one partition, one chunk): the same groups under the same slice days, with the
 * same cases, outcome times, days and sums, and the same distribution of days to outcome, so the
 * figures, which are summed from those rows alone, and the drill-down are the same. On the demo
 * data (two years of cases with referrals, visits and joint offices), for both kinds of matter, the
 * district, a town and an office, a period cut mid-month, and a cut-off with cases changed since.
 */
class SliceLayoutTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void onH2() throws Exception {
        sameSnapshot("jdbc:h2:mem:slices-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** On PostgreSQL when the build is given one (-Ppostgresql), in a schema of its own. */
    @Test
    void onPostgreSql() throws Exception {
        String base = System.getProperty("trilink.test.postgresql.url", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(base.isBlank(),
                "no PostgreSQL given (./mvnw verify -Ppostgresql gives the CI machine's)");
        try (Connection admin = DriverManager.getConnection(base, "postgres", "postgres");
             Statement s = admin.createStatement()) {
            s.execute("drop schema if exists trilink_slices_test cascade");
            s.execute("create schema trilink_slices_test");
        }
        sameSnapshot(base + (base.contains("?") ? "&" : "?") + "currentSchema=trilink_slices_test", "postgres", "postgres");
    }

    @Test
    void monthsMergeWhileTheyHoldFewCasesAndSpanLessThanAYear() {
        List<StatisticsSlices.Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(2024, m, 1);
            months.add(new StatisticsSlices.Month(first, first.plusMonths(1).minusDays(1), m == 5 ? 0 : 1000,
                    m == 5 ? null : m * 100L, m == 5 ? null : m * 100L + 99));
        }
        assertThat(StatisticsSlices.partitions(months, 100_000)).containsExactly(new StatisticsSlices.Month(
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 11_000, 100L, 1299L));
        // a large month stands alone; its neighbours merge as far as the limit allows
        months.set(5, new StatisticsSlices.Month(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), 200_000, 600L, 699L));
        assertThat(StatisticsSlices.partitions(months, 3000)).extracting(StatisticsSlices.Month::first)
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 1),
                        LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1));
        assertThat(StatisticsSlices.partitions(months, 3000).get(1)).isEqualTo(new StatisticsSlices.Month(
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 31), 1000, 400L, 499L));
        // never a year or more in one partition: one chunk (366 days) takes a partition whole
        List<StatisticsSlices.Month> years = new ArrayList<>();
        for (LocalDate m = LocalDate.of(2023, 3, 1); m.isBefore(LocalDate.of(2025, 3, 1)); m = m.plusMonths(1)) {
            years.add(new StatisticsSlices.Month(m, m.plusMonths(1).minusDays(1), 10, 1L, 2L));
        }
        assertThat(StatisticsSlices.partitions(years, 100_000)).extracting(StatisticsSlices.Month::first)
                .containsExactly(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 3, 1));
    }

    private void sameSnapshot(String url, String user, String password) throws Exception {
        Migrations.migrate(url, user, password, "latest");
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            DemoCases.write(db, 1500);
            long lowest = single(db, "select min(id) from dispute_case");
            long highest = single(db, "select max(id) from dispute_case");
            String office = string(db, "select office_code from case_participant where part = 'JOINT' order by case_id");
            String town = string(db, "select region_code from dispute_case where region_code like '310118%'"
                    + " order by id");
            int compared = 0;
            for (RunParameters p : List.of(
                    new RunParameters("PEOPLES_MEDIATION", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "310118",
                            ScopeKind.DISTRICT),
                    new RunParameters("PEOPLES_MEDIATION", LocalDate.of(2025, 2, 15), LocalDate.of(2026, 11, 20), "310118",
                            ScopeKind.DISTRICT),
                    new RunParameters("ADMINISTRATIVE", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 11, 30), "310118",
                            ScopeKind.DISTRICT),
                    new RunParameters("PEOPLES_MEDIATION", LocalDate.of(2025, 3, 10), LocalDate.of(2026, 2, 28), town,
                            ScopeKind.REGION),
                    new RunParameters("PEOPLES_MEDIATION", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 31), office,
                            ScopeKind.OFFICE))) {
                String monthly = "monthly-" + compared;
                String merged = "merged-" + compared;
                for (String run : List.of(monthly, merged)) {
                    try (PreparedStatement ps = db.prepareStatement("insert into stat_run (id, matter_kind, period_from,"
                            + " period_to, scope_code, scope_kind, requested_by, requested_at) values (?, ?, ?, ?, ?, ?,"
                            + " 'test', current_timestamp)")) {
                        int i = 1;
                        for (Object v : List.of(run, p.matterKind(), p.from(), p.to(), p.scope(), p.scopeKind().name())) {
                            ps.setObject(i++, v);
                        }
                        ps.executeUpdate();
                    }
                }
                db.setAutoCommit(false);
                for (LocalDate m = p.from().withDayOfMonth(1); !m.isAfter(p.to()); m = m.plusMonths(1)) {
                    LocalDate end = m.plusMonths(1).minusDays(1);
                    StatisticsSlices.rewrite(db, p, ZONE, monthly, m.isBefore(p.from()) ? p.from() : m,
                            end.isAfter(p.to()) ? p.to() : end, lowest, highest);
                }
                // the months of a year in one slice, and the rest (a period over a year) in another
                LocalDate split = p.from().withDayOfMonth(1).plusMonths(11);
                StatisticsSlices.rewrite(db, p, ZONE, merged, p.from(), split.isAfter(p.to()) ? p.to() : split.minusDays(1),
                        lowest, highest);
                if (!split.isAfter(p.to())) {
                    StatisticsSlices.rewrite(db, p, ZONE, merged, split, p.to(), lowest, highest);
                }
                db.commit();
                db.setAutoCommit(true);
                List<List<Object>> groups = groups(db, monthly);
                assertThat(groups).as("%s", p).hasSizeGreaterThan(5);
                assertThat(groups(db, merged)).as("%s", p).isEqualTo(groups);
                assertThat(partials(db, merged)).as("%s", p).isEqualTo(partials(db, monthly));
                assertThat(partials(db, monthly)).as("%s", p).hasSizeGreaterThan(p.peoplesMediation() ? 5 : -1);
                compared++;
            }
            // the demo data has cases changed after some of these cut-offs: both statements ran
            assertThat(single(db, "select count(*) from dispute_case where links_settled_at >= timestamp with time zone"
                    + " '2025-11-01 00:00:00+08'")).isPositive();
        }
    }

    /** A run's groups, each with its cases, outcome times and days in case id order, in a fixed order. */
    private static List<List<Object>> groups(Connection db, String run) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select slice_day, dispute_type, channel, region_code,"
                + " handling_office_code, other_offices, facts, cases, referrals_sent, referrals_accepted,"
                + " referrals_rejected, referrals_overdue, follow_ups, agreement_amount, criminal_case_averted_people,"
                + " mass_petition_averted_people, case_ids, outcome_ats, days from stat_run_group where run_id = ?")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 16; i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v == null ? null : v.toString());
                    }
                    Object[] ids = (Object[]) rs.getArray(17).getArray();
                    Object[] ats = (Object[]) rs.getArray(18).getArray();
                    Object[] days = (Object[]) rs.getArray(19).getArray();
                    List<String> cases = new ArrayList<>();
                    for (int k = 0; k < ids.length; k++) {
                        cases.add(String.format("%012d %s %s", ((Number) ids[k]).longValue(),
                                ats[k] == null ? null : FigureCases.time(ats[k]).toInstant(), days[k]));
                    }
                    cases.sort(null);
                    row.add(cases);
                    rows.add(row);
                }
            }
        }
        rows.sort((a, b) -> Arrays.deepToString(a.toArray()).compareTo(Arrays.deepToString(b.toArray())));
        return rows;
    }

    private static List<String> partials(Connection db, String run) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select slice_day, metric, dimension, quantity from stat_partial"
                + " where run_id = ? order by slice_day, metric, dimension")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getObject(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
                }
            }
        }
        return rows;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return Objects.requireNonNull(rs.getString(1));
        }
    }
}
