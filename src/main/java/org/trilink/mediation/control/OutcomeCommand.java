package org.trilink.mediation.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.entity.FailureGuidance;

/**
 * How mediation ended. SUCCESS needs the agreement's form and terms (amount and performance
 * deadline when there are any); FAILURE needs a reason and the guidance given; WITHDRAWN may
 * carry a reason.
 */
public record OutcomeCommand(Outcome result, AgreementForm agreementForm, String terms, BigDecimal amount,
                             LocalDate performanceDeadline, String reason, FailureGuidance guidance,
                             boolean criminalCaseAverted, boolean massPetitionAverted) {
}
