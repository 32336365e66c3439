package org.trilink.cases.entity;

/**
 * The names of the events in a case's history ({@code case_event.type}). Partner callbacks,
 * statistics and the portal rely on these exact names, so they never change meaning; a new
 * kind of change gets a new name.
 *
 * <p>Events written by the system (the overdue timer) carry the actor {@code system} and no office.
 */
public enum CaseEventType {
    /** The dispute was registered (登记); detail names channel and type. */
    RECEIVED,
    /** The handling office accepted the case (受理). */
    ACCEPTED,
    /** The handling office declined it (不予受理); detail carries reason and guidance. */
    DECLINED,
    /** A referral to another office (or from a partner) was sent; detail {@code referral=<id> to=<office>}. */
    REFERRED,
    /** The receiving office accepted the referral and now handles the case; before/after are the offices. */
    REFERRAL_ACCEPTED,
    /** The receiving office rejected the referral; the case stays where it was. Detail: the reason. */
    REFERRAL_REJECTED,
    /** The sending office took a pending referral back. */
    REFERRAL_RECALLED,
    /** A pending referral passed its deadline (found by the timer); it stays actionable. */
    REFERRAL_OVERDUE,
    /** Another office joined the case for joint mediation (联合调解); detail: the office. */
    JOINED,
    /** A mediator (people's mediator, lawyer, police officer) was assigned. */
    MEDIATOR_ASSIGNED,
    /** Mediation began (status ACCEPTED to IN_MEDIATION). */
    MEDIATION_STARTED,
    /** A mediation session was scheduled; detail {@code session=<id> at=<time>}. */
    SESSION_SCHEDULED,
    /** A session was moved to another time or place. */
    SESSION_RESCHEDULED,
    /** A session was cancelled, with a reason. */
    SESSION_CANCELLED,
    /** A session took place; its notes are kept on the session, not in the history. */
    SESSION_HELD,
    /** Success (agreement), failure or withdrawal was recorded; after state CONCLUDED, detail the outcome. */
    OUTCOME_RECORDED,
    /** A follow-up visit (回访) was recorded; detail: method and performance. */
    FOLLOW_UP_RECORDED,
    /** A follow-up visit fell due and none was recorded (found by the timer). */
    FOLLOW_UP_OVERDUE,
    /** The risk level was raised or lowered; before/after are the levels, detail the reason. */
    RISK_CHANGED,
    /** The case was closed (结案). */
    CLOSED,
    /** An administrative matter was formally filed (立案). */
    ADMIN_FILED,
    /** An administrative matter was resolved: detail is the resolution (RESOLVED_BEFORE_FILING, MEDIATED, WITHDRAWN, UPHELD, CORRECTED). */
    ADMIN_RESOLVED,
    /** A party's particulars were corrected; detail names the party's position and the fields, never their values. */
    PARTY_CORRECTED
}
