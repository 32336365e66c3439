package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * What Camel's idempotent consumers have taken, in the database: the primary key makes two
 * instances agree, and a restart forgets nothing.
 */
@ApplicationScoped
public class ProcessedMessages {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** True if the key was new (and is now taken), false if it was there already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean add(String repository, String key) {
        if (contains(repository, key)) {
            return false;
        }
        em.createNativeQuery("insert into partner_processed_message (repository, message_key, processed_at)"
                        + " values (?, ?, ?)")
                .setParameter(1, repository).setParameter(2, key).setParameter(3, OffsetDateTime.now())
                .executeUpdate();
        return true;
    }

    public boolean contains(String repository, String key) {
        return !em.createNativeQuery("select 1 from partner_processed_message where repository = ? and message_key = ?")
                .setParameter(1, repository).setParameter(2, key).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remove(String repository, String key) {
        return em.createNativeQuery("delete from partner_processed_message where repository = ? and message_key = ?")
                .setParameter(1, repository).setParameter(2, key).executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clear(String repository) {
        em.createNativeQuery("delete from partner_processed_message where repository = ?")
                .setParameter(1, repository).executeUpdate();
    }
}
