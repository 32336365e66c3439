package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.trilink.cases.entity.DisputeCase;

/**
 * Reads what happened around one case (its sessions, referrals and follow-up visits) for the
 * case page. The caller has already passed {@link CaseAccess#visible(String)}.
 */
@ApplicationScoped
public class CaseRecords {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    public record SessionRow(long id, OffsetDateTime scheduledAt, String place, String participants, String status,
                             OffsetDateTime heldAt, String notes, String attendance) {
    }

    public record ReferralRow(long id, String fromOfficeCode, String fromPartner, String toOfficeCode,
                              String reason, String status, OffsetDateTime sentAt, String sentBy,
                              OffsetDateTime deadline, boolean overdue, OffsetDateTime decidedAt,
                              String rejectionReason) {
    }

    public record FollowUpRow(long id, OffsetDateTime visitedAt, String method, String performance, int satisfaction,
                              String notes, String recordedBy, String officeCode) {
    }

    public List<SessionRow> sessions(DisputeCase c) {
        List<?> rows = em.createNativeQuery("select id, scheduled_at, place, participants, status, held_at, notes,"
                        + " attendance from mediation_session where case_id = ? order by scheduled_at, id")
                .setParameter(1, c.id()).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new SessionRow(number(r[0]), time(r[1]),
                (String) r[2], (String) r[3], (String) r[4], time(r[5]), (String) r[6], (String) r[7])).toList();
    }

    public List<ReferralRow> referrals(DisputeCase c) {
        List<?> rows = em.createNativeQuery("select id, from_office_code, from_partner, to_office_code, reason,"
                        + " status, sent_at, sent_by, deadline, overdue, decided_at, rejection_reason"
                        + " from referral where case_id = ? order by sent_at, id")
                .setParameter(1, c.id()).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new ReferralRow(number(r[0]), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], time(r[6]), (String) r[7], time(r[8]),
                Boolean.TRUE.equals(r[9]), time(r[10]), (String) r[11])).toList();
    }

    public List<FollowUpRow> followUps(DisputeCase c) {
        List<?> rows = em.createNativeQuery("select id, visited_at, method, performance, satisfaction, notes,"
                        + " recorded_by, office_code from follow_up_visit where case_id = ? order by visited_at, id")
                .setParameter(1, c.id()).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new FollowUpRow(number(r[0]), time(r[1]),
                (String) r[2], (String) r[3], (int) number(r[4]), (String) r[5], (String) r[6], (String) r[7]))
                .toList();
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** JDBC drivers answer timestamptz differently (H2: OffsetDateTime, PostgreSQL: Timestamp). */
    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }

    static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date value " + value.getClass());
    }
}
