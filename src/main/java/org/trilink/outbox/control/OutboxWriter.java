package org.trilink.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.trilink.outbox.entity.OutboxMessage;

/**
 * Puts a message into the outbox in the caller's transaction, once per event id: a rollback sends
 * nothing, a crash after the commit loses nothing, and the same change never makes two messages
 * (the table holds event ids unique as well). Partner callbacks, referrals to partners and
 * notifications to people all go through it; partners' delivery route sends them.
 */
@ApplicationScoped
public class OutboxWriter {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** The message, written; empty when a message with its event id exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OutboxMessage> add(OutboxMessage message) {
        boolean known = !em.createQuery("select m.id from OutboxMessage m where m.eventId = :e", Long.class)
                .setParameter("e", message.eventId()).setMaxResults(1).getResultList().isEmpty();
        if (known) {
            return Optional.empty();
        }
        em.persist(message);
        return Optional.of(message);
    }
}
