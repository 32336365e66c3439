package org.trilink.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Days from acceptance to outcome as H2 (the embedded database, in PostgreSQL mode as the server
 * runs it) computes them by the district's fixed offset: calendar days of the district, not of UTC,
 * at the edges of local midnight and with fractions of a second, as live cases carry them.
 */
class LocalDaysTest {

    @Test
    void h2CountsTheDistrictsCalendarDays() throws Exception {
        String[][] cases = {
                // an hour across local midnight: a day (none in UTC)
                {"2015-07-01T23:30:00+08:00", "2015-07-02T00:30:00+08:00", "1"},
                // 00:10 to 23:50 two days later: two (three in UTC)
                {"2015-07-03T00:10:00+08:00", "2015-07-05T23:50:00+08:00", "2"},
                // exactly local midnight to local midnight, and the last microsecond before one
                {"2015-07-06T00:00:00+08:00", "2015-07-09T00:00:00+08:00", "3"},
                {"2015-07-06T00:00:00+08:00", "2015-07-08T23:59:59.999999+08:00", "2"},
                {"2015-07-06T12:00:00.123456+08:00", "2015-07-06T23:59:59.999999+08:00", "0"},
                // before 1970 (negative epoch seconds) floor still counts whole local days
                {"1969-12-31T23:00:00+08:00", "1970-01-01T07:59:59+08:00", "1"},
        };
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:mem:localdays;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table dispute_case (id int, accepted_at timestamp(6) with time zone,"
                        + " outcome_at timestamp(6) with time zone)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into dispute_case values (?, ?, ?)")) {
                for (int i = 0; i < cases.length; i++) {
                    insert.setInt(1, i);
                    insert.setObject(2, OffsetDateTime.parse(cases[i][0]));
                    insert.setObject(3, OffsetDateTime.parse(cases[i][1]));
                    insert.executeUpdate();
                }
            }
            List<String> days = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + StatisticsSlices.localDays(false, true)
                    + " from dispute_case c order by id")) {
                ps.setInt(1, 8 * 3600);
                ps.setInt(2, 8 * 3600);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(rs.getString(1));
                    }
                }
            }
            assertThat(days).containsExactly(java.util.Arrays.stream(cases).map(r -> r[2]).toArray(String[]::new));
        }
    }
}
