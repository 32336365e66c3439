package org.trilink.mediation.control;

import org.trilink.cases.entity.DisputeCase;

/**
 * Fired, inside the claiming transaction, when a concluded case's follow-up visit falls due with
 * none recorded: once per case, on its due date (or the first check after it). Notifications
 * e-mail the handling office; an observer's outbox row commits or rolls back with the claim.
 */
public record FollowUpFallingDue(DisputeCase disputeCase) {
}
