/**
 * The Chinese working calendar: the official holidays and make-up working days (调休) of the
 * State Council's yearly notices, shipped for 2023 to 2026 and kept by the district admin for
 * later years; and working time counted by it, for every deadline of every feature (referral
 * acceptance, partners' referrals). Depends on the platform only; features ask it.
 */
package org.trilink.calendar;
