package org.trilink.partners.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every half minute, in every instance: a partner's inbox set or changed through another
 * instance of the cluster becomes watched here too (the change event stays in its instance).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartnerInboxSync {

    private static final Logger LOG = Logger.getLogger(PartnerInboxSync.class.getName());

    @Inject
    PartnerInboxes inboxes;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false, info = "partner inboxes")
    void sync() {
        try {
            inboxes.reconcile();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Partner inbox sync failed: " + e.getClass().getName());
        }
    }
}
