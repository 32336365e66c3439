package org.trilink.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.demo.DemoCases;
import org.trilink.platform.Migrations;
import org.trilink.statistics.entity.CaseFacts;

/**
 * The people of the averted escalations on a real (embedded) database: V22 keeps the figures of
 * runs made before it, and a slice's snapshot sums each flag's people per group, the recorded
 * count or else the people involved, and nothing for a case without the flag.
 */
class AvertedPeopleSnapshotTest {

    private static final OffsetDateTime CUT_OFF = OffsetDateTime.parse("2100-01-01T00:00:00+08:00");

    @Test
    void onH2() throws Exception {
        oldRunsKeepTheirPeopleAndNewSlicesSumTheRecordedCounts("jdbc:h2:mem:v22-" + System.nanoTime()
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
            s.execute("drop schema if exists trilink_v22_test cascade");
            s.execute("create schema trilink_v22_test");
        }
        oldRunsKeepTheirPeopleAndNewSlicesSumTheRecordedCounts(base + (base.contains("?") ? "&" : "?")
                + "currentSchema=trilink_v22_test", "postgres", "postgres");
    }

    private void oldRunsKeepTheirPeopleAndNewSlicesSumTheRecordedCounts(String url, String user, String password)
            throws Exception {
        Migrations.migrate(url, user, password, "20");
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            // groups of a run made before V22: their people were the cases' people involved
            oldGroup(db, CaseFacts.CRIMINAL_CASE_AVERTED | CaseFacts.MASS_PETITION_AVERTED, 7);
            oldGroup(db, CaseFacts.CRIMINAL_CASE_AVERTED, 5);
            oldGroup(db, CaseFacts.MASS_PETITION_AVERTED | CaseFacts.REFERRED, 4);
            oldGroup(db, 0, 9);
        }
        Migrations.migrate(url, user, password, "latest");
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            assertThat(rows(db, "select criminal_case_averted_people, mass_petition_averted_people"
                    + " from stat_run_group where run_id = 'old' order by id"))
                    .containsExactly(List.of(7L, 7L), List.of(5L, 0L), List.of(0L, 4L), List.of(0L, 0L));

            DemoCases.write(db, 300);
            execute(db, "update dispute_case set criminal_case_averted = false, mass_petition_averted = false");
            List<List<Long>> cases = rows(db, "select id, people_involved from dispute_case"
                    + " where matter_kind = 'PEOPLES_MEDIATION' and accepted_at is not null order by id");
            long both = cases.get(0).get(0);
            long flagOnly = cases.get(1).get(0);
            long petitionFlagOnly = cases.get(2).get(0);
            execute(db, "update dispute_case set criminal_case_averted = true, criminal_case_averted_people = 3,"
                    + " mass_petition_averted = true, mass_petition_averted_people = 12 where id = " + both);
            execute(db, "update dispute_case set criminal_case_averted = true where id = " + flagOnly);
            execute(db, "update dispute_case set mass_petition_averted = true where id = " + petitionFlagOnly);
            // the database keeps no count without its flag, nor one out of range
            assertThatThrownBy(() -> execute(db, "update dispute_case set criminal_case_averted_people = 2 where id = "
                    + petitionFlagOnly)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(db, "update dispute_case set criminal_case_averted_people = 0 where id = "
                    + flagOnly)).isInstanceOf(SQLException.class);

            long lowest = cases.get(0).get(0);
            long highest = cases.get(cases.size() - 1).get(0);
            snapshot(db, lowest, highest, false);
            snapshot(db, lowest, highest, true);
            assertThat(rows(db, "select sum(cases) from stat_run_group where run_id = 'new'"))
                    .containsExactly(List.of((long) cases.size()));
            // 3 recorded + the people involved of the case flagged without a count; 12 + likewise
            assertThat(rows(db, "select sum(criminal_case_averted_people), sum(mass_petition_averted_people)"
                    + " from stat_run_group where run_id = 'new'"))
                    .containsExactly(List.of(3 + cases.get(1).get(1), 12 + cases.get(2).get(1)));
            // a group without the flag has no people for it
            assertThat(rows(db, "select count(*) from stat_run_group where run_id = 'new' and ("
                    + "(mod(facts / 256, 2) = 0 and criminal_case_averted_people <> 0)"
                    + " or (mod(facts / 512, 2) = 0 and mass_petition_averted_people <> 0))"))
                    .containsExactly(List.of(0L));
        }
    }

    private static void oldGroup(Connection db, int facts, int people) throws SQLException {
        execute(db, "insert into stat_run_group (id, run_id, slice_day, dispute_type, channel, region_code,"
                + " handling_office_code, other_offices, facts, cases, referrals_sent, referrals_accepted,"
                + " referrals_rejected, referrals_overdue, follow_ups, agreement_amount, people_involved, case_ids,"
                + " outcome_ats, days) values (nextval('stat_group_seq'), 'old', date '2024-01-01', 'NEIGHBOR', 'WALK_IN', '310118104',"
                + " 'JO-ZHAOXIANG', null, " + facts + ", 2, 0, 0, 0, 0, 0, null, " + people + ", array[1, 2], cast(array[null, null] as timestamp with time zone array),"
                + " cast(array[null, null] as integer array))");
    }

    /** One slice over every case, as StatisticsSlices.rewrite binds it (embedded database, fixed offset). */
    private static void snapshot(Connection db, long lowest, long highest, boolean changed) throws SQLException {
        List<Object> args = new ArrayList<>(List.of("new", CUT_OFF, CUT_OFF, 28800, 28800, CUT_OFF, CUT_OFF, CUT_OFF,
                java.time.LocalDate.of(2000, 1, 1)));
        if (changed) {
            args.addAll(List.of(CUT_OFF, CUT_OFF, CUT_OFF, lowest, highest, CUT_OFF, lowest, highest, CUT_OFF, lowest,
                    highest, CUT_OFF));
        }
        args.addAll(List.of("PEOPLES_MEDIATION", OffsetDateTime.parse("2000-01-01T00:00:00+08:00"), CUT_OFF, lowest,
                highest, CUT_OFF));
        try (PreparedStatement ps = db.prepareStatement(StatisticsSlices.snapshot("c.accepted_at", "", false, true,
                changed, 0))) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.executeUpdate();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<List<Long>> rows(Connection db, String sql) throws SQLException {
        List<List<Long>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Long> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getLong(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
