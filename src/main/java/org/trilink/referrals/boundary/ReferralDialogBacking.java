package org.trilink.referrals.boundary;

import static org.trilink.cases.boundary.MoveForms.required;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trilink.cases.boundary.ChosenMove;
import org.trilink.cases.boundary.MoveDialog;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.entity.Move;
import org.trilink.offices.boundary.Places;
import org.trilink.offices.entity.Office;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.referrals.control.Referrals;

/**
 * The case page's dialog for referrals: refer the case to another office, and, for the referral
 * now pending, accept, reject or recall it. {@link Referrals} makes the moves, as for the
 * referrals API.
 */
@Named("referralDialog")
@ViewScoped
public class ReferralDialogBacking implements MoveDialog, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<Move> MOVES = Collections.unmodifiableSet(EnumSet.of(Move.REFER,
            Move.ACCEPT_REFERRAL, Move.REJECT_REFERRAL, Move.RECALL_REFERRAL));

    @Inject
    Referrals referrals;

    @Inject
    CaseAccess access;

    @Inject
    Places places;

    private String caseNumber;
    private String officeCode;
    private String reason;

    @Override
    public Set<Move> moves() {
        return MOVES;
    }

    @Override
    public void open(ChosenMove chosen) {
        caseNumber = chosen.caseNumber();
        officeCode = null;
        reason = null;
    }

    @Override
    public void confirm(ChosenMove chosen) {
        long version = chosen.version();
        switch (chosen.move()) {
            case REFER -> referrals.refer(chosen.caseNumber(), version, required(officeCode, "officeCode"),
                    required(reason, "reason"), null);
            case ACCEPT_REFERRAL -> referrals.acceptTakingOn(pending(chosen).id(), version);
            case REJECT_REFERRAL -> referrals.reject(pending(chosen).id(), version, required(reason, "reason"));
            case RECALL_REFERRAL -> referrals.recall(pending(chosen).id(), version, reason);
            default -> throw new IllegalStateException("No referral form for " + chosen.move());
        }
    }

    private CaseAccess.PendingReferral pending(ChosenMove chosen) {
        return access.pendingReferral(access.visible(chosen.caseNumber())).orElseThrow(() -> new ProblemException(
                Problem.of(409, "Conflict", "No referral of this case is pending any more.")));
    }

    /** Offices a case may be referred to: active ones, except the one handling it. */
    public List<Office> referralTargets() {
        String handling = access.visible(caseNumber).handlingOfficeCode();
        return places.offices().stream().filter(Office::active).filter(o -> !o.code().equals(handling)).toList();
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public void setOfficeCode(String officeCode) {
        this.officeCode = officeCode;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
