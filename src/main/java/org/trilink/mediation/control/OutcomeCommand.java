package org.trilink.mediation.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Averted;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.entity.FailureGuidance;

/**
 * How mediation ended. SUCCESS needs the agreement's form and terms (amount and performance
 * deadline when there are any); FAILURE needs a reason and the guidance given; WITHDRAWN may
 * carry a reason. Any of them may have averted escalations, each with its people or not (the
 * portal asks for them; the API accepts a flag alone, as before the counts existed).
 */
public record OutcomeCommand(Outcome result, AgreementForm agreementForm, String terms, BigDecimal amount,
                             LocalDate performanceDeadline, String reason, FailureGuidance guidance,
                             Averted averted) {
}
