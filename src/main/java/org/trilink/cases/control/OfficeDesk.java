package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.platform.Configured;
import org.trilink.platform.security.CurrentUser;

/**
 * What waits for an office today: its open cases, referrals sent to it (overdue first),
 * follow-up visits falling due, and high-risk cases. The district admin, who has no office,
 * sees the whole district. Each list is short; its count is the whole number.
 */
@ApplicationScoped
public class OfficeDesk {

    private static final int SHOWN = 10;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    Configured configured;

    @Inject
    CaseReferrals referrals;

    @Inject
    @ConfigProperty(name = "trilink.portal.follow-up-window-days", defaultValue = "7")
    int followUpWindowDays;

    Clock clock = Clock.systemUTC();

    public record Item(String caseNumber, String summary, String status, String riskLevel, OffsetDateTime receivedAt,
                       LocalDate due, OffsetDateTime deadline, boolean overdue, String otherOffice) {
    }

    /** A tray's first items and how many there are; {@code capped}: more than {@code count}, which is the cap. */
    public record Tray(long count, List<Item> items, boolean capped) {

        public Tray(long count, List<Item> items) {
            this(count, items, false);
        }
    }

    /** What waits, counted: referrals and follow-up visits, each with the late and those due today. */
    public record Counts(long referrals, long referralsOverdue, long referralsDueToday, long followUps,
                         long followUpsOverdue, long followUpsDueToday) {
    }

    /**
     * The desk's counts: two set-based queries on indexed columns (pending referrals by office
     * and status, concluded cases by status and follow-up day), however many cases the office holds.
     */
    public Counts counts() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(configured.zone()));
        String office = user.admin() ? null : (user.officeCode() == null ? "-" : user.officeCode());
        CaseReferrals.WaitingCounts waiting = referrals.countWaiting(office, now,
                Due.startOf(today.plusDays(1), configured.zone()));
        Query q = em.createNativeQuery("select count(*),"
                + " coalesce(sum(case when c.follow_up_due < ?3 then 1 else 0 end), 0),"
                + " coalesce(sum(case when c.follow_up_due = ?3 then 1 else 0 end), 0)" + followUpsFrom())
                .setParameter(1, today.plusDays(followUpWindowDays)).setParameter(3, today);
        Object[] row = (Object[]) q.getSingleResult();
        return new Counts(waiting.waiting(), waiting.overdue(), waiting.dueToday(), ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /**
     * The cases of a referral or follow-up list of the desk (all of them, not the ten shown), under
     * the counts' own conditions; for the case list that a count or "more" link opens.
     */
    public List<Long> caseIds(DeskList list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(configured.zone()));
        String office = user.admin() ? null : (user.officeCode() == null ? "-" : user.officeCode());
        return switch (list) {
            case REFERRALS -> referrals.waitingCaseIds(office, now, Due.startOf(today.plusDays(1), configured.zone()), null);
            case REFERRALS_OVERDUE -> referrals.waitingCaseIds(office, now,
                    Due.startOf(today.plusDays(1), configured.zone()), Due.State.OVERDUE);
            case REFERRALS_DUE_TODAY -> referrals.waitingCaseIds(office, now,
                    Due.startOf(today.plusDays(1), configured.zone()), Due.State.TODAY);
            case FOLLOW_UPS -> followUpIds("", today);
            case FOLLOW_UPS_OVERDUE -> followUpIds(" and c.follow_up_due < ?3", today);
            case FOLLOW_UPS_DUE_TODAY -> followUpIds(" and c.follow_up_due = ?3", today);
            case OPEN, HIGH_RISK -> throw new IllegalArgumentException(list + " is a condition on the case, not a list of ids");
        };
    }

    private List<Long> followUpIds(String state, LocalDate today) {
        Query q = em.createNativeQuery("select c.id" + followUpsFrom() + state)
                .setParameter(1, today.plusDays(followUpWindowDays));
        if (!state.isEmpty()) {
            q.setParameter(3, today);
        }
        return ((List<?>) q.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** The office whose desk the caller sees; null for the district admin, who sees every office's. */
    public String deskOffice() {
        return user.admin() ? null : (user.officeCode() == null ? "-" : user.officeCode());
    }

    /** Today in the district, for the desk's due marks. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(configured.zone()));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Open cases the office handles, newest first. */
    public Tray openCases() {
        String where = " from dispute_case c where c.status not in ('DECLINED', 'CLOSED')" + officeClause("c.handling_office_code");
        return tray(where, "select c.case_number, c.summary, c.status, c.risk_level, c.received_at, null, null, false, null",
                " order by c.received_at desc, c.id desc", null);
    }

    /** Referrals sent to the office that nobody has accepted or rejected yet: overdue first, then by deadline. */
    public Tray referralsWaiting() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String office = user.admin() ? null : (user.officeCode() == null ? "-" : user.officeCode());
        List<Item> items = new ArrayList<>();
        for (CaseReferrals.Waiting w : referrals.waiting(office, now, SHOWN)) {
            DisputeCase c = em.find(DisputeCase.class, w.caseId());
            items.add(new Item(c.caseNumber(), c.summary(), c.status().name(),
                    c.riskLevel() == null ? null : c.riskLevel().name(), c.receivedAt(),
                    null, w.deadline(), w.overdue(), w.fromOfficeCode()));
        }
        return new Tray(referrals.countWaiting(office), items);
    }

    /** Concluded cases whose follow-up visit is due within the window (or late) and not yet made. */
    public Tray followUpsDue() {
        LocalDate until = LocalDate.now(clock.withZone(configured.zone())).plusDays(followUpWindowDays);
        return tray(followUpsFrom(), "select c.case_number, c.summary, c.status, c.risk_level, c.received_at, c.follow_up_due,"
                + " null, false, null", " order by c.follow_up_due, c.id", until);
    }

    private String followUpsFrom() {
        return " from dispute_case c where c.status = 'CONCLUDED' and c.follow_up_due is not null"
                + " and c.follow_up_due <= ?1"
                + " and not exists (select 1 from follow_up_visit v where v.case_id = c.id and v.visited_at >= c.outcome_at)"
                + officeClause("c.handling_office_code");
    }

    /** Open high-risk cases (risk of turning criminal or into a mass petition). */
    public Tray highRisk() {
        String where = " from dispute_case c where c.risk_level = 'HIGH' and c.status not in ('DECLINED', 'CLOSED')"
                + officeClause("c.handling_office_code");
        return tray(where, "select c.case_number, c.summary, c.status, c.risk_level, c.received_at, null, null, false, null",
                " order by c.received_at desc, c.id desc", null);
    }

    /**
     * The caller's office written into the statement, not bound: with a bound office PostgreSQL
     * switches, after five runs on a connection, to one plan for every office, and chose walking all
     * cases newest first, which suits an office holding 900,000 of 10 M cases and took a police
     * station holding a few 7.5-16.5 s. Written in, each office keeps a plan of its own. Office codes
     * are letters, digits and hyphens (reference data); anything else stands for no office.
     */
    private String officeClause(String column) {
        if (user.admin()) {
            return "";
        }
        String office = user.officeCode();
        return " and " + column + " = '" + (office != null && OFFICE_CODE.matcher(office).matches() ? office : "-") + "'";
    }

    private static final java.util.regex.Pattern OFFICE_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Tray tray(String from, String select, String order, Object first) {
        // a tray counts no further than the case list does ("1,000+"): a busy office's open cases at 10 M took 1.3-1.9 s to count
        int countCap = configured.listCountCap();
        Query count = em.createNativeQuery("select count(*) from (select 1 as one" + from + " fetch first "
                + (countCap + 1) + " rows only) counted");
        // the limit in the statement: EclipseLink sends a native query's maximum to the driver only,
        // and PostgreSQL then sorted all of a busy office's 900,000 cases for ten (3 s)
        Query items = em.createNativeQuery(select + from + order + " fetch first " + SHOWN + " rows only");
        for (Query q : List.of(count, items)) {
            if (from.contains("?1") || order.contains("?1") && q == items) {
                q.setParameter(1, first);
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<?> rows = items.getResultList();
        return new Tray(Math.min(total, countCap), rows.stream().map(r -> (Object[]) r).map(r -> new Item((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], CaseRecords.time(r[4]), CaseRecords.day(r[5]), CaseRecords.time(r[6]),
                Boolean.TRUE.equals(r[7]) || Integer.valueOf(1).equals(r[7]), (String) r[8])).toList(), total > countCap);
    }
}
