package org.trilink.platform.security;

/**
 * What a staff account may do. Which office a staff member works for decides which cases
 * they see; the role decides which kind of work.
 */
public enum Role {
    /** District administrator: sees every case, manages offices, staff and partners. */
    ADMIN,
    /** Office staff: mediators, police officers, lawyers working cases of their office. */
    STAFF,
    /** Head of an office: staff, plus the office's high-risk flags. */
    OFFICE_HEAD,
    /** Report drafter: statistics only, no case data beyond masked drill-down lists. */
    DRAFTER,
    /** A monitoring account: reads /metrics, nothing else of use (no office, no cases). */
    METRICS
}
