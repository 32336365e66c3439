package org.trilink.partners.control;

/** What a partner is told about a referral it sent: 202 the first time, 200 when it repeats itself. */
public record IntakeAnswer(int status, String referralId, String caseNumber, String body) {
}
