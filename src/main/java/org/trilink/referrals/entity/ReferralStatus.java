package org.trilink.referrals.entity;

/** Where a referral stands. Only a PENDING one can be decided; being overdue is a flag, not a status. */
public enum ReferralStatus {
    PENDING, ACCEPTED, REJECTED, RECALLED
}
