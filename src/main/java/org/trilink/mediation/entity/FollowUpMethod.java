package org.trilink.mediation.entity;

/** How a follow-up was made: a visit, a phone call, online. */
public enum FollowUpMethod {
    VISIT, PHONE, ONLINE
}
