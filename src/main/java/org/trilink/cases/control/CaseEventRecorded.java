package org.trilink.cases.control;

import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;

/**
 * Fired synchronously, inside the transaction of the change, for every typed change appended to
 * a case's history. Integrations (partner callbacks, notifications) observe it and write their
 * outbox rows in the same transaction, so a crash loses none and the core never knows them.
 */
public record CaseEventRecorded(DisputeCase disputeCase, CaseEvent event) {

    /** What changed. */
    public CaseChange change() {
        return event.change();
    }

    /**
     * Entered after the fact (补录): listeners with outside effects (messages, callbacks,
     * referrals to partners, timers) do nothing for it.
     */
    public boolean backfilled() {
        return event.backfilled();
    }
}
