package org.trilink.cases.control;

import java.util.List;

/**
 * Fired synchronously, inside the transaction, by the writer of changes entered after the fact
 * (补录: the ledger import and the API's past cases) once it has stored a batch of cases, e.g. a
 * chunk of a ledger's rows. Listeners that keep summaries of a case's facts (statistics' link
 * facts) do not keep them per backfilled change but here, once for the whole batch, set-based:
 * per change it was a flush and a statement for every referral and follow-up visit of every row.
 * The writer fires it for every case it has backfilled, before its transaction ends.
 */
public record CasesBackfilled(List<Long> caseIds) {

    public CasesBackfilled {
        caseIds = List.copyOf(caseIds);
    }
}
