package org.trilink.referrals.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.referrals.entity.Referral;

/** What the referral API answers. */
public final class ReferralViews {

    private ReferralViews() {
    }

    /** A referral; {@code caseVersion} is what to send in If-Match to decide on it. */
    public record ReferralView(long id, String caseNumber, long caseVersion, String fromOfficeCode, String fromPartner,
                               String toOfficeCode, String reason, String status, OffsetDateTime sentAt, String sentBy,
                               OffsetDateTime deadline, boolean overdue, OffsetDateTime overdueAt,
                               OffsetDateTime decidedAt, String decidedBy, String rejectionReason) {
        static ReferralView of(Referral r, String caseNumber, long caseVersion) {
            return new ReferralView(r.id(), caseNumber, caseVersion, r.fromOfficeCode(), r.fromPartner(),
                    r.toOfficeCode(), r.reason(), r.status().name(), r.sentAt(), r.sentBy(), r.deadline(),
                    r.overdue(), r.overdueAt(), r.decidedAt(), r.decidedBy(), r.rejectionReason());
        }
    }

    public record InboxView(String officeCode, List<ReferralView> pending, List<ReferralView> overdue,
                            List<ReferralView> sent, List<ReferralView> recentlyDecided) {
    }

    public record CheckResult(OffsetDateTime asOf, int flagged) {
    }
}
