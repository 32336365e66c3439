package org.trilink.cases.control;

import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;

/**
 * Fired synchronously, inside the transaction of the change, for every event appended to a
 * case's history. Integrations (partner callbacks, notifications) observe it and write their
 * outbox rows in the same transaction, so a crash loses none and the core never knows them.
 */
public record CaseEventRecorded(DisputeCase disputeCase, CaseEvent event) {
}
