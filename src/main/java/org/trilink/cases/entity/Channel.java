package org.trilink.cases.entity;

/** How a dispute reached the system (the partner contract's codes). */
public enum Channel {
    WALK_IN, PHONE, POLICE_110, HOTLINE_12345, COURT_REFERRAL, GRID_SCREENING, ONLINE, CROSS_REGION, LEDGER_IMPORT
}
