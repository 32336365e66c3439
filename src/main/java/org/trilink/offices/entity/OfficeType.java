package org.trilink.offices.entity;

/** The kinds of office that find, mediate, refer or receive disputes. */
public enum OfficeType {
    POLICE_STATION,
    JUDICIAL_OFFICE,
    LAW_FIRM,
    MEDIATION_COMMITTEE,
    COURT,
    HOTLINE,
    PARTNER_AGENCY
}
