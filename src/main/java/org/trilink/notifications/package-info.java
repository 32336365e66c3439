/**
 * Notifying people: office staff by e-mail (a referral arrived, a referral turned overdue, a
 * follow-up visit fell due) and parties by SMS (their case accepted, its outcome). Messages are
 * written into the partner outbox (kind EMAIL / SMS) in the transaction of the change and
 * delivered by the same Camel route, with the same retry and dead-letter rules.
 */
package org.trilink.notifications;
