/**
 * Hand-offs between offices (转介/移交/委派): a referral is sent with a reason and a deadline,
 * then accepted (the receiving office handles the case), rejected (it stays where it was) or
 * recalled; past its deadline the timer marks it overdue and it stays actionable. Also each
 * office's referral inbox. Rules sit in control; boundary holds the REST resources and the timer.
 */
package org.trilink.referrals;
