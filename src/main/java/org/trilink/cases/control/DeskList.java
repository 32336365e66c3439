package org.trilink.cases.control;

import java.util.Optional;

/**
 * A list of the desk that its "more" link or count opens in the case list: exactly the cases the
 * desk counted there, under the same rules ({@link OfficeDesk}), within what the caller may see.
 * The parameter of the case list's address is the code ({@code list.xhtml?desk=referrals-overdue}).
 */
public enum DeskList {
    /** Cases with a referral waiting for the office's decision. */
    REFERRALS("referrals"),
    /** Of those, the referrals past their deadline. */
    REFERRALS_OVERDUE("referrals-overdue"),
    /** Of those, the referrals whose deadline falls later today. */
    REFERRALS_DUE_TODAY("referrals-today"),
    /** Concluded cases whose follow-up visit is due within the window (or late) and not made. */
    FOLLOW_UPS("follow-ups"),
    /** Of those, the visits due before today. */
    FOLLOW_UPS_OVERDUE("follow-ups-overdue"),
    /** Of those, the visits due today. */
    FOLLOW_UPS_DUE_TODAY("follow-ups-today"),
    /** The office's open cases. */
    OPEN("open"),
    /** The office's open high-risk cases. */
    HIGH_RISK("high-risk");

    private final String code;

    DeskList(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * A list of cases whose referral waits at the caller's office: the office may open them (as
     * the case page lets an office a referral is addressed to), though it takes no part in them yet.
     */
    public boolean addressedToOffice() {
        return this == REFERRALS || this == REFERRALS_OVERDUE || this == REFERRALS_DUE_TODAY;
    }

    public static Optional<DeskList> byCode(String code) {
        for (DeskList d : values()) {
            if (d.code.equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
