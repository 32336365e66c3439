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
import org.trilink.cases.entity.Averted;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.control.FollowUps;
import org.trilink.mediation.control.OutcomeCommand;
import org.trilink.mediation.entity.FailureGuidance;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * The case page's dialog for the outcome of mediation: a success with its agreement (form, terms,
 * amount, performance deadline), or a failure with its reason and guidance, and the escalations
 * it was kept from with their people. {@link FollowUps} records it, as for the mediation API; the
 * dialog also asks for the people of a ticked flag, as the report form does (the API leaves them
 * optional for older clients).
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
    private boolean criminalCaseAverted;
    private Integer criminalCaseAvertedPeople;
    private boolean massPetitionAverted;
    private Integer massPetitionAvertedPeople;

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
        criminalCaseAverted = false;
        criminalCaseAvertedPeople = null;
        massPetitionAverted = false;
        massPetitionAvertedPeople = null;
    }

    @Override
    public void confirm(ChosenMove chosen) {
        if (chosen.move() != Move.RECORD_OUTCOME) {
            throw new IllegalStateException("No outcome form for " + chosen.move());
        }
        List<Problem.FieldError> missing = new java.util.ArrayList<>();
        if (criminalCaseAverted && criminalCaseAvertedPeople == null) {
            missing.add(new Problem.FieldError(Averted.CRIMINAL_CASE_PEOPLE, "required when the flag is ticked"));
        }
        if (massPetitionAverted && massPetitionAvertedPeople == null) {
            missing.add(new Problem.FieldError(Averted.MASS_PETITION_PEOPLE, "required when the flag is ticked"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The outcome is incomplete.").withErrors(missing));
        }
        followUps.recordOutcome(chosen.caseNumber(), chosen.version(), outcome());
    }

    // what belongs to the other result is dropped, whatever the form still holds
    private OutcomeCommand outcome() {
        boolean success = result == Outcome.SUCCESS;
        return new OutcomeCommand(result, success ? agreementForm : null, success ? terms : null,
                success ? amount : null, success ? performanceDeadline : null, success ? null : reason,
                result == Outcome.FAILURE ? failureGuidance : null, new Averted(criminalCaseAverted,
                criminalCaseAvertedPeople, massPetitionAverted, massPetitionAvertedPeople));
    }

    /** Whether the form asks for an agreement (a success) rather than a reason. */
    public boolean isSuccess() {
        return result == Outcome.SUCCESS;
    }

    /** Whether the form asks for the guidance given, which only a failure has. */
    public boolean isFailure() {
        return result == Outcome.FAILURE;
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

    public boolean isCriminalCaseAverted() {
        return criminalCaseAverted;
    }

    public void setCriminalCaseAverted(boolean criminalCaseAverted) {
        this.criminalCaseAverted = criminalCaseAverted;
    }

    public Integer getCriminalCaseAvertedPeople() {
        return criminalCaseAvertedPeople;
    }

    public void setCriminalCaseAvertedPeople(Integer criminalCaseAvertedPeople) {
        this.criminalCaseAvertedPeople = criminalCaseAvertedPeople;
    }

    public boolean isMassPetitionAverted() {
        return massPetitionAverted;
    }

    public void setMassPetitionAverted(boolean massPetitionAverted) {
        this.massPetitionAverted = massPetitionAverted;
    }

    public Integer getMassPetitionAvertedPeople() {
        return massPetitionAvertedPeople;
    }

    public void setMassPetitionAvertedPeople(Integer massPetitionAvertedPeople) {
        this.massPetitionAvertedPeople = massPetitionAvertedPeople;
    }
}
