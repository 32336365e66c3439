package org.trilink.cases.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the cases feature needs to know of a case's referrals: whether one waits for a decision
 * (who may move the case, who may see it), the list on the case page, and the referrals waiting
 * at an office for its desk. The referrals feature builds on this one, so it answers through this
 * interface (referrals.control.ReferralsOfCases) and cases never reads the referral table.
 */
public interface CaseReferrals {

    /** The referral of the case waiting for the receiving office's decision (there is at most one). */
    Optional<CaseAccess.PendingReferral> pending(long caseId);

    /** The case's referrals in the order they were sent. */
    List<CaseRecords.ReferralRow> of(long caseId);

    /** A referral waiting at an office: its case, deadline, whether it is late, and where it came from. */
    record Waiting(long caseId, OffsetDateTime deadline, boolean overdue, String fromOfficeCode) {
    }

    /** How many referrals wait at the office (at every office for null). */
    long countWaiting(String toOfficeCode);

    /** Referrals waiting at an office: all, past their deadline, and due before the end of today. */
    record WaitingCounts(long waiting, long overdue, long dueToday) {
    }

    /** How many referrals wait at the office (every office for null), how many are late and how many fall due today. */
    WaitingCounts countWaiting(String toOfficeCode, OffsetDateTime now, OffsetDateTime endOfToday);

    /**
     * The cases of the referrals waiting at an office (every office for null), as
     * {@link #countWaiting(String, OffsetDateTime, OffsetDateTime)} counts them: all for a null
     * state, the late for OVERDUE, those due before the end of today for TODAY.
     */
    List<Long> waitingCaseIds(String toOfficeCode, OffsetDateTime now, OffsetDateTime endOfToday, Due.State which);

    /** The first {@code max} referrals waiting at the office (every office for null): overdue first, then by deadline. */
    List<Waiting> waiting(String toOfficeCode, OffsetDateTime now, int max);
}
