package org.trilink.audit.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.platform.Configured;
import org.trilink.platform.security.SecurityAudit;

/**
 * Once a night, in every instance: deletes audit entries past their retention (at least six
 * months). The head row's lock and date let one instance do it each day.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the purge opens its own transaction
public class SecurityAuditPurge {

    private static final Logger LOG = Logger.getLogger(SecurityAuditPurge.class.getName());

    @Inject
    SecurityAudit audit;

    @Inject
    Configured configured;

    @Schedule(hour = "3", minute = "17", persistent = false, info = "security audit retention")
    void purge() {
        try {
            int deleted = audit.purge(LocalDate.now(configured.zone()));
            if (deleted > 0) {
                LOG.info(() -> "Security audit: " + deleted + " entries past their retention deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Security audit purge failed: " + e.getClass().getName());
        }
    }
}
