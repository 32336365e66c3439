package org.trilink.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import jakarta.enterprise.event.Observes;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.referrals.entity.Referral;
import org.trilink.referrals.entity.ReferralStatus;

/**
 * How long a receiving office has to decide on a referral, and the check that marks referrals
 * past their deadline. The deadline is the receiving office's own setting
 * ({@code office.referral_deadline_hours}), else its office type's ({@code deadline_setting}),
 * else one working day, counted in working time ({@link WorkingTime}).
 */
@ApplicationScoped
public class ReferralDeadlines {

    static final int DEFAULT_HOURS = 24;
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ReferralDeadlines.class.getName());

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** This bean through its proxy, so that each batch gets its own transaction. */
    @Inject
    ReferralDeadlines self;

    @Inject
    Configured configured;

    @Inject
    WorkingCalendar calendar;

    @Inject
    CaseHistory history;

    @Inject
    OfficeCatalog offices;

    @Inject
    CurrentUser user;

    @Inject
    CaseAccess access;

    Clock clock = Clock.systemUTC();

    /** The deadline for a referral sent now: the receiving office's hours, counted in working time. */
    public OffsetDateTime deadlineFor(Office receiving, OffsetDateTime sentAt) {
        return calendar.plusWorkingHours(sentAt, hoursFor(receiving));
    }

    /**
     * When the working calendar changes, the pending referrals whose deadline was counted in hours
     * (not chosen by the sender) and is not yet passed are counted again, in the change's
     * transaction: a day made a holiday moves them later, a make-up working day earlier.
     */
    void recount(@Observes WorkingCalendar.CalendarChanged change) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Referral> pending = em.createQuery("select r from Referral r where r.status = :pending"
                        + " and r.deadlineHours is not null and r.overdue = false and r.deadline > :now", Referral.class)
                .setParameter("pending", ReferralStatus.PENDING).setParameter("now", now).getResultList();
        int moved = 0;
        for (Referral r : pending) {
            OffsetDateTime deadline = calendar.plusWorkingHours(r.sentAt(), r.deadlineHours());
            if (!deadline.isEqual(r.deadline())) {
                r.moveDeadline(deadline);
                moved++;
            }
        }
        int n = moved;
        LOG.info(() -> "Working calendar changed (" + change.day() + "): " + n + " pending referral deadlines moved");
    }

    public int hoursFor(Office receiving) {
        if (receiving.referralDeadlineHours() != null) {
            return receiving.referralDeadlineHours();
        }
        // the settings are no case's: nothing pending needs writing first (a ledger chunk's
        // referrals flushed the chunk's rows in small pieces here)
        List<?> byType = em.createNativeQuery("select referral_deadline_hours from deadline_setting where office_type = ?")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, receiving.type().name()).getResultList();
        return byType.isEmpty() ? DEFAULT_HOURS : ((Number) byType.get(0)).intValue();
    }

    /**
     * Marks pending referrals whose deadline is before {@code asOf} as overdue and records
     * REFERRAL_OVERDUE once per referral. Each row is claimed by a conditional UPDATE, so that
     * instances sharing the database never flag (or record) the same referral twice.
     *
     * @return how many referrals this call marked
     */
    /**
     * The whole check, batch by batch (each its own transaction), until a batch comes back short.
     * The timer and the admin's hand-run check call this.
     */
    public int flagAllOverdue(OffsetDateTime asOf) {
        int total = 0;
        int n;
        do {
            n = self.flagOverdue(asOf);
            total += n;
        } while (n == BATCH);
        return total;
    }

    @Transactional
    public int flagOverdue(OffsetDateTime asOf) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<?> due = em.createNativeQuery("select id, case_id, to_office_code, deadline from referral"
                        + " where status = 'PENDING' and overdue = false and deadline < ? order by id")
                .setParameter(1, asOf)
                .setMaxResults(BATCH)
                .getResultList();
        int flagged = 0;
        for (Object o : due) {
            Object[] row = (Object[]) o;
            long id = ((Number) row[0]).longValue();
            int claimed = em.createNativeQuery("update referral set overdue = true, overdue_at = ?, version = version + 1"
                            + " where id = ? and overdue = false and status = 'PENDING'")
                    .setParameter(1, now)
                    .setParameter(2, id)
                    .executeUpdate();
            if (claimed == 1) {
                DisputeCase c = em.find(DisputeCase.class, ((Number) row[1]).longValue());
                history.record(c, new CaseChange.ReferralOverdue(id, (String) row[2], moment(row[3])), null, null,
                        now, "system", null);
                flagged++;
            }
        }
        if (flagged > 0) {
            int n = flagged;
            LOG.info(() -> "Referral deadline check flagged " + n + " referrals overdue");
        }
        return flagged;
    }

    /** An office's deadline settings (null: the office type's or the district's default applies). */
    public record Settings(String officeCode, Integer referralDeadlineHours, Integer followUpDays,
                           int effectiveReferralDeadlineHours) {
    }

    public Settings settings(String officeCode) {
        access.requireOfficeDesk(officeCode);
        Office office = offices.office(officeCode).orElseThrow(() -> ProblemException.notFound("No office " + officeCode));
        return new Settings(office.code(), office.referralDeadlineHours(), office.followUpDays(), hoursFor(office));
    }

    /** The district admin sets an office's own deadlines; null returns it to the default. */
    @Transactional
    public Settings change(String officeCode, Integer referralDeadlineHours, Integer followUpDays) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin sets deadlines.");
        }
        offices.office(officeCode).orElseThrow(() -> ProblemException.notFound("No office " + officeCode));
        // a bound null has no SQL type that PostgreSQL accepts for an integer column: write NULL as such
        List<Object> values = new java.util.ArrayList<>();
        StringBuilder sql = new StringBuilder("update office set referral_deadline_hours = ");
        sql.append(referralDeadlineHours == null ? "null" : "?");
        if (referralDeadlineHours != null) {
            values.add(referralDeadlineHours);
        }
        sql.append(", follow_up_days = ").append(followUpDays == null ? "null" : "?");
        if (followUpDays != null) {
            values.add(followUpDays);
        }
        sql.append(" where code = ?");
        values.add(officeCode);
        var update = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            update.setParameter(i + 1, values.get(i));
        }
        update.executeUpdate();
        em.clear();
        Office office = offices.office(officeCode).orElseThrow();
        LOG.info(() -> "Deadlines of office " + officeCode + " set by " + user.username() + ": referral hours "
                + referralDeadlineHours + ", follow-up days " + followUpDays);
        return new Settings(office.code(), office.referralDeadlineHours(), office.followUpDays(), hoursFor(office));
    }

    /** The defaults of one office type: what applies to its offices that have no setting of their own. */
    public record TypeSettings(String officeType, int referralDeadlineHours, int followUpDays) {
    }

    public List<TypeSettings> byType() {
        List<?> rows = em.createNativeQuery("select office_type, referral_deadline_hours, follow_up_days"
                + " from deadline_setting order by office_type").getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new TypeSettings((String) r[0],
                ((Number) r[1]).intValue(), ((Number) r[2]).intValue())).toList();
    }

    /** The district admin sets an office type's defaults (a working-hours deadline and follow-up days). */
    @Transactional
    public TypeSettings changeType(org.trilink.offices.entity.OfficeType type, int referralDeadlineHours,
                                   int followUpDays) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin sets deadlines.");
        }
        if (referralDeadlineHours < 1 || referralDeadlineHours > 720) {
            throw ProblemException.badRequest("referralDeadlineHours", "between 1 and 720 working hours");
        }
        if (followUpDays < 1 || followUpDays > 365) {
            throw ProblemException.badRequest("followUpDays", "between 1 and 365 days");
        }
        int changed = em.createNativeQuery("update deadline_setting set referral_deadline_hours = ?,"
                        + " follow_up_days = ? where office_type = ?")
                .setParameter(1, referralDeadlineHours).setParameter(2, followUpDays).setParameter(3, type.name())
                .executeUpdate();
        if (changed == 0) {
            em.createNativeQuery("insert into deadline_setting (office_type, referral_deadline_hours, follow_up_days)"
                            + " values (?, ?, ?)")
                    .setParameter(1, type.name()).setParameter(2, referralDeadlineHours).setParameter(3, followUpDays)
                    .executeUpdate();
        }
        LOG.info(() -> "Deadlines of office type " + type + " set by " + user.username() + ": referral hours "
                + referralDeadlineHours + ", follow-up days " + followUpDays);
        return new TypeSettings(type.name(), referralDeadlineHours, followUpDays);
    }

    /** A timestamp column as the driver hands it over (H2 and PostgreSQL differ), at UTC. */
    private static OffsetDateTime moment(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("a referral's deadline read as " + value.getClass().getName());
    }
}
