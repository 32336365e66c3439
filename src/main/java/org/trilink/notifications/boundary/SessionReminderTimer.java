package org.trilink.notifications.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.notifications.control.SessionReminders;

/**
 * Every quarter of an hour, in every instance: writes the parties' session reminders that are
 * due ({@link SessionReminders}); the outbox's unique event ids make each one once across
 * instances, and its delivery route sends them.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the check opens its own transaction
public class SessionReminderTimer {

    private static final Logger LOG = Logger.getLogger(SessionReminderTimer.class.getName());

    @Inject
    SessionReminders reminders;

    @Schedule(hour = "*", minute = "2/15", persistent = false, info = "session reminders")
    void check() {
        try {
            reminders.remind();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Session reminder check failed: " + e.getClass().getName());
        }
    }
}
