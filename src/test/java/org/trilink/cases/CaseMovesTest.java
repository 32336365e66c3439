package org.trilink.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.CaseMoves;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Move;

class CaseMovesTest {

    private static final MatterKind PM = MatterKind.PEOPLES_MEDIATION;
    private static final MatterKind AD = MatterKind.ADMINISTRATIVE;

    @Test
    void aReceivedDisputeIsAcceptedDeclinedReferredOrJoinedButNotMediatedYet() {
        assertThat(CaseMoves.allowed(PM, CaseStatus.RECEIVED, false)).containsExactlyInAnyOrder(
                Move.ACCEPT, Move.DECLINE, Move.REFER, Move.INVITE_OFFICE, Move.CHANGE_RISK, Move.CORRECT_PARTY);
        assertThat(CaseMoves.allows(PM, CaseStatus.RECEIVED, false, Move.SCHEDULE_SESSION)).isFalse();
        assertThat(CaseMoves.allows(PM, CaseStatus.RECEIVED, false, Move.RECORD_OUTCOME)).isFalse();
    }

    @Test
    void sessionsAndOutcomeBelongToMediationFollowUpsAndClosureToTheConcludedCase() {
        assertThat(CaseMoves.allowed(PM, CaseStatus.IN_MEDIATION, false)).contains(Move.SCHEDULE_SESSION,
                Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION, Move.RECORD_SESSION, Move.RECORD_OUTCOME, Move.REFER)
                .doesNotContain(Move.ACCEPT, Move.CLOSE, Move.RECORD_FOLLOW_UP);
        assertThat(CaseMoves.allowed(PM, CaseStatus.CONCLUDED, false)).containsExactlyInAnyOrder(
                Move.RECORD_FOLLOW_UP, Move.CLOSE, Move.CHANGE_RISK, Move.CORRECT_PARTY);
        assertThat(CaseMoves.allows(PM, CaseStatus.CONCLUDED, false, Move.REFER))
                .as("no referral after an outcome").isFalse();
    }

    @Test
    void declinedAndClosedCasesAllowNothing() {
        assertThat(CaseMoves.allowed(PM, CaseStatus.DECLINED, false)).isEmpty();
        assertThat(CaseMoves.allowed(PM, CaseStatus.CLOSED, false)).as("a closed case's particulars are as filed")
                .isEmpty();
        assertThat(CaseMoves.allowed(AD, CaseStatus.CLOSED, false)).isEmpty();
    }

    @Test
    void aPendingReferralPausesTheSettlingMovesAndOpensItsOwn() {
        assertThat(CaseMoves.allowed(PM, CaseStatus.RECEIVED, true)).containsExactlyInAnyOrder(
                Move.INVITE_OFFICE, Move.CHANGE_RISK, Move.CORRECT_PARTY, Move.ACCEPT_REFERRAL, Move.REJECT_REFERRAL,
                Move.RECALL_REFERRAL);
        assertThat(CaseMoves.allowed(PM, CaseStatus.IN_MEDIATION, true)).contains(Move.SCHEDULE_SESSION)
                .doesNotContain(Move.REFER, Move.RECORD_OUTCOME);
        assertThat(CaseMoves.allowed(PM, CaseStatus.RECEIVED, false)).doesNotContain(Move.ACCEPT_REFERRAL);
    }

    @Test
    void administrativeMattersFollowTheirOwnPath() {
        assertThat(CaseMoves.allowed(AD, CaseStatus.RECEIVED, false)).contains(Move.FILE, Move.RESOLVE_BEFORE_FILING)
                .doesNotContain(Move.ACCEPT, Move.DECIDE, Move.SCHEDULE_SESSION);
        assertThat(CaseMoves.allowed(AD, CaseStatus.FILED, false)).contains(Move.DECIDE)
                .doesNotContain(Move.FILE, Move.RESOLVE_BEFORE_FILING, Move.CLOSE);
        assertThat(CaseMoves.allowed(AD, CaseStatus.RESOLVED, false)).containsExactly(Move.CLOSE);
        assertThat(CaseMoves.allowed(PM, CaseStatus.FILED, false)).as("not a people's mediation state").isEmpty();
    }

    @Test
    void everyStateOfBothKindsHasARowAndEveryMoveAnOwner() {
        for (CaseStatus s : new CaseStatus[] {CaseStatus.RECEIVED, CaseStatus.ACCEPTED, CaseStatus.DECLINED,
                CaseStatus.IN_MEDIATION, CaseStatus.CONCLUDED, CaseStatus.CLOSED}) {
            assertThat(CaseMoves.table(PM)).containsKey(s);
        }
        for (CaseStatus s : new CaseStatus[] {CaseStatus.RECEIVED, CaseStatus.FILED, CaseStatus.RESOLVED,
                CaseStatus.CLOSED}) {
            assertThat(CaseMoves.table(AD)).containsKey(s);
        }
        for (Move m : Move.values()) {
            assertThat(m.who()).isNotNull();
        }
        assertThat(Move.CLOSE.who()).isEqualTo(Move.Who.HANDLING);
        assertThat(Move.RECORD_SESSION.who()).isEqualTo(Move.Who.PARTICIPANT);
        assertThat(Move.ACCEPT_REFERRAL.who()).isEqualTo(Move.Who.RECEIVING);
        assertThat(Move.RECALL_REFERRAL.who()).isEqualTo(Move.Who.SENDING);
    }
}
