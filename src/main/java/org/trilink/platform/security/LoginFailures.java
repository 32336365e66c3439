package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The table of failed sign-ins behind {@link LoginThrottle}; each change in a transaction of its own. */
@ApplicationScoped
public class LoginFailures {

    public record Count(String key, int failures, OffsetDateTime nextAttemptAt, OffsetDateTime lockedUntil) {
    }

    /** When a key may try next, and until when it is locked (null: not locked). */
    public record Next(OffsetDateTime nextAttemptAt, OffsetDateTime lockedUntil) {
    }

    public interface Policy {
        Next after(int failures, OffsetDateTime now);
    }

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    public List<Count> read(List<String> keys) {
        List<Count> counts = new ArrayList<>();
        for (String key : keys) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select failures, next_attempt_at, locked_until from login_throttle"
                    + " where throttle_key = ?").setParameter(1, key).getResultList();
            for (Object[] r : rows) {
                counts.add(new Count(key, ((Number) r[0]).intValue(), time(r[1]), time(r[2])));
            }
        }
        return counts;
    }

    /**
     * Counts one failure of a key: a count whose last failure is older than the window (and that
     * is not locked) starts again at one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(String key, OffsetDateTime now, Duration window, Policy policy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select failures, last_failure_at, locked_until from login_throttle"
                + " where throttle_key = ? for update").setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            Next next = policy.after(1, now);
            // a null bound as a parameter is typed as text, which PostgreSQL refuses for a time column
            em.createNativeQuery("insert into login_throttle (throttle_key, failures, last_failure_at, next_attempt_at,"
                            + " locked_until) values (?, 1, ?, ?, cast(? as timestamp with time zone))")
                    .setParameter(1, key).setParameter(2, now).setParameter(3, next.nextAttemptAt())
                    .setParameter(4, next.lockedUntil()).executeUpdate();
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                purge(now);
            }
            return next.lockedUntil() != null;
        }
        Object[] r = rows.get(0);
        OffsetDateTime last = time(r[1]);
        OffsetDateTime lockedUntil = time(r[2]);
        boolean stale = last.plus(window).isBefore(now) && (lockedUntil == null || lockedUntil.isBefore(now));
        int count = stale ? 1 : ((Number) r[0]).intValue() + 1;
        if (lockedUntil != null && lockedUntil.isBefore(now)) {
            count = 1; // a lock served starts the count again
        }
        Next next = policy.after(count, now);
        em.createNativeQuery("update login_throttle set failures = ?, last_failure_at = ?, next_attempt_at = ?,"
                        + " locked_until = cast(? as timestamp with time zone) where throttle_key = ?")
                .setParameter(1, count).setParameter(2, now).setParameter(3, next.nextAttemptAt())
                .setParameter(4, next.lockedUntil()).setParameter(5, key).executeUpdate();
        // locked by this failure (not one more failure counted while it was locked already)
        return next.lockedUntil() != null && (lockedUntil == null || !lockedUntil.isAfter(now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delete(String key) {
        return em.createNativeQuery("delete from login_throttle where throttle_key = ?").setParameter(1, key)
                .executeUpdate() > 0;
    }

    public List<Count> locked(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select throttle_key, failures, next_attempt_at, locked_until"
                        + " from login_throttle where locked_until > ? and throttle_key like 'account:%'"
                        + " order by throttle_key")
                .setParameter(1, now).getResultList();
        return rows.stream().map(r -> new Count((String) r[0], ((Number) r[1]).intValue(), time(r[2]), time(r[3])))
                .toList();
    }

    /** Names and addresses with no failure for a day are forgotten (an attacker's made-up names included). */
    private void purge(OffsetDateTime now) {
        em.createNativeQuery("delete from login_throttle where last_failure_at < ? and (locked_until is null"
                + " or locked_until < ?)").setParameter(1, now.minusDays(1)).setParameter(2, now).executeUpdate();
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("a time of type " + value.getClass().getName());
    }
}
