package org.trilink.mediation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.Averted;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.FollowUpVisit;
import org.trilink.mediation.entity.Performance;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The outcome of mediation and the follow-up visits after it. A follow-up falls due a number of
 * days after the outcome: the handling office's own setting ({@code office.follow_up_days}),
 * else the district default {@code trilink.follow-up.default-days}. The days are calendar days,
 * and a period whose last day is a day off of the working calendar ends on the next working day
 * (the rule of Chinese law for periods in days); a change of the calendar moves pending ones.
 * The timer marks cases whose follow-up is past due with none recorded; they are listed for the
 * office responsible.
 */
@ApplicationScoped
public class FollowUps {

    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(FollowUps.class.getName());

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** This bean through its proxy, so that each batch gets its own transaction. */
    @Inject
    FollowUps self;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

    @Inject
    OfficeCatalog offices;

    @Inject
    Configured configured;

    @Inject
    WorkingCalendar calendar;

    @Inject
    CurrentUser user;

    @Inject
    Event<FollowUpFallingDue> fallingDue;

    @Inject
    @ConfigProperty(name = "trilink.follow-up.default-days", defaultValue = "30")
    int defaultDays;

    Clock clock = Clock.systemUTC();

    @Transactional
    public DisputeCase recordOutcome(String caseNumber, Long version, OutcomeCommand o) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (o.result() == Outcome.SUCCESS) {
            if (o.agreementForm() == null) {
                errors.add(new Problem.FieldError("agreementForm", "required for SUCCESS: WRITTEN or ORAL"));
            }
            if (o.terms() == null || o.terms().isBlank()) {
                errors.add(new Problem.FieldError("terms", "required for SUCCESS: what the parties agreed"));
            }
        } else {
            if (o.agreementForm() != null || o.amount() != null || o.performanceDeadline() != null) {
                errors.add(new Problem.FieldError("agreementForm", "only a SUCCESS has an agreement"));
            }
            if (o.result() == Outcome.FAILURE && (o.reason() == null || o.reason().isBlank())) {
                errors.add(new Problem.FieldError("reason", "required for FAILURE"));
            }
            if (o.result() == Outcome.FAILURE && o.guidance() == null) {
                errors.add(new Problem.FieldError("guidance", "required for FAILURE: LITIGATION, ARBITRATION or ADMINISTRATIVE"));
            }
        }
        Averted averted = o.averted() == null ? Averted.NONE : o.averted();
        averted.faults().forEach((field, message) -> errors.add(new Problem.FieldError(field, message)));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The outcome is incomplete.").withErrors(errors));
        }
        DisputeCase c = lifecycle.begin(caseNumber, Move.RECORD_OUTCOME, version);
        OffsetDateTime now = lifecycle.now();
        LocalDate today = now.atZoneSameInstant(configured.zone()).toLocalDate();
        if (o.performanceDeadline() != null && o.performanceDeadline().isBefore(today)) {
            throw ProblemException.badRequest("performanceDeadline", "must not be in the past");
        }
        // calendar days, the last one moved off a day off: a 30-day period is a month whatever
        // the holidays, but nobody is due to visit on the Spring Festival
        LocalDate counted = today.plusDays(followUpDays(c.handlingOfficeCode()));
        LocalDate due = calendar.workingDayOnOrAfter(counted);
        String before = c.status().name();
        CaseChange.OutcomeRecorded change;
        if (o.result() == Outcome.SUCCESS) {
            c.recordSuccess(now, o.agreementForm(), o.terms().strip(), o.amount(), o.performanceDeadline(), due);
            change = new CaseChange.OutcomeRecorded(Outcome.SUCCESS, o.agreementForm(), o.amount(), null, due, averted);
        } else {
            c.recordFailure(now, o.result(), o.reason() == null ? null : o.reason().strip(),
                    o.guidance() == null ? null : o.guidance().name(), due);
            change = new CaseChange.OutcomeRecorded(o.result(), null, null,
                    o.guidance() == null ? null : o.guidance().name(), due, averted);
        }
        c.scheduleFollowUp(counted, due);
        c.markAverted(averted);
        history.record(c, change, before, c.status().name(), now);
        lifecycle.finish(c);
        return c;
    }

    /**
     * Days from the outcome to the follow-up for cases an office handles: the office's own
     * setting, else its office type's (set by the district admin), else the district default.
     */
    public int followUpDays(String officeCode) {
        Office office = offices.office(officeCode).orElse(null);
        if (office == null) {
            return defaultDays;
        }
        if (office.followUpDays() != null) {
            return office.followUpDays();
        }
        List<?> byType = em.createNativeQuery("select follow_up_days from deadline_setting where office_type = ?")
                .setParameter(1, office.type().name()).getResultList();
        return byType.isEmpty() ? defaultDays : ((Number) byType.get(0)).intValue();
    }

    @Transactional
    public FollowUpVisit record(String caseNumber, Long version, OffsetDateTime visitedAt, FollowUpMethod method,
                                Performance performance, int satisfaction, String notes) {
        if (satisfaction < 1 || satisfaction > 5) {
            throw ProblemException.badRequest("satisfaction", "must be between 1 and 5");
        }
        DisputeCase c = lifecycle.begin(caseNumber, Move.RECORD_FOLLOW_UP, version);
        OffsetDateTime now = lifecycle.now();
        OffsetDateTime at = visitedAt != null ? visitedAt : now;
        if (at.isAfter(now.plusMinutes(5))) {
            throw ProblemException.badRequest("visitedAt", "must not be in the future");
        }
        if (c.outcomeAt() != null && at.isBefore(c.outcomeAt())) {
            throw ProblemException.badRequest("visitedAt", "must not be before the outcome");
        }
        FollowUpVisit v = new FollowUpVisit(c.id(), at, method, performance, satisfaction,
                notes == null || notes.isBlank() ? null : notes.strip(), user.username(), user.officeCode());
        em.persist(v);
        history.record(c, new CaseChange.FollowUpRecorded(method.name(), performance.name(), satisfaction), null,
                null, now);
        lifecycle.finish(c);
        return v;
    }

    /**
     * A follow-up visit entered after the fact (补录, from an office's ledger) at the time it was
     * made, by whoever imports it, in the caller's transaction. The case is concluded already and
     * carries no follow-up due date, so no reminder or overdue flag is ever owed for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUpVisit backfill(DisputeCase c, OffsetDateTime visitedAt, FollowUpMethod method,
                                  Performance performance, int satisfaction, String actor, String officeCode,
                                  CaseChange.LedgerSource ledger) {
        FollowUpVisit v = new FollowUpVisit(c.id(), visitedAt, method, performance, satisfaction, null, actor,
                officeCode);
        em.persist(v);
        history.backfill(c, new CaseChange.FollowUpRecorded(method.name(), performance.name(), satisfaction, ledger),
                null, null, visitedAt, actor, officeCode);
        return v;
    }

    public List<FollowUpVisit> visits(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        return em.createQuery("select v from FollowUpVisit v where v.caseId = :id order by v.visitedAt, v.id",
                FollowUpVisit.class).setParameter("id", c.id()).getResultList();
    }

    /**
     * The whole check, batch by batch (each its own transaction), until a batch comes back short:
     * first the reminders of follow-ups falling due by {@code today}, then the overdue flags of
     * those due before it. The timer and the admin's hand-run check call this.
     */
    public Check checkAll(LocalDate today) {
        int reminded = 0;
        int n;
        do {
            n = self.remindDue(today);
            reminded += n;
        } while (n == BATCH);
        int flagged = 0;
        do {
            n = self.flagOverdue(today);
            flagged += n;
        } while (n == BATCH);
        return new Check(reminded, flagged);
    }

    /** What one check did: follow-ups reminded (falling due) and cases flagged overdue. */
    public record Check(int reminded, int flagged) {
    }

    /**
     * Concluded cases whose follow-up falls due by {@code today} (a local date), with no visit
     * recorded, not reminded and not flagged overdue yet: each is claimed by a conditional
     * UPDATE (one instance only, when several share the database) and announced once.
     */
    @Transactional
    public int remindDue(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // due on a day off (set before the calendar knew it) means due on the next working day
        LocalDate until = calendar.isWorkingDay(today) ? today : calendar.workingDayBefore(today);
        String due = " status = 'CONCLUDED' and follow_up_due <= ? and follow_up_reminded_at is null"
                + " and follow_up_overdue_at is null"
                + " and not exists (select 1 from follow_up_visit v where v.case_id = dispute_case.id)";
        List<?> ids = em.createNativeQuery("select id from dispute_case where" + due + " order by id")
                .setParameter(1, until)
                .setMaxResults(BATCH)
                .getResultList();
        int reminded = 0;
        for (Object o : ids) {
            long id = ((Number) o).longValue();
            int claimed = em.createNativeQuery("update dispute_case set follow_up_reminded_at = ? where id = ? and"
                            + due)
                    .setParameter(1, now)
                    .setParameter(2, id)
                    .setParameter(3, until)
                    .executeUpdate();
            if (claimed == 1) {
                fallingDue.fire(new FollowUpFallingDue(em.find(DisputeCase.class, id)));
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * Marks concluded cases whose follow-up was due before {@code today} (a local date; one due on a
     * day off is due on the next working day) with no
     * visit recorded, and records FOLLOW_UP_OVERDUE once per case: the conditional UPDATE claims
     * each case for one instance only, when several share the database.
     *
     * @return how many cases this call marked
     */
    @Transactional
    public int flagOverdue(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // overdue once a working day on or after the due date has passed: a follow-up due on the
        // Friday before a long holiday is overdue on the first working day after it, not during it
        LocalDate lastMissable = calendar.workingDayBefore(today);
        String missed = " status = 'CONCLUDED' and follow_up_due <= ? and follow_up_overdue_at is null"
                + " and not exists (select 1 from follow_up_visit v where v.case_id = dispute_case.id)";
        List<?> due = em.createNativeQuery("select id from dispute_case where" + missed + " order by id")
                .setParameter(1, lastMissable)
                .setMaxResults(BATCH)
                .getResultList();
        int flagged = 0;
        for (Object o : due) {
            long id = ((Number) o).longValue();
            int claimed = em.createNativeQuery("update dispute_case set follow_up_overdue_at = ? where id = ? and"
                            + missed)
                    .setParameter(1, now)
                    .setParameter(2, id)
                    .setParameter(3, lastMissable)
                    .executeUpdate();
            if (claimed == 1) {
                DisputeCase c = em.find(DisputeCase.class, id);
                em.refresh(c);
                history.record(c, new CaseChange.FollowUpOverdue(c.followUpDue(), c.handlingOfficeCode()), null,
                        null, now, "system", null);
                flagged++;
            }
        }
        if (flagged > 0) {
            int n = flagged;
            LOG.info(() -> "Follow-up check flagged " + n + " cases overdue");
        }
        return flagged;
    }

    /**
     * When the working calendar changes, pending follow-ups (concluded, no visit, not flagged
     * overdue, not yet past) whose period's last day lies on or before the changed day and whose
     * due date on or after it are moved to the working day on or after that last day, in the
     * change's transaction. Only those can move: a working day between the two stays the due date.
     * One UPDATE per distinct period end, not per case. Not in the case history, as with
     * referral deadlines the calendar moves.
     */
    void recount(@Observes WorkingCalendar.CalendarChanged change) {
        LocalDate day = change.day();
        String pending = " status = 'CONCLUDED' and follow_up_overdue_at is null and follow_up_due >= ?"
                + " and follow_up_due >= ? and coalesce(follow_up_counted_due, follow_up_due) <= ?"
                + " and not exists (select 1 from follow_up_visit v where v.case_id = dispute_case.id)";
        LocalDate today = today();
        List<?> ends = em.createNativeQuery("select distinct coalesce(follow_up_counted_due, follow_up_due)"
                        + " from dispute_case where" + pending)
                .setParameter(1, today).setParameter(2, day).setParameter(3, day)
                .getResultList();
        int moved = 0;
        for (Object end : ends) {
            LocalDate counted = localDate(end);
            LocalDate due = calendar.workingDayOnOrAfter(counted);
            moved += em.createNativeQuery("update dispute_case set follow_up_due = ?, follow_up_counted_due = ?"
                            + " where" + pending + " and coalesce(follow_up_counted_due, follow_up_due) = ?"
                            + " and follow_up_due <> ?")
                    .setParameter(1, due).setParameter(2, counted)
                    .setParameter(3, today).setParameter(4, day).setParameter(5, day)
                    .setParameter(6, counted).setParameter(7, due)
                    .executeUpdate();
        }
        int n = moved;
        LOG.info(() -> "Working calendar changed (" + day + "): " + n + " pending follow-up due dates moved");
    }

    /** A date column as the driver hands it over (H2 and PostgreSQL differ). */
    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("a follow-up due date read as " + value.getClass().getName());
    }

    /** Concluded cases of an office whose follow-up the timer found overdue and that still have none. */
    public List<DisputeCase> overdueFor(String officeCode) {
        access.requireOfficeDesk(officeCode);
        return em.createQuery("select c from DisputeCase c where c.handlingOfficeCode = :office and c.status = :concluded"
                        + " and c.followUpOverdueAt is not null"
                        + " and not exists (select v from FollowUpVisit v where v.caseId = c.id)"
                        + " order by c.followUpDue, c.id", DisputeCase.class)
                .setParameter("office", officeCode)
                .setParameter("concluded", CaseStatus.CONCLUDED)
                .setMaxResults(500)
                .getResultList();
    }

    public LocalDate today() {
        return OffsetDateTime.now(clock).atZoneSameInstant(configured.zone()).toLocalDate();
    }
}
