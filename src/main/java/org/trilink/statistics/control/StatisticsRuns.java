package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/** Starts, restarts and follows statistics runs: a stat_run row plus its Jakarta Batch executions. */
@ApplicationScoped
public class StatisticsRuns {

    public static final String JOB = "statistics-run";
    static final Set<String> MATTER_KINDS = Set.of("PEOPLES_MEDIATION", "ADMINISTRATIVE");

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    ExecutionLeases leases;

    @Inject
    Configured configured;

    @Inject
    RunStore store;

    /** Checks a request as the contract says (every faulty field named) and resolves its scope. */
    public RunParameters parameters(String matterKind, String from, String to, String scope) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (matterKind == null || !MATTER_KINDS.contains(matterKind)) {
            errors.add(new Problem.FieldError("matterKind", "must be PEOPLES_MEDIATION or ADMINISTRATIVE"));
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new Problem.FieldError("from", "must not be after to"));
        }
        if (fromDate != null && toDate != null && fromDate.plusYears(10).isBefore(toDate)) {
            errors.add(new Problem.FieldError("to", "a period covers at most ten years"));
        }
        String code = scope == null || scope.isBlank() ? configured.districtCode() : scope.strip();
        ScopeKind kind = scopeKind(code);
        if (kind == null) {
            errors.add(new Problem.FieldError("scope", "unknown region or office code"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The request has invalid fields.")
                    .withErrors(errors));
        }
        return new RunParameters(matterKind, fromDate, toDate, code, kind);
    }

    /** Records the run, then starts its job. extra carries test-only job parameters (failOnDay). */
    public String start(RunParameters p, String requestedBy, Properties extra) {
        String id = UUID.randomUUID().toString();
        store.insert(id, p, requestedBy, OffsetDateTime.now());
        Properties props = new Properties();
        if (extra != null) {
            props.putAll(extra);
        }
        props.setProperty("runId", id);
        long execution = operator().start(JOB, props);
        store.execution(id, execution);
        leases.hold(execution);
        return id;
    }

    /** Restarts a failed or stopped run where it stopped; the figures end as those of an uninterrupted run. */
    public void restart(String runId) {
        RunStore.StoredRun run = store.find(runId).orElseThrow(() -> ProblemException.notFound("No such run."));
        String status = status(run);
        if (!"FAILED".equals(status) && !"STOPPED".equals(status)) {
            throw ProblemException.conflict("Only a FAILED or STOPPED run can be restarted; this one is " + status + ".");
        }
        Properties props = new Properties();
        props.setProperty("runId", runId);
        // JBatch cannot restart a partitioned step whose server died inside it (the step status it
        // saved has no partition count, and the restarted step fails at once). Such a run starts
        // afresh under the same run id instead: every slice replaces its own rows and the figures
        // are recomputed from them, so it ends with the figures of an uninterrupted run all the same.
        boolean serverDied = JobRepository.KILLED.equals(operator().getJobExecution(run.executionId()).getExitStatus());
        long execution = serverDied ? operator().start(JOB, props) : operator().restart(run.executionId(), props);
        store.execution(runId, execution);
        leases.hold(execution);
    }

    /** A run as last read, with its contract status. */
    public record Followed(RunStore.StoredRun run, String status) {
    }

    /** The contract's status: STARTING, STARTED, COMPLETED, FAILED or STOPPED. */
    public String status(RunStore.StoredRun run) {
        return follow(run).status();
    }

    /**
     * The run's status, and the run read again when it completed after the given row was read:
     * the combiner commits completed_at before the job turns COMPLETED, so a COMPLETED job with
     * a row that lacks it is either that race or a failed combine, and only a fresh read tells.
     * A run whose row has completed_at is COMPLETED at once: the combiner stamps it in the
     * transaction that writes the figures, so they are final from then on, and what JBatch still
     * writes about the execution afterwards (a third of a second of a district's run on a busy
     * machine) changes nothing a drafter can read.
     */
    public Followed follow(RunStore.StoredRun run) {
        if (run.completedAt() != null) {
            return new Followed(run, "COMPLETED");
        }
        if (run.executionId() == null) {
            return new Followed(run, "STARTING");
        }
        BatchStatus batch;
        try {
            batch = operator().getJobExecution(run.executionId()).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            // the job repository rows were purged; the run's own row still says how it ended
            return new Followed(run, run.completedAt() != null ? "COMPLETED" : "FAILED");
        }
        if (batch == BatchStatus.COMPLETED && run.completedAt() == null) {
            run = store.find(run.id()).orElse(run);
        }
        return new Followed(run, switch (batch) {
            case STARTING -> "STARTING";
            case STARTED, STOPPING -> "STARTED";
            case COMPLETED -> run.completedAt() != null ? "COMPLETED" : "FAILED";
            case STOPPED -> "STOPPED";
            case FAILED, ABANDONED -> "FAILED";
        });
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private ScopeKind scopeKind(String code) {
        if (code.equals(configured.districtCode())) {
            return ScopeKind.DISTRICT;
        }
        if (exists("select 1 from region where code = ?", code)) {
            return ScopeKind.REGION;
        }
        if (exists("select 1 from office where code = ?", code)) {
            return ScopeKind.OFFICE;
        }
        return null;
    }

    private boolean exists(String sql, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up scope", e);
        }
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "required, a date like 2023-01-31"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "not a date like 2023-01-31"));
            return null;
        }
    }
}
