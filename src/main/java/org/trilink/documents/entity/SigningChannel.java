package org.trilink.documents.entity;

/** How a party signed the agreement electronically. */
public enum SigningChannel {
    /** On a tablet at the office, handed over by staff (the staff account is recorded). */
    OFFICE_TABLET,
    /** On the public sign page, after an SMS code (the party's own door, issue 24). */
    ONLINE
}
