package org.trilink.partners.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.trilink.outbox.entity.DeliveryAttempt;
import org.trilink.outbox.entity.OutboxMessage;
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

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

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

    /** Holds a claimed message until {@code until} and frees it (no attempt recorded): quiet hours. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void hold(long id, OffsetDateTime until) {
        em.createNativeQuery("update partner_outbox set not_before = ?, next_attempt_at = ?, lease_until = null,"
                        + " leased_by = null where id = ? and status = 'PENDING'")
                .setParameter(1, until).setParameter(2, until).setParameter(3, id)
                .executeUpdate();
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
     * Attempt ids come from the sequence in blocks of this many (V12): {@code nextval} is the last
     * id of its block, as JPA takes it with the entity's allocation size.
     */
    static final int ATTEMPT_ID_BLOCK = 50;

    private long nextAttemptId = 1;
    private long lastAttemptId = 0;

    /** At most this many attempts are recorded in one transaction. */
    static final int MAX_RECORD_BATCH = 64;

    private final GroupCommit<Attempt, OutboxMessage.Status> recorder = new GroupCommit<>(MAX_RECORD_BATCH,
            this::write);

    /**
     * Records one attempt as soon as it is made and settles its message (see {@link Settlement});
     * returns once it is committed, with the message's status afterwards. Attempts that the
     * delivery threads hand in together are written in one transaction (a group commit, see
     * {@link GroupCommit}): an acknowledged event thus stays unrecorded for at most the
     * transaction in progress and its own, never while other calls run.
     * <p>
     * Plain JDBC on a connection of its own, not entities in a JTA transaction: this runs once per
     * event, and loading and flushing the entity through EclipseLink cost more CPU than the HTTP
     * call it records.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OutboxMessage.Status record(Attempt a) {
        return recorder.submit(a);
    }

    /**
     * One transaction of plain statements for a batch of attempts: the acknowledged messages in one
     * batched conditional update, the attempt rows in one batched insert; a failure first reads its
     * message's attempts and age under a row lock. A message no longer pending (delivered or dead
     * meanwhile) only gains the attempt row.
     */
    private List<OutboxMessage.Status> write(List<Attempt> batch) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<OutboxMessage.Status> after = settle(db, batch, now);
                try (PreparedStatement insert = db.prepareStatement("insert into partner_delivery_attempt"
                        + " (id, outbox_id, attempted_at, http_status, error, duration_ms) values (?, ?, ?, ?, ?, ?)")) {
                    for (Attempt a : batch) {
                        insert.setLong(1, nextAttemptId(db));
                        insert.setLong(2, a.outboxId());
                        insert.setObject(3, now);
                        insert.setObject(4, a.httpStatus(), Types.INTEGER);
                        insert.setString(5, Settlement.truncate(a.error()));
                        insert.setInt(6, a.durationMs());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
                after.forEach(metrics::attempted);
                return after;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording " + batch.size() + " delivery attempts failed", e);
        }
    }

    /** Settles each attempt's message; returns their statuses afterwards, in the batch's order. */
    private List<OutboxMessage.Status> settle(Connection db, List<Attempt> batch, OffsetDateTime now)
            throws SQLException {
        OutboxMessage.Status[] after = new OutboxMessage.Status[batch.size()];
        // rows are locked in id order, so that two transactions never wait for each other's rows
        List<Integer> order = IntStream.range(0, batch.size()).boxed()
                .sorted(Comparator.comparingLong(i -> batch.get(i).outboxId())).toList();
        List<Integer> acknowledged = order.stream().filter(i -> isSuccess(batch.get(i).httpStatus())).toList();
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement delivered = db.prepareStatement(MARK_DELIVERED)) {
                for (int i : acknowledged) {
                    delivered.setInt(1, batch.get(i).httpStatus());
                    delivered.setObject(2, now);
                    delivered.setLong(3, batch.get(i).outboxId());
                    delivered.addBatch();
                }
                int[] counts = delivered.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] == 1) {
                        after[acknowledged.get(k)] = OutboxMessage.Status.DELIVERED;
                    }
                }
            }
        }
        for (int i : order) {
            if (after[i] == null) {
                after[i] = settleOne(db, batch.get(i), now);
            }
        }
        return Arrays.asList(after);
    }

    private static boolean isSuccess(Integer httpStatus) {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** A failed attempt, or an acknowledged one whose message was not pending: read it, then settle. */
    private OutboxMessage.Status settleOne(Connection db, Attempt a, OffsetDateTime now) throws SQLException {
        Integer http = a.httpStatus();
        OutboxMessage.Status status;
        int attempts;
        OffsetDateTime createdAt;
        try (PreparedStatement read = db.prepareStatement(
                // the give-up age counts from the end of a hold (quiet hours), not from a night before
                "select status, attempts, case when not_before > created_at then not_before else created_at end"
                        + " from partner_outbox where id = ? for update")) {
            read.setLong(1, a.outboxId());
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("No outbox message " + a.outboxId() + ".");
                }
                status = OutboxMessage.Status.valueOf(rs.getString(1));
                attempts = rs.getInt(2);
                createdAt = rs.getObject(3, OffsetDateTime.class);
            }
        }
        if (status != OutboxMessage.Status.PENDING) {
            return status;
        }
        Settlement s = Settlement.of(settings.backoff(), attempts, createdAt, http, a.error(), now);
        if (s.status() == OutboxMessage.Status.DELIVERED) {
            // pending again (a dead letter replayed meanwhile), and now acknowledged
            try (PreparedStatement delivered = db.prepareStatement(MARK_DELIVERED)) {
                delivered.setInt(1, http);
                delivered.setObject(2, now);
                delivered.setLong(3, a.outboxId());
                delivered.executeUpdate();
            }
            return s.status();
        }
        try (PreparedStatement update = db.prepareStatement(s.status() == OutboxMessage.Status.DEAD
                ? "update partner_outbox set status = 'DEAD', attempts = attempts + 1, last_status = ?,"
                        + " last_error = ?, dead_at = ?, lease_until = null, leased_by = null where id = ?"
                : "update partner_outbox set attempts = attempts + 1, last_status = ?,"
                        + " last_error = ?, next_attempt_at = ?, lease_until = null, leased_by = null where id = ?")) {
            update.setObject(1, http, Types.INTEGER);
            update.setString(2, s.error());
            update.setObject(3, s.status() == OutboxMessage.Status.DEAD ? now : s.nextAttemptAt());
            update.setLong(4, a.outboxId());
            update.executeUpdate();
        }
        return s.status();
    }

    /** Marks a pending message delivered (no change when it is not pending). */
    private static final String MARK_DELIVERED = "update partner_outbox set status = 'DELIVERED', attempts = attempts + 1,"
            + " last_status = ?, last_error = null, delivered_at = ?, lease_until = null, leased_by = null"
            + " where id = ? and status = 'PENDING'";

    /** The next attempt id; asks the sequence once per block. */
    private synchronized long nextAttemptId(Connection db) throws SQLException {
        if (nextAttemptId > lastAttemptId) {
            try (PreparedStatement q = db.prepareStatement("select nextval('partner_delivery_attempt_seq')");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                lastAttemptId = rs.getLong(1);
                nextAttemptId = lastAttemptId - ATTEMPT_ID_BLOCK + 1;
            }
        }
        return nextAttemptId++;
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
}
