package org.trilink.cases.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;

/** What the lifecycle API answers. */
public final class LifecycleViews {

    private LifecycleViews() {
    }

    /** A case after a move: where it stands, its new version, and what the caller may do next. */
    public record CaseState(String caseNumber, String matterKind, String status, String handlingOfficeCode,
                            String riskLevel, String outcome, String adminResolution, LocalDate followUpDue,
                            OffsetDateTime closedAt, long version, List<String> actions) {
        public static CaseState of(DisputeCase c, List<Move> actions) {
            return new CaseState(c.caseNumber(), c.matterKind().name(), c.status().name(), c.handlingOfficeCode(),
                    c.riskLevel().name(), c.outcome() == null ? null : c.outcome().name(), c.adminResolution(),
                    c.followUpDue(), c.closedAt(), c.version(), actions.stream().map(Move::name).toList());
        }
    }

    public record PendingReferralView(long referralId, String fromOfficeCode, String fromPartner, String toOfficeCode) {
        static PendingReferralView of(CaseAccess.PendingReferral p) {
            return p == null ? null : new PendingReferralView(p.id(), p.fromOfficeCode(), p.fromPartner(), p.toOfficeCode());
        }
    }

    /** The moves the caller may make now (the portal's buttons). */
    public record Actions(String caseNumber, String matterKind, String status, long version, String yourPart,
                          List<String> actions, PendingReferralView pendingReferral) {
    }

    /** The state table of one kind of matter: state to moves. */
    public record MoveTable(String matterKind, Map<String, Set<Move>> states, Map<String, String> whoMayMove) {
    }

    /** A flagged case in an office head's or an office's list. */
    public record Flagged(String caseNumber, String status, String disputeType, String riskLevel,
                          String handlingOfficeCode, OffsetDateTime receivedAt, LocalDate followUpDue, long version) {
        public static Flagged of(DisputeCase c) {
            return new Flagged(c.caseNumber(), c.status().name(), c.disputeType().name(), c.riskLevel().name(),
                    c.handlingOfficeCode(), c.receivedAt(), c.followUpDue(), c.version());
        }
    }
}
