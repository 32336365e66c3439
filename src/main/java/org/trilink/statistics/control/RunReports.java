package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.trilink.platform.problem.ProblemException;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.RunParameters;

/**
 * What a drafter takes away from a run, for the statistics API and the statistics pages alike:
 * who may read runs, the run itself, and a completed run's figures with their names and report
 * sentences in one language.
 */
@ApplicationScoped
public class RunReports {

    @Inject
    SecurityContext security;

    @Inject
    StatisticsRuns runs;

    @Inject
    RunStore store;

    @Inject
    RunFigures figures;

    @Inject
    ReferenceNames names;

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    /** Statistics are the drafters' work; the figures cover every office, so nobody else may start or read them. */
    public void requireDrafter() {
        if (!security.isCallerInRole("DRAFTER")) {
            throw ProblemException.forbidden("Statistics runs are for report drafters.");
        }
    }

    public RunStore.StoredRun find(String runId) {
        return store.find(runId).orElseThrow(() -> ProblemException.notFound("No statistics run " + runId + "."));
    }

    public void requireCompleted(RunStore.StoredRun run) {
        String status = runs.status(run);
        if (!"COMPLETED".equals(status)) {
            throw ProblemException.conflict("The run is " + status + "; its figures exist once it has COMPLETED.");
        }
    }

    /** A completed run's figures, names and report sentences, in Chinese or English. */
    public RunExports.Content completed(String runId, boolean chinese) {
        RunStore.StoredRun run = find(runId);
        requireCompleted(run);
        List<Figure> all = figures.read(runId);
        Map<String, String> regions = names.regions(chinese);
        Map<String, String> offices = names.offices(chinese);
        String scopeName = ReportText.scope(run.parameters(), regions, offices, chinese);
        List<String> sentences = ReportText.sentences(run.parameters(), RunFigures.totals(all), scopeName, chinese);
        Map<String, Map<String, Long>> succeeded = run.parameters().peoplesMediation() ? succeeded(runId) : Map.of();
        RunParameters p = run.parameters();
        LocalDate[] lastYear = ReportText.yearBefore(p.from(), p.to());
        LocalDate[] before = ReportText.periodBefore(p.from(), p.to());
        return new RunExports.Content(runId, p, scopeName, all, regions, offices, sentences, succeeded,
                comparedTo(p, lastYear), comparedTo(p, before), byMonth(runId));
    }

    /** The totals of the newest completed run of the same kind and scope over the given period; null: none. */
    public RunExports.Compared comparedTo(RunParameters p, LocalDate[] period) {
        RunParameters other = new RunParameters(p.matterKind(), period[0], period[1], p.scope(), p.scopeKind());
        return store.completedRunOf(other)
                .map(id -> new RunExports.Compared(id, other.from(), other.to(), RunFigures.totals(figures.read(id))))
                .orElse(null);
    }

    /**
     * The run's successful cases by town and by office (credited as the by-office breakdown credits
     * cases: the handling office and each other office that worked on them), from its snapshot's
     * groups, for the success rate beside each line of those breakdowns.
     */
    public Map<String, Map<String, Long>> succeeded(String runId) {
        Map<String, Long> byRegion = new TreeMap<>();
        Map<String, Long> byOffice = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select region_code, handling_office_code, other_offices, facts,"
                     + " cases from stat_run_group where run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!org.trilink.statistics.entity.Metric.SUCCEEDED.counts(rs.getInt(4))) {
                        continue;
                    }
                    long cases = rs.getLong(5);
                    byRegion.merge(rs.getString(1), cases, Long::sum);
                    for (String office : RunFigures.offices(rs.getString(2), rs.getString(3))) {
                        byOffice.merge(office, cases, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run's successes", e);
        }
        return Map.of("byRegion", byRegion, "byOffice", byOffice);
    }

    /**
     * The run's cases by the month that put them in the period, from its snapshot (the local
     * day each case was counted on), so the months add up to the run's total.
     */
    public Map<YearMonth, Long> byMonth(String runId) {
        Map<YearMonth, Long> months = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select slice_day, sum(cases) from stat_run_group"
                     + " where run_id = ? group by slice_day")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    months.merge(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run's months", e);
        }
        return months;
    }
}
