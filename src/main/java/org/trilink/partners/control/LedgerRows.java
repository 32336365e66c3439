package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.CaseNumbers;
import org.trilink.cases.control.CasesBackfilled;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.control.FollowUps;
import org.trilink.mediation.control.Mediation;
import org.trilink.referrals.control.Referrals;

/** Stores checked ledger rows as cases, with their facts: one row per transaction, or a chunk of rows. */
@ApplicationScoped
public class LedgerRows {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseIntake cases;

    @Inject
    CaseHistory history;

    @Inject
    CaseNumbers numbers;

    @Inject
    FollowUps followUps;

    @Inject
    Mediation mediation;

    @Inject
    Referrals referrals;

    /** A checked row waiting to be stored: its record number in the file, the row, and where it was read. */
    public record Pending(long number, LedgerImport.Row row, CaseChange.LedgerSource source) {
    }

    @Inject
    Event<CasesBackfilled> backfilled;

    @Inject
    org.trilink.offices.control.OfficeNumbers officeNumbers;

    /**
     * Rows of a chunk written to the database together (flushed, in JDBC batches) and then let go
     * of: each flush compares every object the persistence context holds, so flushing once per
     * chunk cost the square of its rows, and flushing every row wrote each row's few inserts in
     * statements of their own.
     */
    static final int FLUSH_ROWS = 50;

    /**
     * Rows looked up or written by one native statement: with a chunk of 500 in one statement
     * (3,500 parameters), jstack found the importing thread in those two statements in a third
     * of its samples.
     */
    static final int ROWS_PER_STATEMENT = 100;

    /**
     * One row of a confirmed upload, in its own transaction, remembering the row's content hash
     * (to tell a changed row from a repeated one later) and the upload it came with.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(LedgerImport.Row r, String officeCode, String actor, CaseChange.LedgerSource source,
                        String contentHash, Long uploadId) {
        return save(r, true, officeCode, actor, source, contentHash, uploadId) != null;
    }

    /**
     * As {@link #take}, answering the case stored (null if the office's ledger id was imported
     * before). An unkeyed row (a past case registered through the API without the office's
     * number, its ledger id a stand-in) keeps no ledger number and no {@code ledger_row}: nothing
     * can know it again, and its register number is the office's next of its year.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DisputeCase store(LedgerImport.Row r, boolean keyed, String officeCode, String actor,
                             CaseChange.LedgerSource source) {
        return save(r, keyed, officeCode, actor, source, null, null);
    }

    private DisputeCase save(LedgerImport.Row r, boolean keyed, String officeCode, String actor,
                             CaseChange.LedgerSource source, String contentHash, Long uploadId) {
        boolean known = keyed
                && !em.createNativeQuery("select 1 from ledger_row where office_code = ? and ledger_id = ?")
                .setParameter(1, officeCode).setParameter(2, r.ledgerId()).getResultList().isEmpty();
        if (known) {
            return null;
        }
        DisputeCase c = storeCase(r, keyed, officeCode, actor, source, false);
        backfilled.fire(new CasesBackfilled(List.of(c.id())));
        if (!keyed) {
            return c;
        }
        // no null parameters: PostgreSQL refuses a null bound as text for a bigint column
        Query insert = em.createNativeQuery(contentHash == null || uploadId == null
                        ? "insert into ledger_row (office_code, ledger_id, case_id, imported_at, imported_by)"
                        + " values (?, ?, ?, ?, ?)"
                        : "insert into ledger_row (office_code, ledger_id, case_id, imported_at, imported_by,"
                        + " content_hash, upload_id) values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, officeCode).setParameter(2, r.ledgerId()).setParameter(3, c.id())
                .setParameter(4, OffsetDateTime.now()).setParameter(5, actor);
        if (contentHash != null && uploadId != null) {
            insert.setParameter(6, contentHash).setParameter(7, uploadId);
        }
        insert.executeUpdate();
        return c;
    }

    /**
     * Several rows in one transaction, each stored exactly as {@link #take} stores it, with each
     * row's content hash and the upload; for each, whether it was created (false: its ledger id
     * was imported before, or earlier in the same rows). The chunk is the unit of work: the ids
     * imported before are read in one query, the rows written in JDBC batches, statistics' link
     * facts kept in one statement ({@link CasesBackfilled}), {@code ledger_row} written in one. If
     * any row fails, the whole call rolls back and throws: the caller then stores the rows one by
     * one with {@link #take}, so that a bad row still fails alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Boolean> takeAll(List<Pending> rows, String officeCode, String actor, List<String> hashes,
                                 Long uploadId) {
        return takeChunk(rows, officeCode, actor, hashes, uploadId, true);
    }

    /** As {@link #takeAll}, inside the caller's transaction: an all-or-nothing import stores every row or none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Boolean> takeAllWithin(List<Pending> rows, String officeCode, String actor, List<String> hashes,
                                       Long uploadId) {
        return takeChunk(rows, officeCode, actor, hashes, uploadId, false);
    }

    /**
     * {@code redoable}: the caller takes the rows one by one if the chunk fails, so that a clash
     * of register numbers is left to the unique index (see {@link CaseNumbers#register}).
     */
    private List<Boolean> takeChunk(List<Pending> rows, String officeCode, String actor, List<String> hashes,
                                    Long uploadId, boolean redoable) {
        Set<String> known = new HashSet<>();
        List<String> all = rows.stream().map(p -> p.row().ledgerId()).distinct().toList();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<String> ids = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
            Query query = em.createNativeQuery("select ledger_id from ledger_row where office_code = ? and ledger_id in ("
                    + marks + ")").setParameter(1, officeCode).setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter(i + 2, ids.get(i));
            }
            for (Object id : query.getResultList()) {
                known.add((String) id);
            }
        }
        officeNumbers.deferWrites();
        numbers.reserve((int) rows.stream().map(p -> p.row().ledgerId()).distinct().filter(id -> !known.contains(id))
                .count());
        List<Boolean> created = new ArrayList<>(rows.size());
        List<Object[]> taken = new ArrayList<>();
        List<Long> caseIds = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (int n = 0; n < rows.size(); n++) {
            Pending p = rows.get(n);
            if (!known.add(p.row().ledgerId())) {
                created.add(false);
                continue;
            }
            DisputeCase c = storeCase(p.row(), true, officeCode, actor, p.source(), redoable);
            taken.add(new Object[] {p.row().ledgerId(), c.id(), hashes == null ? null : hashes.get(n)});
            caseIds.add(c.id());
            created.add(true);
            if (caseIds.size() % FLUSH_ROWS == 0) {
                em.flush();
                em.clear();
            }
        }
        officeNumbers.writeDeferred();
        if (!caseIds.isEmpty()) {
            backfilled.fire(new CasesBackfilled(caseIds));
            em.flush();
            em.clear();
        }
        boolean upload = uploadId != null && hashes != null && taken.stream().allMatch(t -> t[2] != null);
        for (int from = 0; from < taken.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = taken.subList(from, Math.min(taken.size(), from + ROWS_PER_STATEMENT));
            Query insert = em.createNativeQuery("insert into ledger_row (office_code, ledger_id, case_id, imported_at,"
                    + " imported_by" + (upload ? ", content_hash, upload_id" : "") + ") values "
                    + String.join(", ", java.util.Collections.nCopies(part.size(),
                    upload ? "(?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)")));
            int i = 1;
            for (Object[] t : part) {
                insert.setParameter(i++, officeCode).setParameter(i++, t[0]).setParameter(i++, t[1])
                        .setParameter(i++, now).setParameter(i++, actor);
                if (upload) {
                    insert.setParameter(i++, t[2]).setParameter(i++, uploadId);
                }
            }
            insert.executeUpdate();
        }
        return created;
    }

    /** The row's case with all its facts, in the caller's transaction; {@code keyed}: see {@link #store}. */
    private DisputeCase storeCase(LedgerImport.Row r, boolean keyed, String officeCode, String actor,
                                  CaseChange.LedgerSource source, boolean redoable) {
        // the ledger's 编号 is the case's register number: at once for a row with its outcome,
        // at acceptance for an open one; an administrative matter's at its filing
        DisputeCase c = cases.registerFromLedger(r.message().toCommand(r.kind()), r.office(), actor, r.receivedAt(),
                source, keyed ? r.ledgerId() : null);
        // the referrals where they happened, in their order: those sent before the acceptance (by the
        // office the chain ends at), then the acceptance, then those after it
        java.util.List<LedgerImport.Referral> referredFirst = r.referrals().stream()
                .filter(f -> r.acceptedAt() == null || !f.sentAt().isAfter(r.acceptedAt())).toList();
        java.util.List<LedgerImport.Referral> referredLater = r.referrals().subList(referredFirst.size(),
                r.referrals().size());
        for (LedgerImport.Referral referral : referredFirst) {
            refer(c, referral, actor, officeCode, source);
        }
        if (r.kind() == MatterKind.ADMINISTRATIVE) {
            administrative(c, r, officeCode, actor, source, redoable);
        } else {
            if (r.acceptedAt() != null) {
                // accepted in its year, under the ledger's number when it is one of the office's
                c.accept(r.acceptedAt());
                numbers.register(c, r.acceptedAt(), redoable);
                history.backfill(c, new CaseChange.Accepted(null, c.registerNumber(), source), CaseStatus.RECEIVED.name(),
                        c.status().name(), r.acceptedAt(), actor, officeCode);
            }
            OffsetDateTime assigned = r.acceptedAt() != null ? r.acceptedAt() : r.receivedAt();
            for (LedgerImport.Referral referral : referredLater) {
                refer(c, referral, actor, officeCode, source);
                if (referral.decision() == org.trilink.referrals.entity.ReferralStatus.ACCEPTED
                        && referral.decidedAt().isAfter(assigned)) {
                    // the mediators are the last office's: assigned when it took the case
                    assigned = referral.decidedAt();
                }
            }
            for (LedgerImport.Mediator m : r.mediators()) {
                mediation.backfillMediator(c, m.person(), m.capacity(), assigned, actor, officeCode, source, true);
            }
            if (r.outcome() != null) {
                String before = c.status().name();
                // no follow-up due date: a past outcome is never reminded of or flagged overdue; its
                // visits, if the ledger has them, come with it, and staff may record more
                if (r.outcome() == Outcome.SUCCESS) {
                    c.recordSuccess(r.concludedAt(), r.form(), r.agreement().terms(), r.agreement().amount(),
                            r.agreement().performanceDeadline(), null);
                } else {
                    c.recordFailure(r.concludedAt(), r.outcome(), null, null, null);
                }
                c.markAverted(r.averted());
                history.backfill(c, new CaseChange.LedgerOutcome(r.outcome(), r.form(), r.agreement().amount(), source,
                                r.averted()),
                        before, c.status().name(), r.concludedAt(), actor, officeCode);
                for (LedgerImport.Visit v : r.visits()) {
                    followUps.backfill(c, v.at(), v.method(), v.performance(), v.satisfaction(), actor, c.handlingOfficeCode(),
                            source);
                }
            }
        }
        if (r.closedAt() != null) {
            // the ledger says it was closed: history is not held to today's rule of a visit first
            String before = c.status().name();
            c.close(r.closedAt());
            history.backfill(c, new CaseChange.Closed(null, source), before, c.status().name(), r.closedAt(), actor,
                    officeCode);
        }
        return c;
    }

    private void refer(DisputeCase c, LedgerImport.Referral referral, String actor, String officeCode,
                       CaseChange.LedgerSource source) {
        referrals.backfill(c, referral.to(), referral.reason(), referral.sentAt(), referral.decision(),
                referral.decidedAt(), referral.rejection(), actor, officeCode, source);
    }

    /** 立案 at its date (with the register number of that year), then the resolution at its date. */
    private void administrative(DisputeCase c, LedgerImport.Row r, String officeCode, String actor,
                                CaseChange.LedgerSource source, boolean redoable) {
        if (r.filedAt() != null) {
            String before = c.status().name();
            c.fileAdministrative(r.filedAt());
            numbers.register(c, r.filedAt(), redoable);
            history.backfill(c, new CaseChange.AdminFiled(null, c.registerNumber(), source), before, c.status().name(),
                    r.filedAt(), actor, officeCode);
        }
        if (r.resolution() != null) {
            String before = c.status().name();
            c.resolveAdministrative(r.concludedAt(), r.resolution().name());
            history.backfill(c, new CaseChange.AdminResolved(r.resolution(), null, source), before, c.status().name(),
                    r.concludedAt(), actor, officeCode);
        }
    }

}
