package org.trilink.cases.entity;

/**
 * What someone can do to a case. Which moves a state allows is in {@link CaseMoves}; who may
 * make a move is {@link #who}: the handling office only, any office taking part, or the office
 * on either end of a pending referral.
 */
public enum Move {
    ACCEPT(Who.HANDLING),
    DECLINE(Who.HANDLING),
    REFER(Who.HANDLING),
    INVITE_OFFICE(Who.HANDLING),
    CHANGE_RISK(Who.PARTICIPANT),
    ASSIGN_MEDIATOR(Who.HANDLING),
    START_MEDIATION(Who.HANDLING),
    SCHEDULE_SESSION(Who.PARTICIPANT),
    RESCHEDULE_SESSION(Who.PARTICIPANT),
    CANCEL_SESSION(Who.PARTICIPANT),
    RECORD_SESSION(Who.PARTICIPANT),
    RECORD_OUTCOME(Who.HANDLING),
    RECORD_FOLLOW_UP(Who.PARTICIPANT),
    CLOSE(Who.HANDLING),
    FILE(Who.HANDLING),
    RESOLVE_BEFORE_FILING(Who.HANDLING),
    DECIDE(Who.HANDLING),
    ACCEPT_REFERRAL(Who.RECEIVING),
    REJECT_REFERRAL(Who.RECEIVING),
    RECALL_REFERRAL(Who.SENDING),
    CORRECT_PARTY(Who.HANDLING);

    /** Whose move it is. */
    public enum Who {
        /** staff of the office handling the case */
        HANDLING,
        /** staff of the handling office or of an office jointly mediating */
        PARTICIPANT,
        /** staff of the office a pending referral is addressed to */
        RECEIVING,
        /** staff of the office that sent the pending referral */
        SENDING
    }

    private final Who who;

    Move(Who who) {
        this.who = who;
    }

    public Who who() {
        return who;
    }
}
