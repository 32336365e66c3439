package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trilink.statistics.entity.Metric;

/**
 * The cases behind a figure, read from the run's snapshot (never from the live case tables),
 * so a published figure and its list stay the same whatever happens to the cases later. The
 * snapshot holds no party data at all: names, ID numbers and phones never leave the case.
 */
@ApplicationScoped
public class FigureCases {

    /** One case as the drill-down lists it. */
    public record CaseLine(String caseNumber, OffsetDateTime receivedAt, OffsetDateTime acceptedAt,
                           OffsetDateTime outcomeAt, String outcome, String adminResolution, String disputeType,
                           String channel, String regionCode, String handlingOfficeCode) {
    }

    public record Page(long total, List<CaseLine> cases) {
    }

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    public Page cases(String runId, Metric metric, String dimension, int page, int size) {
        String where = " from stat_run_case s where s.run_id = ? and " + metric.cases();
        // a breakdown's condition names its code once or more
        long codes = metric.type() == Metric.Type.BREAKDOWN ? metric.cases().chars().filter(ch -> ch == '?').count() : 0;
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
                int i = 1;
                ps.setString(i++, runId);
                for (long k = 0; k < codes; k++) {
                    ps.setString(i++, dimension);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CaseLine> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select s.case_number, s.received_at, s.accepted_at,"
                    + " s.outcome_at, s.outcome, s.admin_resolution, s.dispute_type, s.channel, s.region_code,"
                    + " s.handling_office_code" + where + " order by s.case_number limit ? offset ?")) {
                int i = 1;
                ps.setString(i++, runId);
                for (long k = 0; k < codes; k++) {
                    ps.setString(i++, dimension);
                }
                ps.setInt(i++, size);
                ps.setLong(i, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new CaseLine(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                                rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10)));
                    }
                }
            }
            return new Page(total, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cases of a figure", e);
        }
    }
}
