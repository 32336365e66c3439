package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Housekeeping of the Jakarta Batch job repository (Payara's JBatch tables, which live in the
 * application's database). JBatch leaves an execution STARTED forever when its server dies;
 * such an execution cannot be restarted until it is marked FAILED, which the JobOperator
 * cannot do, so it is done here on the repository's own tables.
 */
@ApplicationScoped
public class JobRepository {

    private static final Logger LOG = Logger.getLogger(JobRepository.class.getName());

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    /**
     * Marks every execution of the job still STARTING, STARTED or STOPPING as FAILED, with its
     * steps. Call it only when no instance of the application is running the job (at start-up
     * of a single instance), since it cannot tell a dead execution from a live one elsewhere.
     */
    public List<Long> failStale(String jobName) {
        List<Long> failed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> t = tables(c);
            if (t.size() < 4) {
                return failed;
            }
            String executions = "select e.jobexecid from " + t.get("executioninstancedata") + " e join "
                    + t.get("jobinstancedata") + " i on i.jobinstanceid = e.jobinstanceid"
                    + " where i.name = ? and e.batchstatus in ('STARTING', 'STARTED', 'STOPPING')";
            try (PreparedStatement ps = c.prepareStatement(executions)) {
                ps.setString(1, jobName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        failed.add(rs.getLong(1));
                    }
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            for (Long id : failed) {
                try (PreparedStatement ps = c.prepareStatement("update " + t.get("stepexecutioninstancedata")
                        + " set batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ? where jobexecid = ?"
                        + " and batchstatus in ('STARTING', 'STARTED', 'STOPPING')")) {
                    ps.setTimestamp(1, now);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update " + t.get("executioninstancedata")
                        + " set batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ?, updatetime = ?"
                        + " where jobexecid = ?")) {
                    ps.setTimestamp(1, now);
                    ps.setTimestamp(2, now);
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                LOG.warning(() -> "Batch execution " + id + " of " + jobName
                        + " was left running by a server that stopped; marked FAILED so it can be restarted");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the job repository", e);
        }
        return failed;
    }

    /** Test support: makes an execution look as a killed server leaves it (STARTED, no end). */
    public void markStarted(long executionId) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> t = tables(c);
            try (PreparedStatement ps = c.prepareStatement("update " + t.get("executioninstancedata")
                    + " set batchstatus = 'STARTED', exitstatus = null, endtime = null where jobexecid = ?")) {
                ps.setLong(1, executionId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the job repository", e);
        }
    }

    /**
     * Deletes the repository rows of the job's instances whose executions all ended before
     * the given instant. The runs' own figures and snapshots stay.
     */
    public int purge(String jobName, Instant endedBefore) {
        int purged = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> t = tables(c);
            if (t.size() < 6) {
                return 0;
            }
            List<Long> instances = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select i.jobinstanceid from " + t.get("jobinstancedata")
                    + " i where i.name = ? and not exists (select 1 from " + t.get("executioninstancedata")
                    + " e where e.jobinstanceid = i.jobinstanceid and (e.endtime is null or e.endtime >= ?))"
                    + " and exists (select 1 from " + t.get("executioninstancedata")
                    + " e where e.jobinstanceid = i.jobinstanceid)")) {
                ps.setString(1, jobName);
                ps.setTimestamp(2, Timestamp.from(endedBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        instances.add(rs.getLong(1));
                    }
                }
            }
            String steps = "select s.stepexecid from " + t.get("stepexecutioninstancedata") + " s join "
                    + t.get("executioninstancedata") + " e on e.jobexecid = s.jobexecid where e.jobinstanceid = ?";
            for (Long instance : instances) {
                update(c, "delete from " + t.get("stepstatus") + " where id in (" + steps + ")", instance);
                update(c, "delete from " + t.get("stepexecutioninstancedata") + " where jobexecid in (select jobexecid from "
                        + t.get("executioninstancedata") + " where jobinstanceid = ?)", instance);
                update(c, "delete from " + t.get("checkpointdata") + " where id like ?", instance + ",%");
                update(c, "delete from " + t.get("executioninstancedata") + " where jobinstanceid = ?", instance);
                update(c, "delete from " + t.get("jobstatus") + " where id = ?", instance);
                update(c, "delete from " + t.get("jobinstancedata") + " where jobinstanceid = ?", instance);
                purged++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge the job repository", e);
        }
        return purged;
    }

    private static void update(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            ps.executeUpdate();
        }
    }

    /** The repository's table names as the database spells them (Payara may add a prefix or suffix). */
    private static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                for (String known : List.of("executioninstancedata", "stepexecutioninstancedata", "jobinstancedata",
                        "jobstatus", "stepstatus", "checkpointdata")) {
                    if (lower.endsWith(known) && !(known.equals("executioninstancedata")
                            && lower.endsWith("stepexecutioninstancedata"))) {
                        out.putIfAbsent(known, name.equals(lower) ? name : '"' + name + '"');
                    }
                }
            }
        }
        return out;
    }
}
