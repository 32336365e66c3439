package org.trilink.mediation.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.mediation.control.FollowUps;

/**
 * Every hour, in every instance: reminds offices of follow-up visits falling due and marks missed
 * ones; the check claims each case with a conditional UPDATE, so instances sharing a database
 * remind and flag each case once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the check opens its own transaction
public class FollowUpTimer {

    private static final Logger LOG = Logger.getLogger(FollowUpTimer.class.getName());

    @Inject
    FollowUps followUps;

    @Inject
    WorkingCalendar calendar;

    @Schedule(hour = "*", minute = "7", persistent = false, info = "follow-up visits")
    void check() {
        try {
            // reminders and overdue flags go out on working days only (the working calendar): the
            // first run of the next working day catches up
            if (!calendar.isWorkingToday()) {
                return;
            }
            followUps.checkAll(followUps.today());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Follow-up check failed: " + e.getClass().getName());
        }
    }
}
