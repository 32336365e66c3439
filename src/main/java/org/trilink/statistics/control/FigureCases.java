package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.trilink.statistics.entity.CaseFacts;
import org.trilink.statistics.entity.Metric;

/**
 * The cases behind a figure, read from the run's snapshot (stat_run_group), so a published
 * figure and its list stay the same whatever happens to the cases later: the snapshot holds
 * which cases a figure counted and everything it counted them by (codes, outcome and its time,
 * resolution). Only what never changes once a case is in a run's period is read from the case
 * itself: its number and the times it was received and accepted. The snapshot holds no party
 * data at all: names, ID numbers and phones never leave the case.
 *
 * <p>Cases are listed by slice (month), then group, then case id. A page reads the headers of
 * the run's groups and the case lists of only the groups the page falls in.
 */
@ApplicationScoped
public class FigureCases {

    /**
     * One case as the drill-down lists it. Serializable: the statistics page's list keeps its
     * page of lines in the view, which travels with the session to the other instances.
     */
    public record CaseLine(String caseNumber, OffsetDateTime receivedAt, OffsetDateTime acceptedAt,
                           OffsetDateTime outcomeAt, String outcome, String adminResolution, String disputeType,
                           String channel, String regionCode, String handlingOfficeCode) implements Serializable {
    }

    public record Page(long total, List<CaseLine> cases) {
    }

    /** A snapshot group as the drill-down needs it before its case list. */
    private record Group(long id, int facts, int cases, String disputeType, String channel, String regionCode,
                         String handlingOfficeCode) {
    }

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    public Page cases(String runId, Metric metric, String dimension, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            List<Group> groups = groups(c, runId, metric, dimension);
            long total = groups.stream().mapToLong(Group::cases).sum();
            long from = (long) page * size;
            long to = from + size;
            // the groups the page falls in, and where in each
            Map<Long, long[]> windows = new HashMap<>();
            long seen = 0;
            for (Group g : groups) {
                long next = seen + g.cases();
                if (next > from && seen < to) {
                    windows.put(g.id(), new long[] {Math.max(0, from - seen), Math.min(g.cases(), to - seen)});
                }
                seen = next;
                if (seen >= to) {
                    break;
                }
            }
            if (windows.isEmpty()) {
                return new Page(total, List.of());
            }
            Map<Long, List<CaseAt>> picked = pick(c, windows);
            Map<Long, Object[]> identity = identity(c, picked.values().stream().flatMap(List::stream)
                    .map(CaseAt::caseId).toList());
            List<CaseLine> lines = new ArrayList<>();
            for (Group g : groups) {
                for (CaseAt at : picked.getOrDefault(g.id(), List.of())) {
                    Object[] row = identity.get(at.caseId());
                    lines.add(new CaseLine(row == null ? null : (String) row[0],
                            row == null ? null : (OffsetDateTime) row[1], row == null ? null : (OffsetDateTime) row[2],
                            at.outcomeAt(), name(CaseFacts.outcome(g.facts())), name(CaseFacts.resolution(g.facts())),
                            g.disputeType(), g.channel(), g.regionCode(), g.handlingOfficeCode()));
                }
            }
            return new Page(total, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cases of a figure", e);
        }
    }

    /** The run's groups behind the figure, in list order, without their case lists. */
    private static List<Group> groups(Connection c, String runId, Metric metric, String dimension) throws SQLException {
        String column = switch (metric) {
            case BY_DISPUTE_TYPE -> "dispute_type";
            case BY_CHANNEL -> "channel";
            case BY_REGION -> "region_code";
            default -> null;
        };
        // an office's cases: those it handles and those it worked on with others
        String where = column != null ? " and " + column + " = ?"
                : metric == Metric.BY_OFFICE ? " and (handling_office_code = ? or other_offices is not null)" : "";
        List<Group> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, facts, cases, dispute_type, channel, region_code,"
                + " handling_office_code, other_offices from stat_run_group where run_id = ?" + where
                + " order by slice_day, id")) {
            ps.setString(1, runId);
            if (!where.isEmpty()) {
                ps.setString(2, dimension);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int facts = rs.getInt(2);
                    if (!metric.counts(facts) || metric == Metric.BY_OFFICE
                            && !RunFigures.offices(rs.getString(7), rs.getString(8)).contains(dimension)) {
                        continue;
                    }
                    groups.add(new Group(rs.getLong(1), facts, rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        return groups;
    }

    private record CaseAt(long caseId, OffsetDateTime outcomeAt) {
    }

    /** The cases at the given positions [from, to) of each group, the group's cases in id order. */
    private static Map<Long, List<CaseAt>> pick(Connection c, Map<Long, long[]> windows) throws SQLException {
        Map<Long, List<CaseAt>> picked = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, case_ids, outcome_ats from stat_run_group where id in ("
                + windows.keySet().stream().map(id -> "?").collect(Collectors.joining(",")) + ")")) {
            int i = 1;
            for (Long id : windows.keySet()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] ids = (Object[]) rs.getArray(2).getArray();
                    Object[] outcomes = (Object[]) rs.getArray(3).getArray();
                    List<CaseAt> cases = new ArrayList<>(ids.length);
                    for (int k = 0; k < ids.length; k++) {
                        cases.add(new CaseAt(((Number) ids[k]).longValue(), time(outcomes[k])));
                    }
                    cases.sort(Comparator.comparingLong(CaseAt::caseId));
                    long[] w = windows.get(rs.getLong(1));
                    picked.put(rs.getLong(1), cases.subList((int) w[0], (int) w[1]));
                }
            }
        }
        return picked;
    }

    /** Number, received and accepted time of each case: set once, never changed afterwards. */
    private static Map<Long, Object[]> identity(Connection c, List<Long> caseIds) throws SQLException {
        Map<Long, Object[]> rows = new HashMap<>();
        if (caseIds.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement("select id, case_number, received_at, accepted_at from dispute_case"
                + " where id in (" + caseIds.stream().map(id -> "?").collect(Collectors.joining(",")) + ")")) {
            int i = 1;
            for (Long id : caseIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)});
                }
            }
        }
        return rows;
    }

    /** An element of a timestamp-with-time-zone array, as the driver hands it over. */
    static OffsetDateTime time(Object element) {
        if (element == null) {
            return null;
        }
        if (element instanceof OffsetDateTime t) {
            return t;
        }
        if (element instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (element instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (element instanceof java.time.ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected time value " + element.getClass().getName());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
