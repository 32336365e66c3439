package org.trilink.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.demo.DemoCases;
import org.trilink.platform.Migrations;
import org.trilink.statistics.entity.CaseFacts;

/**
 * The satisfaction rate counts the parties' own ratings (issue 24) on a real (embedded) database:
 * a case whose visits rated it 4-5 is unsatisfied once a party rates it 2 stars, a party's 5 stars
 * change nothing, a rating after the cut-off does not count, and every other case keeps its flag.
 */
class PartyRatingSatisfactionTest {

    private static final OffsetDateTime LATE = OffsetDateTime.parse("2100-01-01T00:00:00+08:00");

    @Test
    void aPartysTwoStarsMakeTheCaseUnsatisfied() throws Exception {
        String url = "jdbc:h2:mem:rating-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Migrations.migrate(url, "sa", "", "latest");
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            DemoCases.write(db, 300);
            List<Long> ids = longs(db, "select id from dispute_case where matter_kind = 'PEOPLES_MEDIATION'"
                    + " and accepted_at is not null order by id");
            long lowest = ids.get(0);
            long highest = ids.get(ids.size() - 1);
            List<Long> satisfiedByVisits = longs(db, "select v.case_id from follow_up_visit v join dispute_case c"
                    + " on c.id = v.case_id where c.matter_kind = 'PEOPLES_MEDIATION' and c.accepted_at is not null"
                    + " group by v.case_id having min(v.satisfaction) >= 4 order by v.case_id");
            assertThat(satisfiedByVisits).as("demo cases whose visits found the parties satisfied").hasSizeGreaterThan(2);
            long unhappy = satisfiedByVisits.get(0);
            long happy = satisfiedByVisits.get(1);

            Map<Long, Integer> before = facts(db, "before", LATE, lowest, highest);
            assertThat(CaseFacts.has(before.get(unhappy), CaseFacts.SATISFIED)).isTrue();
            assertThat(CaseFacts.has(before.get(happy), CaseFacts.SATISFIED)).isTrue();

            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            rate(db, unhappy, 2, now);
            rate(db, happy, 5, now);
            Map<Long, Integer> after = facts(db, "after", LATE, lowest, highest);
            assertThat(CaseFacts.has(after.get(unhappy), CaseFacts.SATISFIED)).as("2 stars from a party").isFalse();
            assertThat(CaseFacts.has(after.get(unhappy), CaseFacts.FOLLOWED_UP)).as("still rated").isTrue();
            assertThat(CaseFacts.has(after.get(happy), CaseFacts.SATISFIED)).isTrue();
            Map<Long, Integer> others = new HashMap<>(after);
            others.remove(unhappy);
            Map<Long, Integer> othersBefore = new HashMap<>(before);
            othersBefore.remove(unhappy);
            assertThat(others).as("every other case as before").isEqualTo(othersBefore);

            // with a cut-off before the rating, the case's facts come from the tables as they stood then
            OffsetDateTime earlier = now.minusDays(1);
            Map<Long, Integer> atCutOff = facts(db, "cut", earlier, lowest, highest);
            assertThat(CaseFacts.has(atCutOff.get(unhappy), CaseFacts.SATISFIED))
                    .as("the rating came after the cut-off").isTrue();
        }
    }

    /** A party's rating as the door stores it, with the case's facts summed up again (CaseLinkFacts). */
    private static void rate(Connection db, long caseId, int score, OffsetDateTime at) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into party_rating (case_id, party_position, score,"
                + " comment, rated_at) values (?, 1, ?, 'test', ?)");
             PreparedStatement merge = db.prepareStatement(CaseLinkFacts.merge("= ?"))) {
            insert.setLong(1, caseId);
            insert.setInt(2, score);
            insert.setObject(3, at);
            insert.executeUpdate();
            for (int i = 1; i <= CaseLinkFacts.TABLES; i++) {
                merge.setLong(i, caseId);
            }
            merge.executeUpdate();
        }
    }

    /** One slice over every case up to the cut-off, both statements as StatisticsSlices.rewrite binds them: each case's facts. */
    private static Map<Long, Integer> facts(Connection db, String runId, OffsetDateTime cutOff, long lowest, long highest)
            throws SQLException {
        for (boolean changed : new boolean[] {false, true}) {
            List<Object> args = new ArrayList<>(List.of(runId, cutOff, cutOff, 28800, 28800, cutOff, cutOff, cutOff,
                    LocalDate.of(2000, 1, 1)));
            if (changed) {
                args.addAll(List.of(cutOff, cutOff, cutOff, lowest, highest, cutOff, lowest, highest, cutOff, lowest,
                        highest, cutOff));
            }
            args.addAll(List.of("PEOPLES_MEDIATION", OffsetDateTime.parse("2000-01-01T00:00:00+08:00"), cutOff, lowest,
                    highest, cutOff));
            try (PreparedStatement ps = db.prepareStatement(StatisticsSlices.snapshot("c.accepted_at", "", false, true,
                    changed, 0))) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                ps.executeUpdate();
            }
        }
        Map<Long, Integer> facts = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select facts, case_ids from stat_run_group where run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int f = rs.getInt(1);
                    for (Object id : (Object[]) rs.getArray(2).getArray()) {
                        assertThat(facts.put(((Number) id).longValue(), f)).as("a case in one group only").isNull();
                    }
                }
            }
        }
        return facts;
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
