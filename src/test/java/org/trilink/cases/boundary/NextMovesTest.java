package org.trilink.cases.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.Move;

class NextMovesTest {

    private static final NextMoves.Progress NOTHING_YET = new NextMoves.Progress(false, false, false);

    @Test
    void aNewCaseWaitsForAcceptanceAndTheOtherMovesAreSecondary() {
        NextMoves.Offer offer = NextMoves.of(List.of(Move.ACCEPT, Move.DECLINE, Move.REFER, Move.INVITE_OFFICE,
                Move.CHANGE_RISK), NOTHING_YET);
        assertThat(offer.primary()).isEqualTo(Move.ACCEPT);
        assertThat(offer.moves()).containsExactly(Move.ACCEPT, Move.DECLINE, Move.REFER, Move.INVITE_OFFICE,
                Move.CHANGE_RISK);
    }

    @Test
    void aPendingReferralIsAcceptedFirst() {
        NextMoves.Offer offer = NextMoves.of(List.of(Move.ACCEPT_REFERRAL, Move.REJECT_REFERRAL), NOTHING_YET);
        assertThat(offer.primary()).isEqualTo(Move.ACCEPT_REFERRAL);
    }

    @Test
    void withoutASessionNoneCanBeAdjustedCancelledOrRecordedAndSchedulingIsNext() {
        List<Move> inMediation = List.of(Move.CHANGE_RISK, Move.ASSIGN_MEDIATOR, Move.SCHEDULE_SESSION,
                Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION, Move.RECORD_SESSION, Move.RECORD_OUTCOME);
        NextMoves.Offer offer = NextMoves.of(inMediation, NOTHING_YET);
        assertThat(offer.moves()).doesNotContain(Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION, Move.RECORD_SESSION);
        assertThat(offer.primary()).isEqualTo(Move.SCHEDULE_SESSION);
        assertThat(offer.moves().get(0)).isEqualTo(Move.SCHEDULE_SESSION);
    }

    @Test
    void aScheduledSessionIsRecordedNextAndMayBeMovedOrCancelled() {
        List<Move> inMediation = List.of(Move.SCHEDULE_SESSION, Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION,
                Move.RECORD_SESSION, Move.RECORD_OUTCOME);
        NextMoves.Offer offer = NextMoves.of(inMediation, new NextMoves.Progress(true, false, false));
        assertThat(offer.primary()).isEqualTo(Move.RECORD_SESSION);
        assertThat(offer.moves()).contains(Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION);
    }

    @Test
    void afterAHeldSessionTheOutcomeIsNext() {
        List<Move> inMediation = List.of(Move.SCHEDULE_SESSION, Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION,
                Move.RECORD_SESSION, Move.RECORD_OUTCOME);
        NextMoves.Offer offer = NextMoves.of(inMediation, new NextMoves.Progress(false, true, false));
        assertThat(offer.primary()).isEqualTo(Move.RECORD_OUTCOME);
        assertThat(offer.moves()).containsExactly(Move.RECORD_OUTCOME, Move.SCHEDULE_SESSION);
    }

    @Test
    void aConcludedCaseIsVisitedThenClosed() {
        List<Move> concluded = List.of(Move.RECORD_FOLLOW_UP, Move.CLOSE);
        assertThat(NextMoves.of(concluded, NOTHING_YET).primary()).isEqualTo(Move.RECORD_FOLLOW_UP);
        assertThat(NextMoves.of(concluded, new NextMoves.Progress(false, true, true)).primary()).isEqualTo(Move.CLOSE);
    }

    @Test
    void withNothingToDoThereIsNoPrimary() {
        assertThat(NextMoves.of(List.of(), NOTHING_YET).primary()).isNull();
        assertThat(NextMoves.of(List.of(Move.CHANGE_RISK), NOTHING_YET).primary()).isNull();
    }
}
