package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells a dead statistics execution from one running on another instance. JBatch leaves an
 * execution STARTED for ever when its server is killed, and several instances share one job
 * repository, so "STARTED" alone says nothing. Each instance holds a lease on the executions it
 * starts and renews it every third of the lease time; any instance marks FAILED an execution
 * whose lease ran out (or that has none, once it is older than a lease), and an instance that
 * starts again under its old name fails its previous life's executions at once. Then a drafter
 * can restart the run from whichever instance serves them.
 */
@ApplicationScoped
public class ExecutionLeases {

    private static final Logger LOG = Logger.getLogger(ExecutionLeases.class.getName());

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    JobRepository repository;

    /** This instance's name: stable across its restarts (docker/cluster sets trilink-1, trilink-2). */
    @Inject
    @ConfigProperty(name = "trilink.instance.name")
    Optional<String> configuredName;

    @Inject
    @ConfigProperty(name = "trilink.statistics.lease-seconds", defaultValue = "90")
    long leaseSeconds;

    /** This start of this instance. */
    final String processId = UUID.randomUUID().toString();

    Clock clock = Clock.systemUTC();

    private ScheduledFuture<?> future;

    public String instanceName() {
        return configuredName.filter(n -> !n.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "trilink";
            }
        });
    }

    /** Renews this instance's leases and fails dead executions, every third of the lease time. */
    public void begin() {
        if (future == null) {
            long every = Math.max(1, leaseSeconds / 3);
            future = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.SECONDS);
        }
    }

    void tick() {
        try {
            renew();
            failDead(StatisticsRuns.JOB, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew or check statistics execution leases; the next tick tries again", e);
        }
    }

    /** Called right after this instance started or restarted an execution. */
    public void hold(long executionId) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("update stat_execution_lease set instance_name = ?,"
                    + " process_id = ?, renewed_at = ? where execution_id = ?")) {
                ps.setString(1, instanceName());
                ps.setString(2, processId);
                ps.setTimestamp(3, now);
                ps.setLong(4, executionId);
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into stat_execution_lease"
                    + " (execution_id, instance_name, process_id, renewed_at) values (?, ?, ?, ?)")) {
                ps.setLong(1, executionId);
                ps.setString(2, instanceName());
                ps.setString(3, processId);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the lease of execution " + executionId, e);
        }
    }

    void renew() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update stat_execution_lease set renewed_at = ? where process_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, processId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew statistics execution leases", e);
        }
    }

    /**
     * Marks FAILED the job's running executions whose instance is gone: lease run out, no lease
     * and older than a lease, or (at start-up) held by this instance's previous life. Leases of
     * executions no longer running are dropped. Returns the executions failed.
     */
    public List<Long> failDead(String jobName, boolean atStartup) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(Duration.ofSeconds(leaseSeconds));
        Map<Long, Lease> leases = leases();
        List<Long> dead = new ArrayList<>();
        List<JobRepository.Running> running = repository.running(jobName);
        for (JobRepository.Running r : running) {
            Lease lease = leases.remove(r.executionId());
            boolean gone = lease == null ? r.created().isBefore(staleBefore)
                    : lease.renewedAt().isBefore(staleBefore)
                    || (atStartup && lease.instanceName().equals(instanceName()) && !lease.processId().equals(processId));
            if (gone) {
                dead.add(r.executionId());
            }
        }
        List<Long> failed = dead.isEmpty() ? List.of() : repository.fail(dead);
        drop(new ArrayList<>(leases.keySet())); // executions that ended
        drop(failed);
        return failed;
    }

    /** Test support: the lease looks as the previous life of this instance left it. */
    public void leftByPreviousLife(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update stat_execution_lease set process_id = ? where execution_id = ?")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setLong(2, executionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the lease", e);
        }
    }

    record Lease(String instanceName, String processId, Instant renewedAt) {
    }

    private Map<Long, Lease> leases() {
        Map<Long, Lease> leases = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select execution_id, instance_name, process_id, renewed_at from stat_execution_lease");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                leases.put(rs.getLong(1), new Lease(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read statistics execution leases", e);
        }
        return leases;
    }

    private void drop(List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from stat_execution_lease where execution_id = ?")) {
            for (Long id : executionIds) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop statistics execution leases", e);
        }
    }
}
