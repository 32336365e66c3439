package org.trilink.cases.boundary;

import static org.trilink.cases.boundary.MoveForms.required;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseDecisions;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.offices.boundary.Places;
import org.trilink.offices.entity.Office;

/**
 * The case page's dialog for the handling office's decisions on the case itself: accept, decline,
 * invite an office to mediate jointly, change the risk level, close. {@link CaseDecisions} makes
 * them, as for the lifecycle API.
 */
@Named("decisionDialog")
@ViewScoped
public class DecisionDialogBacking implements MoveDialog, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<Move> MOVES = Collections.unmodifiableSet(
            EnumSet.of(Move.ACCEPT, Move.DECLINE, Move.CLOSE, Move.INVITE_OFFICE, Move.CHANGE_RISK));

    @Inject
    CaseDecisions decisions;

    @Inject
    CaseAccess access;

    @Inject
    Places places;

    private String caseNumber;
    private String note;
    private String reason;
    private String guidance;
    private String officeCode;
    private RiskLevel risk;

    @Override
    public Set<Move> moves() {
        return MOVES;
    }

    @Override
    public void open(ChosenMove chosen) {
        caseNumber = chosen.caseNumber();
        note = null;
        reason = null;
        guidance = null;
        officeCode = null;
        risk = null;
    }

    @Override
    public void confirm(ChosenMove chosen) {
        String n = chosen.caseNumber();
        long version = chosen.version();
        switch (chosen.move()) {
            case ACCEPT -> decisions.accept(n, version, note);
            case DECLINE -> decisions.decline(n, version, required(reason, "reason"), required(guidance, "guidance"));
            case CLOSE -> decisions.close(n, version, note);
            case INVITE_OFFICE -> decisions.invite(n, version, required(officeCode, "officeCode"), note);
            case CHANGE_RISK -> decisions.changeRisk(n, version, required(risk, "level"), required(reason, "reason"));
            default -> throw new IllegalStateException("No decision form for " + chosen.move());
        }
    }

    /** Offices that may be invited to mediate jointly: active ones not yet taking part. */
    public List<Office> inviteTargets() {
        String handling = access.visible(caseNumber).handlingOfficeCode();
        return places.offices().stream().filter(Office::active).filter(o -> !o.code().equals(handling)).toList();
    }

    public List<RiskLevel> getRiskLevels() {
        return List.of(RiskLevel.values());
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getGuidance() {
        return guidance;
    }

    public void setGuidance(String guidance) {
        this.guidance = guidance;
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public void setOfficeCode(String officeCode) {
        this.officeCode = officeCode;
    }

    public RiskLevel getRisk() {
        return risk;
    }

    public void setRisk(RiskLevel risk) {
        this.risk = risk;
    }
}
