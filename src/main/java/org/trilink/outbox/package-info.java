/**
 * The outbox ({@code partner_outbox}): messages to partners and to people, written in the
 * transaction of the change they tell of, once per event id, and delivered later by partners'
 * delivery route (signed, retried, dead-lettered). Partners and notifications write here; neither
 * reads the other's tables for it.
 */
package org.trilink.outbox;
