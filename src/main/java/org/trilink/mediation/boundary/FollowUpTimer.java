package org.trilink.mediation.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.mediation.control.FollowUps;

/**
 * Marks missed follow-up visits every hour, in every instance; the check claims each case with a
 * conditional UPDATE, so instances sharing a database flag each case once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the check opens its own transaction
public class FollowUpTimer {

    private static final Logger LOG = Logger.getLogger(FollowUpTimer.class.getName());

    @Inject
    FollowUps followUps;

    @Schedule(hour = "*", minute = "7", persistent = false, info = "follow-up visits")
    void check() {
        try {
            followUps.flagAllOverdue(followUps.today());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Follow-up check failed: " + e.getClass().getName());
        }
    }
}
