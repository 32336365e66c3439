/**
 * The papers a case produces: the people's mediation agreement, referral letters, follow-up
 * records and the case file cover with its index, generated as PDF from the case data, stored
 * version by version with their hashes, and the signed copies scanned back in.
 */
package org.trilink.documents;
