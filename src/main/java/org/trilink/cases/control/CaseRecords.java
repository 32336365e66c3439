package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.trilink.cases.entity.DisputeCase;

/**
 * What happened around one case (its sessions, referrals and follow-up visits) for the case page,
 * as the features that keep them answer ({@link CaseReferrals}, {@link CaseMediation}). The caller
 * has already passed {@link CaseAccess#visible(String)}.
 */
@ApplicationScoped
public class CaseRecords {

    @Inject
    CaseReferrals referrals;

    @Inject
    CaseMediation mediation;

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
        return mediation.sessions(c.id());
    }

    public List<ReferralRow> referrals(DisputeCase c) {
        return referrals.of(c.id());
    }

    public List<FollowUpRow> followUps(DisputeCase c) {
        return mediation.visits(c.id());
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
