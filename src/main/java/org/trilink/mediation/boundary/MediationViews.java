package org.trilink.mediation.boundary;

import java.time.OffsetDateTime;
import org.trilink.mediation.entity.FollowUpVisit;
import org.trilink.mediation.entity.MediationSession;

/** What the mediation API answers. */
public final class MediationViews {

    private MediationViews() {
    }

    public record SessionView(long id, String caseNumber, long caseVersion, OffsetDateTime scheduledAt, String place,
                              String participants, String status, String notes, String attendance,
                              OffsetDateTime heldAt) {
        static SessionView of(MediationSession s, String caseNumber, long caseVersion) {
            return new SessionView(s.id(), caseNumber, caseVersion, s.scheduledAt(), s.place(), s.participants(),
                    s.status().name(), s.notes(), s.attendance(), s.heldAt());
        }
    }

    public record FollowUpView(long id, String caseNumber, long caseVersion, OffsetDateTime visitedAt, String method,
                               String performance, int satisfaction, String notes, String recordedBy,
                               String officeCode) {
        static FollowUpView of(FollowUpVisit v, String caseNumber, long caseVersion) {
            return new FollowUpView(v.id(), caseNumber, caseVersion, v.visitedAt(), v.method().name(),
                    v.performance().name(), v.satisfaction(), v.notes(), v.recordedBy(), v.officeCode());
        }
    }
}
