package org.trilink.mediation.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.trilink.cases.boundary.ChosenMove;
import org.trilink.cases.boundary.MoveDialog;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.control.FollowUps;
import org.trilink.mediation.control.OutcomeCommand;
import org.trilink.mediation.entity.FailureGuidance;

/**
 * The case page's dialog for the outcome of mediation: a success with its agreement (form, terms,
 * amount, performance deadline), or a failure with its reason and guidance. {@link FollowUps}
 * records it, as for the mediation API.
 */
@Named("outcomeDialog")
@ViewScoped
public class OutcomeDialogBacking implements MoveDialog, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FollowUps followUps;

    private Outcome result = Outcome.SUCCESS;
    private AgreementForm agreementForm = AgreementForm.WRITTEN;
    private String terms;
    private BigDecimal amount;
    private LocalDate performanceDeadline;
    private FailureGuidance failureGuidance;
    private String reason;

    @Override
    public Set<Move> moves() {
        return Set.of(Move.RECORD_OUTCOME);
    }

    @Override
    public void open(ChosenMove chosen) {
        result = Outcome.SUCCESS;
        agreementForm = AgreementForm.WRITTEN;
        terms = null;
        amount = null;
        performanceDeadline = null;
        failureGuidance = null;
        reason = null;
    }

    @Override
    public void confirm(ChosenMove chosen) {
        if (chosen.move() != Move.RECORD_OUTCOME) {
            throw new IllegalStateException("No outcome form for " + chosen.move());
        }
        followUps.recordOutcome(chosen.caseNumber(), chosen.version(), outcome());
    }

    // what belongs to the other result is dropped, whatever the form still holds
    private OutcomeCommand outcome() {
        boolean success = result == Outcome.SUCCESS;
        return new OutcomeCommand(result, success ? agreementForm : null, success ? terms : null,
                success ? amount : null, success ? performanceDeadline : null, success ? null : reason,
                result == Outcome.FAILURE ? failureGuidance : null, false, false);
    }

    public List<Outcome> getResults() {
        return List.of(Outcome.values());
    }

    public List<AgreementForm> getAgreementForms() {
        return List.of(AgreementForm.values());
    }

    public List<FailureGuidance> getFailureGuidances() {
        return List.of(FailureGuidance.values());
    }

    public Outcome getResult() {
        return result;
    }

    public void setResult(Outcome result) {
        this.result = result;
    }

    public AgreementForm getAgreementForm() {
        return agreementForm;
    }

    public void setAgreementForm(AgreementForm agreementForm) {
        this.agreementForm = agreementForm;
    }

    public String getTerms() {
        return terms;
    }

    public void setTerms(String terms) {
        this.terms = terms;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getPerformanceDeadline() {
        return performanceDeadline;
    }

    public void setPerformanceDeadline(LocalDate performanceDeadline) {
        this.performanceDeadline = performanceDeadline;
    }

    public FailureGuidance getFailureGuidance() {
        return failureGuidance;
    }

    public void setFailureGuidance(FailureGuidance failureGuidance) {
        this.failureGuidance = failureGuidance;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
