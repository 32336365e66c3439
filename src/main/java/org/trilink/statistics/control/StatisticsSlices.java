package org.trilink.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trilink.platform.Configured;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/**
 * The work of one slice of a run (a range of days), pushed to the database: copy the facts of
 * the cases those days put in the period into the run's snapshot, then sum them into partial figures.
 * A slice is always rewritten whole (delete, then insert) inside the caller's transaction,
 * which for the batch job is the chunk's transaction that also stores the checkpoint: a slice
 * is either counted exactly once or not at all, whatever kills the job.
 */
@ApplicationScoped
public class StatisticsSlices {

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    Configured configured;

    @Inject
    RunStore runs;

    /**
     * Rewrites the snapshot and partial sums of the local days first..last (inclusive) of a run:
     * a handful of set-based statements for the whole slice, whatever its number of cases. The
     * slice's rows carry slice_day = first; every row of an earlier attempt at these days is
     * deleted first, so a slice redone after a failure or a kill replaces its rows, never adds to them.
     */
    @Transactional
    public int rewrite(String runId, LocalDate first, LocalDate last) {
        RunParameters p = runs.parameters(runId);
        ZoneId zone = configured.zone();
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        // facts are taken as they stood at the end of the cut-off date
        OffsetDateTime cutOff = p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        int offset = zone.getRules().getOffset(start.toInstant()).getTotalSeconds();
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
                // one pass over each row: compiling the plan (PostgreSQL's JIT, on by default
                // above a cost these slices always reach) costs more than it saves
                execute(c, "set local jit = off");
            }
            for (String table : List.of("stat_partial", "stat_run_office", "stat_run_case")) {
                execute(c, "delete from " + table + " where run_id = ? and slice_day between ? and ?", runId, first, last);
            }
            List<Object> args = new ArrayList<>(List.of(runId, first, cutOff, cutOff, cutOff, offset, offset,
                    cutOff, cutOff, cutOff));
            // referrals: decided and overdue cut-offs, the slice, the sending cut-off
            args.addAll(List.of(cutOff, cutOff, cutOff, p.matterKind(), start, end, cutOff));
            // follow-ups
            args.addAll(List.of(p.matterKind(), start, end, cutOff));
            args.addAll(List.of(p.matterKind(), start, end));
            String scope = scopeClause(p, args);
            int cases = execute(c, snapshot(cohortColumn(p), scope), args.toArray());
            if (cases == 0) {
                return 0;
            }
            // the handling office is in the snapshot row; only the other offices that worked on
            // a case (joint mediation, former handlers) need rows of their own
            execute(c, "insert into stat_run_office (run_id, slice_day, case_id, office_code)"
                    + " select s.run_id, s.slice_day, s.case_id, cp.office_code from stat_run_case s"
                    + " join case_participant cp on cp.case_id = s.case_id and cp.office_code <> s.handling_office_code"
                    + " where s.run_id = ? and s.slice_day = ?", runId, first);
            sumTotals(c, runId, first, p);
            for (String[] breakdown : new String[][] {{"byDisputeType", "dispute_type"}, {"byChannel", "channel"},
                    {"byRegion", "region_code"}}) {
                execute(c, "insert into stat_partial (run_id, slice_day, metric, dimension, quantity)"
                        + " select run_id, slice_day, '" + breakdown[0] + "', " + breakdown[1] + ", count(*)"
                        + " from stat_run_case where run_id = ? and slice_day = ?"
                        + " group by run_id, slice_day, " + breakdown[1], runId, first);
            }
            execute(c, "insert into stat_partial (run_id, slice_day, metric, dimension, quantity)"
                    + " select ?, ?, 'byOffice', o.office_code, count(*) from ("
                    + " select handling_office_code as office_code from stat_run_case where run_id = ? and slice_day = ?"
                    + " union all select office_code from stat_run_office where run_id = ? and slice_day = ?) o"
                    + " group by o.office_code", runId, first, runId, first, runId, first);
            // the distribution of days to outcome, from which the last step takes the exact median
            // without sorting the whole snapshot
            execute(c, "insert into stat_partial (run_id, slice_day, metric, dimension, quantity)"
                    + " select run_id, slice_day, '" + RunFigures.DAYS_TO_OUTCOME + "',"
                    + " cast(days_to_outcome as varchar(12)), count(*) from stat_run_case"
                    + " where run_id = ? and slice_day = ? and days_to_outcome is not null"
                    + " group by run_id, slice_day, days_to_outcome", runId, first);
            return cases;
        } catch (SQLException e) {
            throw new IllegalStateException("statistics slice " + first + ".." + last + " of run " + runId + " failed", e);
        }
    }

    /** How many cases the run's period and scope hold: the progress bar's total. */
    public long cohortSize(String runId) {
        RunParameters p = runs.parameters(runId);
        ZoneId zone = configured.zone();
        List<Object> args = new ArrayList<>();
        args.add(p.matterKind());
        args.add(p.from().atStartOfDay(zone).toOffsetDateTime());
        args.add(p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        String sql = "select count(*) from dispute_case c where c.matter_kind = ? and " + cohortColumn(p)
                + " >= ? and " + cohortColumn(p) + " < ?" + scopeClause(p, args);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the run's cases", e);
        }
    }

    /** The date that puts a case in the period: acceptance for mediation, receipt for administrative matters. */
    static String cohortColumn(RunParameters p) {
        return p.peoplesMediation() ? "c.accepted_at" : "c.received_at";
    }

    static String scopeClause(RunParameters p, List<Object> args) {
        if (p.scopeKind() == ScopeKind.REGION) {
            args.add(p.scope());
            args.add(p.scope());
            return " and c.region_code in (select r.code from region r where r.code = ? or r.parent_code = ?)";
        }
        if (p.scopeKind() == ScopeKind.OFFICE) {
            args.add(p.scope());
            return " and exists (select 1 from case_participant sp where sp.case_id = c.id and sp.office_code = ?)";
        }
        return "";
    }

    /**
     * The snapshot of one slice: the cases whose deciding date falls in [start, end), with
     * referral and follow-up counts joined in as per-case sums over the slice's cases only
     * (one grouped pass per table, not one probe per case and count).
     * Parameters: runId, day, cutOff x3, offset x2, cutOff x3 (administrative facts); referrals:
     * cutOff x3, kind, start, end, cutOff; follow-ups: kind, start, end, cutOff; the cohort: kind,
     * start, end; then the scope's.
     */
    static String snapshot(String cohortColumn, String scope) {
        String slice = " join dispute_case sc on sc.id = %s.case_id where sc.matter_kind = ? and sc."
                + cohortColumn.substring(2) + " >= ? and sc." + cohortColumn.substring(2) + " < ?";
        return "insert into stat_run_case (run_id, slice_day, case_id, case_number,"
            + " dispute_type, channel, region_code, handling_office_code, received_at, accepted_at, outcome, outcome_at,"
            + " days_to_outcome, agreement_form, agreement_amount, criminal_case_averted, mass_petition_averted,"
            + " people_involved, referrals_sent, referrals_accepted, referrals_rejected, referrals_overdue, follow_ups,"
            + " performed, admin_filed_at, admin_resolution, admin_resolved_at)"
            + " select ?, ?, c.id, c.case_number, c.dispute_type, c.channel, c.region_code, c.handling_office_code,"
            + " c.received_at, c.accepted_at,"
            + " case when c.outcome_at < ? then c.outcome end,"
            + " case when c.outcome_at < ? then c.outcome_at end,"
            // local-date difference; the zone's offset is fixed (no summer time in China since 1991)
            + " case when c.outcome_at < ? and c.accepted_at is not null then"
            + " cast(floor((extract(epoch from c.outcome_at) + ?) / 86400) - floor((extract(epoch from c.accepted_at) + ?) / 86400) as integer) end,"
            + " c.agreement_form, c.agreement_amount, c.criminal_case_averted, c.mass_petition_averted, c.people_involved,"
            + " coalesce(rr.sent, 0), coalesce(rr.accepted, 0), coalesce(rr.rejected, 0), coalesce(rr.overdue, 0),"
            + " coalesce(ff.visits, 0), coalesce(ff.performed, 0) > 0,"
            + " case when c.admin_filed_at < ? then c.admin_filed_at end,"
            + " case when c.admin_resolved_at < ? then c.admin_resolution end,"
            + " case when c.admin_resolved_at < ? then c.admin_resolved_at end"
            + " from dispute_case c"
            + " left join (select r.case_id as case_id, count(*) as sent,"
            + "   sum(case when r.status = 'ACCEPTED' and r.decided_at < ? then 1 else 0 end) as accepted,"
            + "   sum(case when r.status = 'REJECTED' and r.decided_at < ? then 1 else 0 end) as rejected,"
            + "   sum(case when r.overdue = true and (r.overdue_at is null or r.overdue_at < ?) then 1 else 0 end) as overdue"
            + "   from referral r" + slice.formatted("r") + " and r.sent_at < ? group by r.case_id) rr on rr.case_id = c.id"
            + " left join (select f.case_id as case_id, count(*) as visits,"
            + "   sum(case when f.performance = 'PERFORMED' then 1 else 0 end) as performed"
            + "   from follow_up_visit f" + slice.formatted("f") + " and f.visited_at < ? group by f.case_id) ff"
            + "   on ff.case_id = c.id"
            + " where c.matter_kind = ? and " + cohortColumn + " >= ? and " + cohortColumn + " < ?" + scope;
    }

    private void sumTotals(Connection c, String runId, LocalDate day, RunParameters p) throws SQLException {
        String sql = "select count(*),"
                + " sum(case when outcome = 'SUCCESS' then 1 else 0 end),"
                + " sum(case when outcome is not null or admin_resolution is not null then 1 else 0 end),"
                + " sum(referrals_sent), sum(referrals_accepted), sum(referrals_rejected), sum(referrals_overdue),"
                + " sum(follow_ups), sum(case when follow_ups > 0 then 1 else 0 end),"
                + " sum(case when performed then 1 else 0 end),"
                + " sum(case when outcome = 'SUCCESS' and agreement_form = 'WRITTEN' then 1 else 0 end),"
                + " sum(case when outcome = 'SUCCESS' and agreement_form = 'ORAL' then 1 else 0 end),"
                + " sum(case when outcome = 'SUCCESS' then coalesce(agreement_amount, 0) else 0 end),"
                + " sum(case when criminal_case_averted then 1 else 0 end),"
                + " sum(case when criminal_case_averted then people_involved else 0 end),"
                + " sum(case when mass_petition_averted then 1 else 0 end),"
                + " sum(case when mass_petition_averted then people_involved else 0 end),"
                + " sum(case when admin_resolution = 'RESOLVED_BEFORE_FILING' then 1 else 0 end),"
                + " sum(case when admin_resolution in ('MEDIATED', 'WITHDRAWN', 'UPHELD', 'CORRECTED') then 1 else 0 end),"
                + " sum(case when admin_resolution in ('MEDIATED', 'WITHDRAWN') then 1 else 0 end),"
                + " sum(case when admin_resolution = 'CORRECTED' then 1 else 0 end)"
                + " from stat_run_case where run_id = ? and slice_day = ?";
        String[] metrics = {"cohort", "succeeded", "concluded", "referralsSent", "referralsAccepted", "referralsRejected",
            "referralsOverdue", "followUps", "followedUpCases", "agreementsPerformed", "writtenAgreements",
            "oralAgreements", "agreementAmount", "criminalCasesAverted", "criminalCasesAvertedPeople",
            "massPetitionsAverted", "massPetitionsAvertedPeople", "resolvedBeforeFiling", "concludedAfterFiling",
            "mediatedOrWithdrawn", "corrected"};
        try (PreparedStatement ps = c.prepareStatement(sql);
             PreparedStatement insert = c.prepareStatement(
                     "insert into stat_partial (run_id, slice_day, metric, dimension, quantity) values (?, ?, ?, '', ?)")) {
            bind(ps, runId, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
                for (int i = 0; i < metrics.length; i++) {
                    java.math.BigDecimal v = rs.getBigDecimal(i + 1);
                    bind(insert, runId, day, metrics[i], v == null ? java.math.BigDecimal.ZERO : v);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
