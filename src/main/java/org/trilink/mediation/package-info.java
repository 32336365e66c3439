/**
 * Mediation (调解) and what follows it: mediators assigned (people's mediator, lawyer, police
 * officer), sessions scheduled, moved, cancelled and held, the outcome (agreement written or
 * oral, failure with guidance, withdrawal), and follow-up visits (回访) with the timer that
 * finds missed ones. Every move passes the cases feature's lifecycle gate.
 */
package org.trilink.mediation;
