package org.trilink.referrals.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.referrals.control.ReferralDeadlines;

/**
 * Marks referrals past their deadline, every five minutes, in every instance: the check claims
 * each referral with a conditional UPDATE, so instances sharing a database flag each one once.
 * Non-persistent: a missed run is simply caught by the next. Runs on working days only (the
 * working calendar); the admin's check (POST /referrals/overdue-check) runs whenever asked.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the check opens its own transaction
public class ReferralDeadlineTimer {

    private static final Logger LOG = Logger.getLogger(ReferralDeadlineTimer.class.getName());

    @Inject
    ReferralDeadlines deadlines;

    @Inject
    WorkingCalendar calendar;

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "referral deadlines")
    void check() {
        try {
            // on a holiday or a weekend every office is closed: no referral is flagged, no alert goes
            // out; the first run of the next working day flags what fell due meanwhile
            if (!calendar.isWorkingToday()) {
                return;
            }
            deadlines.flagAllOverdue(OffsetDateTime.now());
        } catch (RuntimeException e) {
            // the next run tries again; a failure must not cancel the timer
            LOG.log(Level.WARNING, "Referral deadline check failed: " + e.getClass().getName());
        }
    }
}
