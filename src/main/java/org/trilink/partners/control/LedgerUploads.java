package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trilink.platform.Configured;

/**
 * The staged ledger uploads (table {@code ledger_upload}) and what their preview found per row
 * ({@code ledger_upload_issue}). Plain SQL on purpose: a status moves only by a guarded update
 * ({@code ... where status = 'STAGED'}), so of two instances confirming the same upload exactly
 * one wins, and no entity copy of a row can go stale between instances.
 */
@ApplicationScoped
public class LedgerUploads {

    /** Where an upload stands. CONFIRMING: one instance is storing its rows now. */
    public enum Status { STAGED, CONFIRMING, CONFIRMED, DISCARDED }

    /** How a confirmation treats rows with errors or conflicts. */
    public enum Mode { ALL_OR_NOTHING, SKIP_ERRORS }

    /** What an issue of a row is: refused, stored with a doubt, or different from what was imported before. */
    public enum Severity { ERROR, WARNING, CONFLICT }

    /** One reason about one row, as the preview found it. */
    public record Issue(long row, String ledgerId, Severity severity, String column, String code, String limit,
                        String reason) implements Serializable {
    }

    /** The figures of a check of the file (at upload, and again at confirmation). */
    public record Counts(int rows, int valid, int errors, int warnings, int repeated, int conflicts,
                         int peoplesMediation, int administrative) implements Serializable {
    }

    /** An upload as stored, without its bytes. */
    public record Upload(long id, String officeCode, String fileName, long sizeBytes, String sha256, String kind,
                         String encoding, String uploadedBy, OffsetDateTime uploadedAt, Status status, Counts counts,
                         Mode mode, String confirmedBy, OffsetDateTime confirmedAt, Integer created, Integer skipped,
                         Integer failed) implements Serializable {
    }

    /** A page of something, newest or first first. */
    public record Page<T>(List<T> items, int page, int size, long total) implements Serializable {
    }

    /** The most issue lines kept per upload; the counts stay exact beyond it. */
    static final int MOST_ISSUES = 100_000;

    private static final String COLUMNS = "id, office_code, file_name, size_bytes, sha256, file_kind, encoding,"
            + " uploaded_by, uploaded_at, status, row_count, valid_count, error_count, warning_count, repeated_count,"
            + " conflict_count, peoples_mediation, administrative, confirm_mode, confirmed_by, confirmed_at,"
            + " created_count, skipped_count, failed_count";

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    Configured configured;

    /** Stores a checked upload with its bytes and issues, STAGED; its id. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long stage(String officeCode, String fileName, byte[] content, String sha256, String kind, String encoding,
                      String actor, Counts counts, List<Issue> issues) {
        long id = ((Number) em.createNativeQuery("select nextval('ledger_upload_seq')").getSingleResult()).longValue();
        em.createNativeQuery("insert into ledger_upload (id, office_code, file_name, content, size_bytes, sha256,"
                        + " file_kind, encoding, uploaded_by, uploaded_at, status, row_count, valid_count, error_count,"
                        + " warning_count, repeated_count, conflict_count, peoples_mediation, administrative)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'STAGED', ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, officeCode).setParameter(3, fileName).setParameter(4, content)
                .setParameter(5, (long) content.length).setParameter(6, sha256).setParameter(7, kind)
                // no null parameter (PostgreSQL types a null as text): an .xlsx has an empty encoding
                .setParameter(8, encoding == null ? "" : encoding).setParameter(9, actor)
                .setParameter(10, OffsetDateTime.now()).setParameter(11, counts.rows()).setParameter(12, counts.valid())
                .setParameter(13, counts.errors()).setParameter(14, counts.warnings())
                .setParameter(15, counts.repeated()).setParameter(16, counts.conflicts())
                .setParameter(17, counts.peoplesMediation()).setParameter(18, counts.administrative())
                .executeUpdate();
        insertIssues(id, issues);
        return id;
    }

    public Optional<Upload> find(long id) {
        List<?> found = em.createNativeQuery("select " + COLUMNS + " from ledger_upload where id = ?")
                .setParameter(1, id).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(upload((Object[]) found.get(0)));
    }

    /** The file as uploaded, while it is staged. */
    public Optional<byte[]> content(long id) {
        List<?> found = em.createNativeQuery("select content from ledger_upload where id = ? and content is not null")
                .setParameter(1, id).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of((byte[]) found.get(0));
    }

    /** An office's uploads (every office's for null), newest first. */
    public Page<Upload> uploads(String officeCode, int page, int size) {
        String where = officeCode == null ? "" : " where office_code = ?";
        Query count = em.createNativeQuery("select count(*) from ledger_upload" + where);
        Query list = em.createNativeQuery("select " + COLUMNS + " from ledger_upload" + where
                + " order by uploaded_at desc, id desc limit " + size + " offset " + ((long) page * size));
        if (officeCode != null) {
            count.setParameter(1, officeCode);
            list.setParameter(1, officeCode);
        }
        List<Upload> items = new ArrayList<>();
        for (Object row : list.getResultList()) {
            items.add(upload((Object[]) row));
        }
        return new Page<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    /** An upload's issues in row order, of one severity or all. */
    public Page<Issue> issues(long id, Severity severity, int page, int size) {
        String where = " where upload_id = ?" + (severity == null ? "" : " and severity = ?");
        Query count = em.createNativeQuery("select count(*) from ledger_upload_issue" + where).setParameter(1, id);
        Query list = em.createNativeQuery("select row_no, ledger_id, severity, column_key, code, limit_value, reason"
                + " from ledger_upload_issue" + where + " order by seq_no limit " + size + " offset "
                + ((long) page * size)).setParameter(1, id);
        if (severity != null) {
            count.setParameter(2, severity.name());
            list.setParameter(2, severity.name());
        }
        List<Issue> items = new ArrayList<>();
        for (Object row : list.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new Issue(((Number) r[0]).longValue(), empty((String) r[1]), Severity.valueOf((String) r[2]),
                    empty((String) r[3]), (String) r[4], empty((String) r[5]), empty((String) r[6])));
        }
        return new Page<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    /** Parameters: mode, actor, now, id, stale before. */
    static final String CLAIM = "update ledger_upload set status = 'CONFIRMING', confirm_mode = ?, confirmed_by = ?,"
            + " claimed_at = ? where id = ? and (status = 'STAGED'"
            + " or status = 'CONFIRMING' and coalesce(claimed_at, uploaded_at) < ?)";
    /** Parameters: now, id. */
    static final String RENEW = "update ledger_upload set claimed_at = ? where id = ? and status = 'CONFIRMING'";
    /** Parameters: stale before. */
    static final String RECOVER = "update ledger_upload set status = 'STAGED', confirm_mode = null,"
            + " confirmed_by = null, claimed_at = null where status = 'CONFIRMING'"
            + " and coalesce(claimed_at, uploaded_at) < ?";

    /**
     * Takes a staged upload for confirming, committed at once so that every instance sees it:
     * false when it is not (or no longer) staged, e.g. confirmed by another instance a moment ago.
     * An upload left CONFIRMING by a confirmation whose claim was last renewed before
     * {@code staleBefore} (its instance died) is taken as staged: the rows that confirmation
     * stored are found imported before, and an all-or-nothing one stored none.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(long id, Mode mode, String actor, OffsetDateTime staleBefore) {
        return em.createNativeQuery(CLAIM)
                .setParameter(1, mode.name()).setParameter(2, actor).setParameter(3, OffsetDateTime.now())
                .setParameter(4, id).setParameter(5, staleBefore).executeUpdate() == 1;
    }

    /** A confirmation still at work renews its claim (a chunk at a time), so that it is never taken as stale. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renew(long id) {
        em.createNativeQuery(RENEW)
                .setParameter(1, OffsetDateTime.now()).setParameter(2, id).executeUpdate();
    }

    /** Gives uploads whose confirmation died (claim older than {@code staleBefore}) back as staged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recover(OffsetDateTime staleBefore) {
        return em.createNativeQuery(RECOVER)
                .setParameter(1, staleBefore).executeUpdate();
    }

    /** Gives a claimed upload back (an all-or-nothing confirmation refused or failed), with what it found now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long id, Counts counts, List<Issue> issues) {
        em.createNativeQuery("update ledger_upload set status = 'STAGED', confirm_mode = null, confirmed_by = null"
                + " where id = ? and status = 'CONFIRMING'").setParameter(1, id).executeUpdate();
        if (counts != null) {
            recount(id, counts, issues);
        }
    }

    /** A confirmed upload: its figures as the confirmation found them, and its bytes gone (the SHA-256 stays). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void confirmed(long id, Counts counts, List<Issue> issues, int created, int skipped, int failed) {
        em.createNativeQuery("update ledger_upload set status = 'CONFIRMED', content = null, confirmed_at = ?,"
                        + " closed_at = ?, created_count = ?, skipped_count = ?, failed_count = ?"
                        + " where id = ? and status = 'CONFIRMING'")
                .setParameter(1, OffsetDateTime.now()).setParameter(2, OffsetDateTime.now()).setParameter(3, created)
                .setParameter(4, skipped).setParameter(5, failed).setParameter(6, id).executeUpdate();
        recount(id, counts, issues);
    }

    /** Discards a staged upload: nothing of it is stored; false when it is not staged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean discard(long id) {
        return em.createNativeQuery("update ledger_upload set status = 'DISCARDED', content = null, closed_at = ?"
                        + " where id = ? and status = 'STAGED'")
                .setParameter(1, OffsetDateTime.now()).setParameter(2, id).executeUpdate() == 1;
    }

    /**
     * Discards uploads left staged since before {@code before} (a clerk who uploaded and walked
     * away): their bytes go, their figures stay in the office's list of past imports.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge(OffsetDateTime before) {
        return em.createNativeQuery("update ledger_upload set status = 'DISCARDED', content = null, closed_at = ?"
                        + " where status = 'STAGED' and uploaded_at < ?")
                .setParameter(1, OffsetDateTime.now()).setParameter(2, before).executeUpdate();
    }

    /**
     * The content hashes of the rows of these ledger ids already imported for the office: a
     * ledger id maps to its hash, or to "" for a row imported before hashes were kept.
     */
    public Map<String, String> imported(String officeCode, List<String> ledgerIds) {
        Map<String, String> found = new java.util.HashMap<>();
        for (int from = 0; from < ledgerIds.size(); from += 500) {
            List<String> part = ledgerIds.subList(from, Math.min(ledgerIds.size(), from + 500));
            StringBuilder sql = new StringBuilder("select ledger_id, content_hash from ledger_row where office_code = ?"
                    + " and ledger_id in (");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            Query q = em.createNativeQuery(sql.append(')').toString()).setParameter(1, officeCode);
            for (int i = 0; i < part.size(); i++) {
                q.setParameter(i + 2, part.get(i));
            }
            for (Object row : q.getResultList()) {
                Object[] r = (Object[]) row;
                found.put((String) r[0], r[1] == null ? "" : (String) r[1]);
            }
        }
        return found;
    }

    private void recount(long id, Counts counts, List<Issue> issues) {
        em.createNativeQuery("update ledger_upload set row_count = ?, valid_count = ?, error_count = ?,"
                        + " warning_count = ?, repeated_count = ?, conflict_count = ?, peoples_mediation = ?,"
                        + " administrative = ? where id = ?")
                .setParameter(1, counts.rows()).setParameter(2, counts.valid()).setParameter(3, counts.errors())
                .setParameter(4, counts.warnings()).setParameter(5, counts.repeated())
                .setParameter(6, counts.conflicts()).setParameter(7, counts.peoplesMediation())
                .setParameter(8, counts.administrative()).setParameter(9, id).executeUpdate();
        em.createNativeQuery("delete from ledger_upload_issue where upload_id = ?").setParameter(1, id)
                .executeUpdate();
        insertIssues(id, issues);
    }

    /** The issues, a hundred to a statement: tens of thousands of bad rows store in seconds. */
    private void insertIssues(long id, List<Issue> issues) {
        int total = Math.min(issues.size(), MOST_ISSUES);
        for (int from = 0; from < total; from += 100) {
            int to = Math.min(total, from + 100);
            StringBuilder sql = new StringBuilder("insert into ledger_upload_issue (upload_id, seq_no, row_no,"
                    + " ledger_id, severity, column_key, code, limit_value, reason) values ");
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            Query q = em.createNativeQuery(sql.toString());
            int p = 1;
            for (int i = from; i < to; i++) {
                Issue issue = issues.get(i);
                // empty rather than null parameters: PostgreSQL types a bound null as text
                q.setParameter(p++, id).setParameter(p++, i).setParameter(p++, issue.row())
                        .setParameter(p++, cut(issue.ledgerId(), 64)).setParameter(p++, issue.severity().name())
                        .setParameter(p++, cut(issue.column(), 64)).setParameter(p++, issue.code())
                        .setParameter(p++, cut(issue.limit(), 32)).setParameter(p++, cut(issue.reason(), 1000));
            }
            q.executeUpdate();
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }

    private Upload upload(Object[] r) {
        Counts counts = new Counts(integer(r[10]), integer(r[11]), integer(r[12]), integer(r[13]), integer(r[14]),
                integer(r[15]), integer(r[16]), integer(r[17]));
        return new Upload(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                (String) r[4], (String) r[5], empty((String) r[6]), (String) r[7], time(r[8]),
                Status.valueOf((String) r[9]), counts, r[18] == null ? null : Mode.valueOf((String) r[18]),
                (String) r[19], time(r[20]), optional(r[21]), optional(r[22]), optional(r[23]));
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static int integer(Object o) {
        return ((Number) o).intValue();
    }

    private static Integer optional(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(configured.zone()).toOffsetDateTime();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(configured.zone()).toOffsetDateTime();
        }
        if (value instanceof java.time.Instant t) {
            return t.atZone(configured.zone()).toOffsetDateTime();
        }
        return OffsetDateTime.parse(value.toString());
    }
}
