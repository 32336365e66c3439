package org.trilink.cases.control;

import java.util.List;

/**
 * What the cases feature needs to know of a case's mediation: its sessions and follow-up visits
 * for the case page, and whether a visit was made (an agreement is closed only after one). The
 * mediation feature builds on this one, so it answers through this interface
 * (mediation.control.MediationOfCases) and cases never reads its tables.
 */
public interface CaseMediation {

    List<CaseRecords.SessionRow> sessions(long caseId);

    /** The follow-up visits in the order they were made. */
    List<CaseRecords.FollowUpRow> visits(long caseId);

    long visitCount(long caseId);
}
