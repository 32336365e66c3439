package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.platform.Configured;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/**
 * The monthly runs: on the configured day of the month, the previous month and the year to
 * date (up to the end of the previous month), for both kinds of matter, district-wide. Each
 * period is claimed by inserting its row into stat_schedule_claim first; the primary key lets
 * exactly one of several instances sharing the database win. The same tick purges old job
 * repository rows.
 */
@ApplicationScoped
public class StatisticsSchedule {

    private static final Logger LOG = Logger.getLogger(StatisticsSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    Configured configured;

    @Inject
    StatisticsRuns runs;

    @Inject
    JobRepository repository;

    @Inject
    @ConfigProperty(name = "trilink.statistics.schedule.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "trilink.statistics.schedule.day-of-month", defaultValue = "1")
    int dayOfMonth;

    @Inject
    @ConfigProperty(name = "trilink.statistics.schedule.hour", defaultValue = "2")
    int hour;

    @Inject
    @ConfigProperty(name = "trilink.statistics.schedule.check-minutes", defaultValue = "15")
    int checkMinutes;

    @Inject
    @ConfigProperty(name = "trilink.statistics.job-repository.retention-days", defaultValue = "90")
    int retentionDays;

    private ScheduledFuture<?> future;

    public void begin() {
        if (enabled && future == null) {
            future = scheduler.scheduleWithFixedDelay(this::tick, 1, checkMinutes, TimeUnit.MINUTES);
        }
    }

    void tick() {
        try {
            runDue(ZonedDateTime.now(configured.zone()));
            int purged = repository.purge(StatisticsRuns.JOB, Instant.now().minus(Duration.ofDays(retentionDays)));
            if (purged > 0) {
                LOG.info(() -> "Purged " + purged + " statistics job instances older than " + retentionDays + " days");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled statistics failed; the next check tries again", e);
        }
    }

    /** Starts the periods due at the given local time that no instance has claimed yet; returns the run ids. */
    public List<String> runDue(ZonedDateTime now) {
        List<String> started = new ArrayList<>();
        if (now.getDayOfMonth() != dayOfMonth || now.getHour() < hour) {
            return started;
        }
        for (RunParameters p : duePeriods(now.toLocalDate(), configured.districtCode())) {
            String key = p.matterKind() + ":" + p.from() + ":" + p.to() + ":" + p.scope();
            if (claim(key)) {
                String id = runs.start(p, "schedule", null);
                record(key, id);
                started.add(id);
                LOG.info(() -> "Scheduled statistics run " + id + " for " + key);
            }
        }
        return started;
    }

    /** Previous month and year to date (to the end of the previous month), for both kinds of matter. */
    public static List<RunParameters> duePeriods(LocalDate today, String district) {
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        LocalDate end = lastMonth.plusMonths(1).minusDays(1);
        List<RunParameters> out = new ArrayList<>();
        for (String kind : List.of("PEOPLES_MEDIATION", "ADMINISTRATIVE")) {
            out.add(new RunParameters(kind, lastMonth, end, district, ScopeKind.DISTRICT));
            if (lastMonth.getMonthValue() != 1) {
                out.add(new RunParameters(kind, lastMonth.withDayOfYear(1), end, district, ScopeKind.DISTRICT));
            }
        }
        return out;
    }

    private boolean claim(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into stat_schedule_claim (period_key, claimed_at, claimed_by) values (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setObject(2, OffsetDateTime.now());
            ps.setString(3, instanceName());
            return ps.executeUpdate() == 1;
        } catch (SQLException duplicate) {
            return false;   // another instance claimed it first
        }
    }

    private void record(String key, String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update stat_schedule_claim set run_id = ? where period_key = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the scheduled run", e);
        }
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (java.io.IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
