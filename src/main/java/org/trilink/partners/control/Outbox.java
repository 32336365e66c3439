package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.trilink.partners.entity.DeliveryAttempt;
import org.trilink.partners.entity.OutboxMessage;
import org.trilink.platform.problem.ProblemException;

/**
 * The outbox of messages to partners. Due rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and a lease, so that several instances on one database share the work without sending a
 * message twice at once, and a crashed instance's claims fall free when the lease ends.
 */
@ApplicationScoped
public class Outbox {

    /** This instance, in the lease column: which one holds a row. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    PartnerSettings settings;

    @Inject
    DeliveryMetrics metrics;

    Clock clock = Clock.systemUTC();

    /** Claims up to the batch size of due messages for this instance; returns their ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from partner_outbox where status = 'PENDING'"
                        + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?)"
                        + " order by next_attempt_at, id limit ? for update skip locked")
                .setParameter(1, now)
                .setParameter(2, now)
                .setParameter(3, settings.batch())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        // a lease long enough for one attempt with its timeout, and then some
        OffsetDateTime lease = now.plus(settings.timeout().multipliedBy(3)).plus(Duration.ofSeconds(30));
        em.createNativeQuery("update partner_outbox set lease_until = ?, leased_by = ? where id in ("
                        + String.join(",", claimed.stream().map(String::valueOf).toList()) + ")")
                .setParameter(1, lease)
                .setParameter(2, INSTANCE)
                .executeUpdate();
        return claimed;
    }

    public OutboxMessage get(long id) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        if (m == null) {
            throw ProblemException.notFound("No outbox message " + id + ".");
        }
        return m;
    }

    /** The messages of a claim, read in one query (detached: each attempt is recorded on its own). */
    public List<OutboxMessage> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from OutboxMessage m where m.id in :ids order by m.id", OutboxMessage.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** How one try to deliver a message went: the HTTP status (null when none came) or the error. */
    public record Attempt(long outboxId, Integer httpStatus, String error, int durationMs) {
    }

    /**
     * Records attempts in one transaction (the sender records each as soon as it is made):
     * 2xx ends a message; a transient failure
     * waits longer each time until the give-up age; any other answer, or giving up, makes it a
     * dead letter. Returns each message's status afterwards.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<Long, OutboxMessage.Status> recordAttempts(List<Attempt> attempts) {
        // one read puts the chunk's messages in the persistence context, so settle() finds them there
        load(attempts.stream().map(Attempt::outboxId).toList());
        Map<Long, OutboxMessage.Status> after = new HashMap<>();
        for (Attempt a : attempts) {
            OutboxMessage.Status status = settle(a.outboxId(), a.httpStatus(), a.error(), a.durationMs());
            metrics.attempted(status);
            after.put(a.outboxId(), status);
        }
        return after;
    }

    private OutboxMessage.Status settle(long id, Integer httpStatus, String error, int durationMs) {
        OutboxMessage m = get(id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.persist(new DeliveryAttempt(id, now, httpStatus, error == null ? null : truncate(error), durationMs));
        if (m.status() != OutboxMessage.Status.PENDING) {
            return m.status();
        }
        if (httpStatus != null && httpStatus >= 200 && httpStatus < 300) {
            m.delivered(httpStatus, now);
        } else if (Backoff.retryable(httpStatus)) {
            Optional<OffsetDateTime> next = settings.backoff().next(m.attempts() + 1, m.createdAt(), now);
            if (next.isPresent()) {
                m.retryAt(httpStatus, truncate(error), next.get());
            } else {
                m.dead(httpStatus, truncate("gave up after " + settings.giveUpAfter() + ": " + error), now);
            }
        } else {
            m.dead(httpStatus, truncate(error), now);
        }
        return m.status();
    }

    public List<OutboxMessage> deadLetters(String partnerCode, int limit) {
        var query = em.createQuery("select m from OutboxMessage m where m.status = :s"
                        + (partnerCode == null ? "" : " and m.partnerCode = :p") + " order by m.id", OutboxMessage.class)
                .setParameter("s", OutboxMessage.Status.DEAD)
                .setMaxResults(limit);
        if (partnerCode != null) {
            query.setParameter("p", partnerCode);
        }
        return query.getResultList();
    }

    public List<OutboxMessage> recent(String partnerCode, int limit) {
        return em.createQuery("select m from OutboxMessage m where m.partnerCode = :p order by m.id desc",
                        OutboxMessage.class)
                .setParameter("p", partnerCode)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<DeliveryAttempt> attempts(long outboxId) {
        get(outboxId);
        return em.createQuery("select a from DeliveryAttempt a where a.outboxId = :o order by a.attemptedAt, a.id",
                        DeliveryAttempt.class)
                .setParameter("o", outboxId)
                .getResultList();
    }

    @Transactional
    public OutboxMessage replay(long id) {
        OutboxMessage m = get(id);
        if (m.status() != OutboxMessage.Status.DEAD) {
            throw ProblemException.conflict("Message " + id + " is " + m.status() + ", not a dead letter.");
        }
        m.replay(OffsetDateTime.now(clock));
        return m;
    }

    @Transactional
    public int replayAll(String partnerCode) {
        List<OutboxMessage> dead = em.createQuery("select m from OutboxMessage m where m.status = :s",
                        OutboxMessage.class)
                .setParameter("s", OutboxMessage.Status.DEAD).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = 0;
        for (OutboxMessage m : dead) {
            if (partnerCode == null || m.partnerCode().equals(partnerCode)) {
                m.replay(now);
                n++;
            }
        }
        return n;
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 480 ? s : s.substring(0, 480);
    }
}
