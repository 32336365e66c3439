package org.trilink.cases.entity;

/** Applicant (申请人) or respondent (被申请人). */
public enum PartyRole {
    APPLICANT, RESPONDENT
}
