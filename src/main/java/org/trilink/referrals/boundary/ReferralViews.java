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

    /**
     * An office's inbox: {@code pending} is page {@code page} of {@code size}, the other lists
     * their first 200; each {@code ...Total} says how many there are in all.
     */
    public record InboxView(String officeCode, String q, int page, int size,
                            List<ReferralView> pending, long pendingTotal,
                            List<ReferralView> overdue, long overdueTotal,
                            List<ReferralView> sent, long sentTotal,
                            List<ReferralView> recentlyDecided, long recentlyDecidedTotal) {
    }

    public record CheckResult(OffsetDateTime asOf, int flagged) {
    }
}
