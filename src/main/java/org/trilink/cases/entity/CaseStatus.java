package org.trilink.cases.entity;

/**
 * Where a case stands. People's mediation: RECEIVED, then ACCEPTED or DECLINED, IN_MEDIATION,
 * CONCLUDED (an outcome is recorded; follow-up visits follow), CLOSED. Administrative matters:
 * RECEIVED, then RESOLVED (before filing) or FILED, then RESOLVED (mediated, withdrawn, upheld
 * or corrected), CLOSED.
 */
public enum CaseStatus {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    IN_MEDIATION,
    CONCLUDED,
    FILED,
    RESOLVED,
    CLOSED;

    /** Open cases still need somebody's work. */
    public boolean open() {
        return this != DECLINED && this != CLOSED;
    }
}
