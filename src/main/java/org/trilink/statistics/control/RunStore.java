package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/** The stat_run rows: a run's parameters, its latest batch execution and its counts. */
@ApplicationScoped
public class RunStore {

    /** One stored run as the API shows it. */
    public record StoredRun(String id, Long executionId, RunParameters parameters, Long totalCases,
                            OffsetDateTime requestedAt, OffsetDateTime completedAt) {
    }

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    public void insert(String id, RunParameters p, String requestedBy, OffsetDateTime at) {
        update("insert into stat_run (id, matter_kind, period_from, period_to, scope_code, scope_kind, requested_by,"
                + " requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, p.matterKind(), p.from(), p.to(), p.scope(),
                p.scopeKind().name(), requestedBy, at);
    }

    public void execution(String id, long executionId) {
        update("update stat_run set execution_id = ? where id = ?", executionId, id);
    }

    public void total(String id, long total) {
        update("update stat_run set total_cases = ? where id = ?", total, id);
    }

    public Optional<StoredRun> find(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, execution_id, matter_kind, period_from, period_to,"
                     + " scope_code, scope_kind, total_cases, requested_at, completed_at from stat_run where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(stored(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read statistics run", e);
        }
    }

    /** A stored run in a list of past runs: the run and who asked for it. */
    public record ListedRun(StoredRun run, String requestedBy) {
    }

    /** A page of past runs and how many there are under the filter. */
    public record RunPage(List<ListedRun> runs, long total) {
    }

    /**
     * Past runs, newest first: of a kind of matter (null: any) whose period overlaps
     * {@code from}..{@code to} (either null: open on that side), {@code size} from {@code first}.
     */
    public RunPage list(String matterKind, LocalDate from, LocalDate to, int first, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (matterKind != null) {
            where.append(" and matter_kind = ?");
            args.add(matterKind);
        }
        if (from != null) {
            where.append(" and period_to >= ?");
            args.add(from);
        }
        if (to != null) {
            where.append(" and period_from <= ?");
            args.add(to);
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from stat_run" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ListedRun> runs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, execution_id, matter_kind, period_from,"
                    + " period_to, scope_code, scope_kind, total_cases, requested_at, completed_at, requested_by"
                    + " from stat_run" + where + " order by requested_at desc, id desc offset ? rows fetch next ? rows only")) {
                List<Object> paged = new ArrayList<>(args);
                paged.add(first);
                paged.add(size);
                bind(ps, paged);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.add(new ListedRun(stored(rs), rs.getString(11)));
                    }
                }
            }
            return new RunPage(runs, total);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list statistics runs", e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** The run of the current row of a result whose first ten columns are those of {@link #find}. */
    private static StoredRun stored(ResultSet rs) throws SQLException {
        long exec = rs.getLong(2);
        Long executionId = rs.wasNull() ? null : exec;
        long total = rs.getLong(8);
        Long totalCases = rs.wasNull() ? null : total;
        RunParameters p = new RunParameters(rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), ScopeKind.valueOf(rs.getString(7)));
        return new StoredRun(rs.getString(1), executionId, p, totalCases,
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class));
    }

    /** The newest completed run of exactly these parameters, if any: a period to compare with. */
    public Optional<String> completedRunOf(RunParameters p) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from stat_run where matter_kind = ?"
                     + " and scope_code = ? and period_from = ? and period_to = ? and completed_at is not null"
                     + " order by completed_at desc, id desc fetch first 1 rows only")) {
            bind(ps, List.of(p.matterKind(), p.scope(), p.from(), p.to()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for a run to compare with", e);
        }
    }

    public RunParameters parameters(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no statistics run " + id)).parameters();
    }

    /** Cases snapshotted so far: the progress a drafter sees while the job runs. */
    public long processed(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select coalesce(sum(cases), 0) from stat_run_group where run_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read progress", e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write statistics run", e);
        }
    }
}
