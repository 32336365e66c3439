package org.trilink.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
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

    /** Pending messages of a kind held until later than {@code now} (quiet hours), the soonest first. */
    public List<OutboxMessage> held(String kind, OffsetDateTime now, int max) {
        return em.createQuery("select m from OutboxMessage m where m.kind = :kind and m.status = :pending"
                        + " and m.notBefore > :now order by m.notBefore, m.id", OutboxMessage.class)
                .setParameter("kind", kind).setParameter("pending", OutboxMessage.Status.PENDING)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /**
     * Moves every message of a kind held past {@code now} (and not waiting for a retry) to
     * {@code sendAt}: when the days off change, what was held goes out by the new calendar. One
     * statement, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescheduleHeld(String kind, OffsetDateTime now, OffsetDateTime sendAt) {
        return em.createNativeQuery("update partner_outbox set not_before = ?, next_attempt_at = ?"
                        + " where kind = ? and status = 'PENDING' and not_before > ? and next_attempt_at = not_before")
                .setParameter(1, sendAt).setParameter(2, sendAt).setParameter(3, kind).setParameter(4, now)
                .executeUpdate();
    }
}
