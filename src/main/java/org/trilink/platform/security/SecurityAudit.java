package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security audit trail (等保三级 安全审计): who signed in, failed, was locked or unlocked,
 * whose password was reset, which accounts and roles changed, which partner secrets were rotated.
 * Entries are chained by SHA-256 (see V26), appended one at a time across instances, kept for at
 * least six months (网络安全法 第二十一条) and purged after the configured retention by a daily
 * job that one instance runs. Entries carry names of accounts, never personal data of parties.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger LOG = Logger.getLogger(SecurityAudit.class.getName());

    /** The least retention the law allows, in days (six months). */
    static final int LEAST_RETENTION_DAYS = 183;

    public enum Kind {
        SIGNED_IN, SIGN_IN_FAILED, SIGN_IN_REFUSED, LOCKED, UNLOCKED, PASSWORD_RESET, PASSWORD_CHANGED, ACCOUNT_CREATED,
        ACCOUNT_CHANGED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, PARTNER_SECRET_ROTATED, PURGED, TWO_FACTOR_ENROLLED,
        TWO_FACTOR_DISABLED, TWO_FACTOR_RESET, TWO_FACTOR_FAILED, RECOVERY_CODE_USED,
        /* the parties' door (issue 24): actor "party", subject the case number when there is one */
        PUBLIC_CODE_SENT, PUBLIC_CODE_FAILED, PUBLIC_CODE_VERIFIED, PUBLIC_LIMIT_REACHED, PUBLIC_APPLIED,
        PUBLIC_CASE_VIEWED, PUBLIC_CORRECTION_REQUESTED, PUBLIC_AGREEMENT_SIGNED, PUBLIC_SERVICE_RATED
    }

    public record Event(long id, OffsetDateTime occurredAt, Kind kind, String actor, String subject, String address,
                        String detail) {
    }

    public record Page(long total, List<Event> events) {
    }

    /** The chain checked: intact, or the first entry where it breaks. */
    public record Verification(boolean intact, long entries, Long brokenAt, String reason)
            implements java.io.Serializable {
    }

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "trilink.security.audit-retention-days", defaultValue = "365")
    int retentionDays;

    /** Appends in the caller's transaction: a change rolled back leaves no entry. */
    @Transactional
    public void record(Kind kind, String actor, String subject, String address, String detail) {
        append(kind, actor, subject, address, detail);
    }

    /** Appends in a transaction of its own: for sign-ins, which change nothing else. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(Kind kind, String actor, String subject, String address, String detail) {
        append(kind, actor, subject, address, detail);
    }

    /** As {@link #recordAlone}, but a failure to record never fails the sign-in it describes. */
    public void recordQuietly(SecurityAudit self, Kind kind, String actor, String address, String detail) {
        try {
            self.recordAlone(kind, actor, actor, address, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A security event could not be recorded: " + e.getClass().getName());
        }
    }

    private void append(Kind kind, String actor, String subject, String address, String detail) {
        Object[] head = (Object[]) em.createNativeQuery("select last_id, last_hash from security_event_head where id = 1"
                + " for update").getSingleResult();
        long id = ((Number) head[0]).longValue() + 1;
        String previous = (String) head[1];
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Event e = new Event(id, at, kind, cut(actor, 200), cut(subject, 200), cut(address, 64), cut(detail, 500));
        String hash = hash(previous, e);
        em.createNativeQuery("insert into security_event (id, occurred_at, kind, actor, subject, address, detail,"
                        + " previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, at).setParameter(3, kind.name()).setParameter(4, e.actor())
                .setParameter(5, e.subject()).setParameter(6, e.address()).setParameter(7, e.detail())
                .setParameter(8, previous).setParameter(9, hash).executeUpdate();
        em.createNativeQuery("update security_event_head set last_id = ?, last_hash = ? where id = 1")
                .setParameter(1, id).setParameter(2, hash).executeUpdate();
    }

    /** Entries newest first, filtered by kind, actor or subject (exact name) and time. */
    public Page find(Kind kind, String name, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            where.append(" and kind = ?");
            params.add(kind.name());
        }
        if (name != null && !name.isBlank()) {
            where.append(" and (actor = ? or subject = ?)");
            params.add(name.strip());
            params.add(name.strip());
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            params.add(to);
        }
        var count = em.createNativeQuery("select count(*) from security_event" + where);
        var rows = em.createNativeQuery("select id, occurred_at, kind, actor, subject, address, detail from security_event"
                + where + " order by id desc");
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            rows.setParameter(i + 1, params.get(i));
        }
        rows.setFirstResult(Math.max(0, (page - 1) * size)).setMaxResults(size);
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return new Page(((Number) count.getSingleResult()).longValue(), found.stream().map(SecurityAudit::event).toList());
    }

    /** An entry as stored, with its chain hashes. */
    record Stored(Event event, String previousHash, String entryHash) {
    }

    /** Walks the chain from the oldest kept entry to the head. */
    public Verification verify() {
        Object[] head = (Object[]) em.createNativeQuery("select last_id, last_hash from security_event_head where id = 1")
                .getSingleResult();
        Chain chain = new Chain();
        long after = 0;
        while (chain.broken == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, occurred_at, kind, actor, subject, address, detail,"
                    + " previous_hash, entry_hash from security_event where id > ? order by id")
                    .setParameter(1, after).setMaxResults(5000).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] r : rows) {
                chain.add(new Stored(event(r), (String) r[7], (String) r[8]));
                after = ((Number) r[0]).longValue();
            }
        }
        return chain.end(((Number) head[0]).longValue(), (String) head[1]);
    }

    /** The chain check, entry by entry in id order. */
    static final class Chain {
        private long entries;
        private Stored last;
        private Verification broken;

        void add(Stored s) {
            if (broken != null) {
                return;
            }
            if (last != null && !last.entryHash().equals(s.previousHash())) {
                broken = new Verification(false, entries, s.event().id(), "an entry before it was deleted or altered");
            } else if (!hash(s.previousHash(), s.event()).equals(s.entryHash())) {
                broken = new Verification(false, entries, s.event().id(), "the entry was altered");
            } else {
                entries++;
                last = s;
            }
        }

        Verification end(long headId, String headHash) {
            if (broken != null) {
                return broken;
            }
            // a purge leaves its own entry, so only a trail never written is empty
            boolean complete = last == null ? headId == 0
                    : last.event().id() == headId && last.entryHash().equals(headHash);
            return complete ? new Verification(true, entries, null, null)
                    : new Verification(false, entries, last == null ? headId : last.event().id() + 1,
                    "the newest entries were deleted");
        }
    }

    /**
     * Deletes entries older than the retention, once a day across instances (the head row's lock
     * and date), and records the purge as an entry, which then anchors the chain.
     */
    @Transactional
    public int purge(LocalDate today) {
        Object[] head = (Object[]) em.createNativeQuery("select last_id, purged_on from security_event_head where id = 1"
                + " for update").getSingleResult();
        Object purgedOn = head[1];
        if (purgedOn != null && LocalDate.parse(purgedOn.toString()).equals(today)) {
            return 0; // the other instance did it today
        }
        int days = Math.max(LEAST_RETENTION_DAYS, retentionDays);
        OffsetDateTime before = today.minusDays(days).atStartOfDay().atOffset(ZoneOffset.UTC);
        int deleted = em.createNativeQuery("delete from security_event where occurred_at < ?").setParameter(1, before)
                .executeUpdate();
        em.createNativeQuery("update security_event_head set purged_on = ? where id = 1").setParameter(1, today)
                .executeUpdate();
        if (deleted > 0) {
            append(Kind.PURGED, null, null, null, deleted + " entries older than " + days + " days");
        }
        return deleted;
    }

    static String hash(String previous, Event e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previous, String.valueOf(e.id()), e.occurredAt().toInstant().toString(),
                    e.kind().name(), e.actor(), e.subject(), e.address(), e.detail()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Event event(Object[] r) {
        return new Event(((Number) r[0]).longValue(), time(r[1]), Kind.valueOf((String) r[2]), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6]);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        throw new IllegalStateException("a time of type " + value.getClass().getName());
    }
}
