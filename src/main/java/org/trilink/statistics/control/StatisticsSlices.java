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
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.trilink.platform.Configured;
import org.trilink.statistics.entity.CaseFacts;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/**
 * The work of one slice of a run (a range of days), pushed to the database: the cases those
 * days put in the period are grouped by every code and fact a figure can ask about, and each
 * group becomes one snapshot row holding its case ids (stat_run_group), in one statement. A
 * slice is always rewritten whole (delete, then insert) inside the caller's transaction, which
 * for the batch job is the chunk's transaction that also stores the checkpoint: a slice is
 * either counted exactly once or not at all, whatever kills the job.
 */
@ApplicationScoped
public class StatisticsSlices {

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    Configured configured;

    @Inject
    RunStore runs;

    /** A month of a run's period as the mapper hands it to a partition: its days and its cases' id range. */
    public record Month(LocalDate first, LocalDate last, long cases, Long lowestId, Long highestId) {
    }

    /**
     * The run's period cut into calendar months (the first and last clipped to it), each with its
     * number of cases and the lowest and highest id among them, in one statement: the months are
     * the arms of a {@code union all} that PostgreSQL reads in parallel from the cohort index
     * alone. The counts add up to the progress bar's total and the ranges bound each slice's
     * reads, so neither a count of the whole period nor a query per slice is needed first.
     */
    @Transactional
    public List<Month> months(String runId) {
        RunParameters p = runs.parameters(runId);
        ZoneId zone = configured.zone();
        List<LocalDate[]> days = new ArrayList<>();
        for (LocalDate month = p.from().withDayOfMonth(1); !month.isAfter(p.to()); month = month.plusMonths(1)) {
            LocalDate end = month.plusMonths(1).minusDays(1);
            days.add(new LocalDate[] {month.isBefore(p.from()) ? p.from() : month, end.isAfter(p.to()) ? p.to() : end});
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            args.addAll(List.of(p.matterKind(), days.get(i)[0].atStartOfDay(zone).toOffsetDateTime(),
                    days.get(i)[1].plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
            // "+ 0" keeps PostgreSQL from looking for the extremes by walking the primary key
            sql.append(i == 0 ? "" : " union all ").append("select ").append(i)
                    .append(" as n, count(*), min(c.id + 0), max(c.id + 0) from dispute_case c where c.matter_kind = ? and ")
                    .append(cohortColumn(p)).append(" >= ? and ").append(cohortColumn(p)).append(" < ?")
                    .append(scopeClause(p, args));
        }
        Month[] months = new Month[days.size()];
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
                execute(c, "set local jit = off");
            }
            query(c, sql.toString(), rs -> {
                int i = rs.getInt(1);
                long cases = rs.getLong(2);
                months[i] = new Month(days.get(i)[0], days.get(i)[1], cases,
                        cases == 0 ? null : rs.getLong(3), cases == 0 ? null : rs.getLong(4));
            }, args.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the cases of run " + runId, e);
        }
        return List.of(months);
    }

    /**
     * Consecutive months merged while together they hold at most {@code maxCases} cases and span
     * less than a year (so that one chunk of the default 366 days takes them whole; a month holding
     * more stays alone): the days of the first to the last, their cases summed, the lowest
     * and highest id of them all (null while none has a case).
     */
    public static List<Month> partitions(List<Month> months, long maxCases) {
        List<Month> out = new ArrayList<>();
        Month open = null;
        for (Month m : months) {
            if (open != null && open.cases() + m.cases() <= maxCases && open.first().plusYears(1).isAfter(m.last())) {
                open = new Month(open.first(), m.last(), open.cases() + m.cases(), least(open.lowestId(), m.lowestId()),
                        open.highestId() == null ? m.highestId() : m.highestId() == null ? open.highestId()
                                : Long.valueOf(Math.max(open.highestId(), m.highestId())));
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = m;
            }
        }
        if (open != null) {
            out.add(open);
        }
        return out;
    }

    private static Long least(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    /**
     * Rewrites the snapshot of the local days first..last (inclusive) of a run: grouped
     * {@code insert ... select}s over the slice's cases, whatever their number (see
     * {@link #snapshot}), then the slice's distribution of days to outcome. Every row of an
     * earlier attempt at these days is deleted first, so a slice redone after a failure or a kill
     * replaces its rows, never adds to them. The slice takes the cases of its days whose ids lie in
     * lowestId..highestId, the range its months had when the run was planned ({@link #months}; null:
     * they had none), so a case that arrives during the run is left to the next run. A slice over
     * several months writes each month's groups and distribution under the month's first day (the
     * slice's first day for its first month), as slices of one month each would.
     */
    @Transactional
    public void rewrite(String runId, LocalDate first, LocalDate last, Long lowestId, Long highestId) {
        try (Connection c = dataSource.getConnection()) {
            rewrite(c, runs.parameters(runId), configured.zone(), runId, first, last, lowestId, highestId);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics slice " + first + ".." + last + " of run " + runId + " failed", e);
        }
    }

    /** {@link #rewrite(String, LocalDate, LocalDate, Long, Long)} on the given connection, inside its transaction. */
    static void rewrite(Connection c, RunParameters p, ZoneId zone, String runId, LocalDate first, LocalDate last,
                        Long lowestId, Long highestId) throws SQLException {
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        // facts are taken as they stood at the end of the cut-off date
        OffsetDateTime cutOff = p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        boolean postgres = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        for (String table : List.of("stat_partial", "stat_run_group")) {
            execute(c, "delete from " + table + " where run_id = ? and slice_day between ? and ?", runId, first, last);
        }
        if (lowestId == null) {
            return;
        }
        // (asked before the settings below, as their index alone answers it)
        long changed = count(c, "select count(*) from dispute_case d where d.links_settled_at >= ?"
                + " and d.id between ? and ?", cutOff, lowestId, highestId);
        if (postgres) {
            // One pass over a month of cases (docs/benchmarks.md has the measurements): a bitmap
            // scan reads the month's pages in order, three times faster than following the index
            // case by case; and the planner cannot estimate the number of groups of a computed
            // key, so it would sort every case of the month by six keys instead of hashing them.
            // Compiling the plan (PostgreSQL's JIT) costs more than it saves.
            execute(c, "set local jit = off");
            execute(c, "set local enable_indexscan = off");
            execute(c, "set local enable_sort = off");
            execute(c, "set local work_mem = '64MB'");
        }
        List<Object> scopeArgs = new ArrayList<>();
        String scope = scopeClause(p, scopeArgs);
        // Days to outcome by the zone's offset where it is the same from the slice's start to
        // the cut-off (always so in China: no summer time since 1991); by the zone's rules else.
        var transition = zone.getRules().nextTransition(start.toInstant());
        boolean fixedOffset = transition == null || !transition.getInstant().isBefore(cutOff.toInstant());
        Object zoneOrOffset = postgres && !fixedOffset ? zone.getId()
                : (Object) zone.getRules().getOffset(start.toInstant()).getTotalSeconds();
        // the first day of each month after the slice's first, latest first: a case's rows go under its month's
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = first.withDayOfMonth(1).plusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(0, m);
        }
        List<Object> head = new ArrayList<>(List.of(runId, cutOff, cutOff, zoneOrOffset, zoneOrOffset, // outcome time, days
                cutOff, cutOff, cutOff));                                                              // facts
        for (LocalDate m : months) {                                                                   // slice day
            head.add(m.atStartOfDay(zone).toOffsetDateTime());
            head.add(m);
        }
        head.add(first);
        List<Object> cohort = List.of(p.matterKind(), start, end, lowestId, highestId, cutOff);
        // the cases whose facts stand on their row as they stood at the cut-off: nearly all
        List<Object> args = new ArrayList<>(head);
        args.addAll(cohort);
        args.addAll(scopeArgs);
        execute(c, snapshot(cohortColumn(p), scope, postgres, fixedOffset, false, months.size()), args.toArray());
        // the few whose facts changed since the cut-off: from the tables, as they stood then
        if (changed > 0) {
            args = new ArrayList<>(head);
            args.addAll(List.of(cutOff, cutOff, cutOff, lowestId, highestId, cutOff));   // referrals
            args.addAll(List.of(lowestId, highestId, cutOff));                           // follow-up visits
            args.addAll(List.of(lowestId, highestId, cutOff));                           // parties' ratings
            args.addAll(cohort);
            args.addAll(scopeArgs);
            execute(c, snapshot(cohortColumn(p), scope, postgres, fixedOffset, true, months.size()), args.toArray());
        }
        distribution(c, runId, first, last);
    }

    /**
     * The slice's distribution of days from acceptance to outcome (days -> cases) per slice day,
     * from the groups just written, from which the last step takes the exact median without
     * sorting the run's cases.
     */
    private static void distribution(Connection c, String runId, LocalDate first, LocalDate last) throws SQLException {
        Map<LocalDate, Map<Integer, Long>> byDay = new TreeMap<>();
        query(c, "select slice_day, days from stat_run_group where run_id = ? and slice_day between ? and ?", rs -> {
            Map<Integer, Long> byDays = byDay.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new TreeMap<>());
            for (Object d : (Object[]) rs.getArray(2).getArray()) {
                if (d != null) {
                    byDays.merge(((Number) d).intValue(), 1L, Long::sum);
                }
            }
        }, runId, first, last);
        try (PreparedStatement insert = c.prepareStatement("insert into stat_partial (run_id, slice_day, metric,"
                + " dimension, quantity) values (?, ?, '" + RunFigures.DAYS_TO_OUTCOME + "', ?, ?)")) {
            for (Map.Entry<LocalDate, Map<Integer, Long>> day : byDay.entrySet()) {
                for (Map.Entry<Integer, Long> e : day.getValue().entrySet()) {
                    bind(insert, runId, day.getKey(), e.getKey().toString(), java.math.BigDecimal.valueOf(e.getValue()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
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
     * The snapshot of one slice, or of one part of it: its cases grouped by their codes and
     * {@link CaseFacts}. A case's referral, visit and other-office facts stand on its row
     * ({@code links_*}, kept by {@link CaseLinkFacts}) as they are now, which
     * is as they stood at the cut-off unless they changed since ({@code links_settled_at}). So the
     * slice is two statements: the cases unchanged since the cut-off, from their rows alone (nearly
     * all of them, and no join: a join of the three tables was a quarter of a slice's time); then,
     * with {@code changed}, the others, their facts gathered from the tables as they stood at the
     * cut-off. Their other offices count as they are now in both. Parameters: runId; cutOff
     * (outcome time); cutOff and the zone x2 (days, see {@link #localDays}); cutOff x3 (facts); the
     * slice day: for each of the {@code months} later months in the slice, latest first, the instant
     * its first day starts and that day, then the slice's first day; with {@code changed}: referrals: cutOff x3, the id range, cutOff; follow-ups: the id range,
     * cutOff; the parties' ratings: the id range, cutOff; the cohort: kind, start, end, the id range, cutOff; then the scope's. (The referrals
     * and visits of the whole id range are a few in a hundred of its cases; only the changed
     * cases' match.)
     */
    static String snapshot(String cohortColumn, String scope, boolean postgres, boolean fixedOffset, boolean changed,
                           int months) {
        StringBuilder sliceDay = new StringBuilder(months == 0 ? "" : "case");
        for (int i = 0; i < months; i++) {
            sliceDay.append(" when ").append(cohortColumn).append(" >= ? then cast(? as date)");
        }
        sliceDay.append(months == 0 ? "cast(? as date)" : " else cast(? as date) end");
        java.util.function.Function<String, String> fact = name -> changed ? "coalesce(ex." + name + ", 0)"
                : "coalesce(c.links_" + name + ", 0)";
        String facts = CaseFacts.sql("case when c.outcome_at < ? then c.outcome end",
                "case when c.admin_resolved_at < ? then c.admin_resolution end", "c.agreement_form", List.of(
                        new CaseFacts.Flag(CaseFacts.HAS_AMOUNT, "c.agreement_amount is not null"),
                        new CaseFacts.Flag(CaseFacts.CRIMINAL_CASE_AVERTED, "c.criminal_case_averted = true"),
                        new CaseFacts.Flag(CaseFacts.MASS_PETITION_AVERTED, "c.mass_petition_averted = true"),
                        new CaseFacts.Flag(CaseFacts.REFERRED, fact.apply("sent") + " > 0"),
                        new CaseFacts.Flag(CaseFacts.REFERRAL_ACCEPTED, fact.apply("accepted") + " > 0"),
                        new CaseFacts.Flag(CaseFacts.REFERRAL_REJECTED, fact.apply("rejected") + " > 0"),
                        new CaseFacts.Flag(CaseFacts.REFERRAL_OVERDUE, fact.apply("overdue") + " > 0"),
                        new CaseFacts.Flag(CaseFacts.FOLLOWED_UP, fact.apply("visits") + " > 0"),
                        new CaseFacts.Flag(CaseFacts.PERFORMED, fact.apply("performed") + " > 0"),
                        new CaseFacts.Flag(CaseFacts.SATISFIED, satisfied(changed)),
                        new CaseFacts.Flag(CaseFacts.HAS_DAYS, "c.outcome_at < ? and c.accepted_at is not null")));
        return "insert into stat_run_group (id, run_id, slice_day, dispute_type, channel, region_code,"
            + " handling_office_code, other_offices, facts, cases, referrals_sent, referrals_accepted,"
            + " referrals_rejected, referrals_overdue, follow_ups, agreement_amount, criminal_case_averted_people,"
            + " mass_petition_averted_people, case_ids, outcome_ats, days)"
            + " select nextval('stat_group_seq'), ?, f.slice_day, f.dispute_type, f.channel, f.region_code,"
            + " f.handling_office_code, f.other_offices, f.facts, count(*), sum(f.sent), sum(f.accepted),"
            + " sum(f.rejected), sum(f.overdue), sum(f.visits), sum(f.agreement_amount), sum(f.criminal_people),"
            + " sum(f.petition_people),"
            + " array_agg(f.id), array_agg(f.outcome_at), array_agg(f.days)"
            + " from (select c.id, c.dispute_type, c.channel, c.region_code, c.handling_office_code,"
            + " c.links_offices as other_offices,"
            + " case when c.outcome_at < ? then c.outcome_at end as outcome_at,"
            + " case when c.outcome_at < ? and c.accepted_at is not null then " + localDays(postgres, fixedOffset) + " end as days,"
            + " c.agreement_amount, " + AVERTED_PEOPLE + ","
            + " " + fact.apply("sent") + " as sent, " + fact.apply("accepted") + " as accepted, "
            + fact.apply("rejected") + " as rejected, " + fact.apply("overdue") + " as overdue, "
            + fact.apply("visits") + " as visits, " + facts + " as facts, " + sliceDay + " as slice_day"
            + " from dispute_case c"
            + (!changed ? "" : ""
            // (integer sums: summing bigints goes through numeric, a tenth of the statement's time)
            + " left join (select x.case_id as case_id, cast(sum(x.sent) as integer) as sent,"
            + "   cast(sum(x.accepted) as integer) as accepted, cast(sum(x.rejected) as integer) as rejected,"
            + "   cast(sum(x.overdue) as integer) as overdue, cast(sum(x.visits) as integer) as visits,"
            + "   cast(sum(x.performed) as integer) as performed,"
            + "   cast(sum(x.dissatisfied) as integer) as dissatisfied from ("
            + "   select r.case_id as case_id, 1 as sent,"
            + "   case when r.status = 'ACCEPTED' and r.decided_at < ? then 1 else 0 end as accepted,"
            + "   case when r.status = 'REJECTED' and r.decided_at < ? then 1 else 0 end as rejected,"
            + "   case when r.overdue = true and (r.overdue_at is null or r.overdue_at < ?) then 1 else 0 end as overdue,"
            + "   0 as visits, 0 as performed, 0 as dissatisfied"
            + "   from referral r where r.case_id between ? and ? and r.sent_at < ?"
            + "   union all select v.case_id, 0, 0, 0, 0, 1, case when v.performance = 'PERFORMED' then 1 else 0 end,"
            + "   case when v.satisfaction < 4 then 1 else 0 end"
            + "   from follow_up_visit v where v.case_id between ? and ? and v.visited_at < ?"
            // the parties' own ratings by then (issue 24): one below 4 makes the case unsatisfied
            + "   union all select pr.case_id, 0, 0, 0, 0, 0, 0, case when pr.score < 4 then 1 else 0 end"
            + "   from party_rating pr where pr.case_id between ? and ? and pr.rated_at < ?"
            + " ) x group by x.case_id) ex on ex.case_id = c.id")
            + " where c.matter_kind = ? and " + cohortColumn + " >= ? and " + cohortColumn + " < ?"
            + " and c.id between ? and ?"
            + (changed ? " and c.links_settled_at >= ?" : " and (c.links_settled_at is null or c.links_settled_at < ?)")
            + scope + ") f"
            + " group by f.slice_day, f.dispute_type, f.channel, f.region_code, f.handling_office_code, f.other_offices,"
            + " f.facts";
    }

    /**
     * The satisfied flag's condition: followed up by the cut-off, and no visit by then rated below 4
     * (回访满意度), nor any party in its own rating (评价, {@code party_rating}, issue 24: a rating
     * settles the case's facts at its time, so an unchanged case's ratings too are all before the
     * cut-off). A case unchanged since the cut-off has all its visits before it, so its visits
     * are read without a time (no parameter: the statement's parameters stay as they are), only
     * for a case with visits (the CASE keeps the lookup, on follow_up_case_idx, off the rest); a
     * changed case's come from the visits as they stood at the cut-off.
     */
    static String satisfied(boolean changed) {
        return changed ? "coalesce(ex.visits, 0) > 0 and coalesce(ex.dissatisfied, 0) = 0"
                : "(case when coalesce(c.links_visits, 0) > 0 then case when not exists (select 1 from follow_up_visit sv"
                + " where sv.case_id = c.id and sv.satisfaction < 4) and not exists (select 1 from party_rating pr"
                + " where pr.case_id = c.id and pr.score < 4) then 1 else 0 end else 0 end) = 1";
    }

    /**
     * A case's people kept from a criminal case and from a mass petition: those recorded with the
     * flag, else (flagged without a count: before V22, or by an API client that gave none) the
     * people involved in the dispute, as the figures counted them before; 0 without the flag.
     */
    static final String AVERTED_PEOPLE = "case when c.criminal_case_averted = true"
            + " then coalesce(c.criminal_case_averted_people, c.people_involved) else 0 end as criminal_people,"
            + " case when c.mass_petition_averted = true"
            + " then coalesce(c.mass_petition_averted_people, c.people_involved) else 0 end as petition_people";

    /**
     * Days from acceptance to outcome, as local dates count them (two parameters: the zone's
     * offset in seconds where it is fixed over the run, else the zone's name). By the offset,
     * both databases count whole days of epoch seconds; PostgreSQL in double precision
     * (date_part), as its numeric epoch (extract) and the conversion by the zone's rules cost a
     * tenth of the slice's time each at 10 million cases. H2 in double precision too: its
     * extract(epoch) is a NUMERIC, and dividing that makes a NUMERIC(100000, 50000), whose
     * rounding (floor) took some 40 ms a case (a run over 8,000 cases ran for more than ten
     * minutes); a double holds epoch seconds to the microsecond.
     */
    static String localDays(boolean postgres, boolean fixedOffset) {
        if (postgres && !fixedOffset) {
            return "(cast(c.outcome_at at time zone ? as date) - cast(c.accepted_at at time zone ? as date))";
        }
        String epoch = postgres ? "date_part('epoch', %s)" : "cast(extract(epoch from %s) as double precision)";
        return "cast(floor((" + epoch.formatted("c.outcome_at") + " + ?) / 86400)"
                + " - floor((" + epoch.formatted("c.accepted_at") + " + ?) / 86400) as integer)";
    }

    private interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Rows rows, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        long[] n = {0};
        query(c, sql, rs -> n[0] = rs.getLong(1), args);
        return n[0];
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
