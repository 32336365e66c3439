package org.trilink.cases.entity;

/** Risk of escalation, e.g. of a civil dispute turning into a criminal case (民转刑). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
