package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trilink.cases.entity.CaseMoves;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * The gate every move on a case passes, in this order: may the caller see the case (404), is
 * the move theirs (403), is their copy current (409 with {@code currentVersion}), does the
 * state allow the move (409 with {@code allowedMoves}). A move that passes bumps the case's
 * version, so two people working on one case never overwrite each other, even when the move
 * writes only to another table (a session, a referral).
 */
@ApplicationScoped
public class CaseLifecycle {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseAccess access;

    Clock clock = Clock.systemUTC();

    /**
     * Loads the case for a move and checks everything; call inside the move's transaction.
     *
     * @param expectedVersion the version the caller's copy has; null skips that check (only
     *                        for callers that just read the case in the same transaction)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisputeCase begin(String caseNumber, Move move, Long expectedVersion) {
        DisputeCase c = access.forMove(caseNumber, move);
        requireVersion(c, expectedVersion);
        Optional<CaseAccess.PendingReferral> pending = access.pendingReferral(c);
        if (!CaseMoves.allows(c.matterKind(), c.status(), pending.isPresent(), move)) {
            throw notAllowed(c, move, pending.isPresent()
                    ? "A referral of this case is pending; " + words(move) + " waits for the receiving office's decision."
                    : "Case " + c.caseNumber() + " is " + c.status() + "; " + words(move) + " is not possible now.");
        }
        em.lock(c, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return c;
    }

    /** Writes the move now, so that a concurrent one is found here (409) rather than at commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(DisputeCase c) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw stale(c.caseNumber(), null);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw stale(c.caseNumber(), null);
            }
            throw e;
        }
    }

    public void requireVersion(DisputeCase c, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.version()) {
            throw stale(c.caseNumber(), c.version());
        }
    }

    /** 409 for a move the state does not allow, listing the moves the caller may make instead. */
    public ProblemException notAllowed(DisputeCase c, Move move, String detail) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("move", move.name());
        ext.put("status", c.status().name());
        ext.put("allowedMoves", actionsFor(c).stream().map(Move::name).toList());
        return new ProblemException(Problem.of(409, "Conflict", detail).withExtensions(ext));
    }

    /** The moves the caller may make on this case now: the state allows them and they are the caller's. */
    public List<Move> actionsFor(DisputeCase c) {
        Optional<CaseAccess.PendingReferral> pending = access.pendingReferral(c);
        Set<Move> allowed = CaseMoves.allowed(c.matterKind(), c.status(), pending.isPresent());
        List<Move> mine = new ArrayList<>();
        for (Move m : allowed) {
            if (access.mayMake(c, m, pending) && (pending.isPresent() || !isReferralMove(m))) {
                mine.add(m);
            }
        }
        return mine;
    }

    /** For the portal: the case (if visible) and what the caller may do with it now. */
    public List<Move> actionsFor(String caseNumber) {
        return actionsFor(access.visible(caseNumber));
    }

    /** Now, to the microsecond as both databases keep it: a time answered is the time stored. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static boolean isReferralMove(Move m) {
        return m == Move.ACCEPT_REFERRAL || m == Move.REJECT_REFERRAL || m == Move.RECALL_REFERRAL;
    }

    private ProblemException stale(String caseNumber, Long current) {
        Long version = current;
        if (version == null) {
            try {
                version = ((Number) em.createNativeQuery("select version from dispute_case where case_number = ?")
                        .setParameter(1, caseNumber).getSingleResult()).longValue();
            } catch (RuntimeException ignored) {
                // the transaction may be unusable after the failed write; the client reloads anyway
            }
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("currentVersion", version);
        return new ProblemException(Problem.of(409, "Conflict", "Case " + caseNumber
                + " was changed meanwhile; reload it (current version " + version + ") and try again. Nothing was changed.")
                .withExtensions(ext));
    }

    static String words(Move move) {
        return move.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
