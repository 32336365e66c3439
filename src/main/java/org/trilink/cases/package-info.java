/**
 * Disputes from intake on: the case with its parties, who handles it, its history, and who
 * may see it. The lifecycle moves (acceptance, referral, mediation, outcome, follow-up) build
 * on the state kept here.
 */
package org.trilink.cases;
