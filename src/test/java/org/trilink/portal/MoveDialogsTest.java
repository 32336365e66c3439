package org.trilink.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilink.cases.boundary.DecisionDialogBacking;
import org.trilink.cases.boundary.MoveDialog;
import org.trilink.cases.entity.Move;
import org.trilink.mediation.boundary.FollowUpDialogBacking;
import org.trilink.mediation.boundary.MediatorDialogBacking;
import org.trilink.mediation.boundary.OutcomeDialogBacking;
import org.trilink.mediation.boundary.SessionDialogBacking;
import org.trilink.referrals.boundary.ReferralDialogBacking;

/**
 * The case page offers a move only when a dialog has a form for it, and opens the one dialog that
 * has: every move the page offered before the dialogs were split has exactly one dialog.
 */
class MoveDialogsTest {

    static final Set<Move> OFFERED = EnumSet.of(Move.ACCEPT_REFERRAL, Move.REJECT_REFERRAL, Move.RECALL_REFERRAL,
            Move.ACCEPT, Move.DECLINE, Move.REFER, Move.START_MEDIATION, Move.SCHEDULE_SESSION, Move.RECORD_SESSION,
            Move.CANCEL_SESSION, Move.RECORD_OUTCOME, Move.RECORD_FOLLOW_UP, Move.CLOSE,
            Move.ASSIGN_MEDIATOR, Move.INVITE_OFFICE, Move.CHANGE_RISK, Move.RESCHEDULE_SESSION);

    @Test
    void everyOfferedMoveHasExactlyOneDialog() {
        List<MoveDialog> dialogs = List.of(new DecisionDialogBacking(), new ReferralDialogBacking(),
                new MediatorDialogBacking(), new SessionDialogBacking(), new OutcomeDialogBacking(),
                new FollowUpDialogBacking());
        Set<Move> covered = EnumSet.noneOf(Move.class);
        for (MoveDialog d : dialogs) {
            for (Move m : d.moves()) {
                assertThat(covered.add(m)).as("%s has a second dialog", m).isTrue();
            }
        }
        assertThat(covered).isEqualTo(OFFERED);
    }

    @Test
    void theOutcomeDialogAsksForThePeopleOfATickedEscalation() {
        OutcomeDialogBacking dialog = new OutcomeDialogBacking();
        dialog.open(null);
        dialog.setCriminalCaseAverted(true);
        dialog.setMassPetitionAverted(true);
        dialog.setMassPetitionAvertedPeople(12);
        // refused before anything is recorded (the dialog has no FollowUps here to record with)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dialog.confirm(
                        new org.trilink.cases.boundary.ChosenMove(Move.RECORD_OUTCOME, "TL2026-000001", 3)))
                .isInstanceOfSatisfying(org.trilink.platform.problem.ProblemException.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(400);
                    assertThat(refused.problem().errors()).extracting(e -> e.field())
                            .containsExactly("criminalCaseAvertedPeople");
                });
        // a new dialog starts with neither ticked
        dialog.open(null);
        assertThat(dialog.isCriminalCaseAverted()).isFalse();
        assertThat(dialog.getMassPetitionAvertedPeople()).isNull();
    }
}
