package org.trilink.mediation.entity;

/** Where the parties were guided after mediation failed: litigation, arbitration or an administrative route. */
public enum FailureGuidance {
    LITIGATION, ARBITRATION, ADMINISTRATIVE
}
