package org.trilink.partners.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.partners.control.LedgerUploads;

/**
 * Discards ledger uploads left staged for days (uploaded, never confirmed): their files go from
 * the database, their figures stay in the office's past imports. First gives back as staged the
 * uploads whose confirmation died with its instance (see {@link LedgerUploads#claim}). Nightly, in every instance; the
 * update is guarded by the status, so two instances discard each upload once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the purge opens its own transaction
public class LedgerUploadPurge {

    private static final Logger LOG = Logger.getLogger(LedgerUploadPurge.class.getName());

    @Inject
    LedgerUploads uploads;

    @Inject
    org.trilink.partners.control.LedgerStaging staging;

    @Inject
    @ConfigProperty(name = "trilink.ledger.staged-days", defaultValue = "7")
    int stagedDays;

    @Schedule(hour = "3", minute = "17", persistent = false, info = "staged ledger uploads")
    void purge() {
        try {
            int recovered = uploads.recover(staging.staleBefore());
            if (recovered > 0) {
                LOG.log(Level.WARNING, "{0} ledger uploads left confirming by a stopped instance are staged again",
                        recovered);
            }
            int discarded = uploads.purge(OffsetDateTime.now().minusDays(stagedDays));
            if (discarded > 0) {
                LOG.log(Level.INFO, "Discarded {0} ledger uploads staged for over {1} days",
                        new Object[] {discarded, stagedDays});
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ledger upload purge failed: " + e.getClass().getName());
        }
    }
}
