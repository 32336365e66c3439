package org.trilink.mediation.entity;

/** Where a mediation session stands; only a SCHEDULED one can be moved, cancelled or recorded. */
public enum SessionStatus {
    SCHEDULED, HELD, CANCELLED
}
