package org.trilink.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseDecisions;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.control.CaseQueries;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.referrals.entity.Referral;
import org.trilink.referrals.entity.ReferralStatus;

/**
 * Referrals between offices: send, accept (the receiving office becomes the handling office,
 * the sender a former one), reject (the case stays), recall. A referral from a partner agency
 * ({@code fromPartner}, no sending office) is decided the same way. A case has at most one
 * pending referral: the state table pauses REFER while one is pending.
 */
@ApplicationScoped
public class Referrals {

    static final Duration RECENT = Duration.ofDays(14);

    /** How many of a list the inbox shows at once, unless paged. */
    public static final int LISTED = 200;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

    @Inject
    CaseDecisions decisions;

    @Inject
    OfficeCatalog offices;

    @Inject
    ReferralDeadlines deadlines;

    @Inject
    CurrentUser user;

    /**
     * Sends the case to another office. The deadline is the receiving office's default; the
     * sender may ask for an earlier one (an urgent referral), never a later or a past one.
     */
    @Transactional
    public Referral refer(String caseNumber, Long version, String toOfficeCode, String reason,
                          OffsetDateTime requestedDeadline) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.REFER, version);
        Office target = offices.office(toOfficeCode).filter(Office::active)
                .orElseThrow(() -> ProblemException.badRequest("toOfficeCode", "unknown or inactive office"));
        if (target.code().equals(c.handlingOfficeCode())) {
            throw ProblemException.badRequest("toOfficeCode", "the case is already handled by " + target.code());
        }
        OffsetDateTime now = lifecycle.now();
        OffsetDateTime deadline = deadlines.deadlineFor(target, now);
        if (requestedDeadline != null) {
            if (!requestedDeadline.isAfter(now)) {
                throw ProblemException.badRequest("deadline", "must be in the future");
            }
            if (requestedDeadline.isAfter(deadline)) {
                throw ProblemException.badRequest("deadline", "must not be later than the receiving office's "
                        + "deadline " + deadline);
            }
            deadline = requestedDeadline;
        }
        Referral r = new Referral(c.id(), c.handlingOfficeCode(), target.code(), reason.strip(), now,
                user.username(), deadline);
        if (requestedDeadline == null) {
            r.countedIn(deadlines.hoursFor(target));
        }
        em.persist(r);
        em.flush();
        history.record(c, new CaseChange.Referred(r.id(), c.handlingOfficeCode(), target.code(), r.deadline(),
                r.reason()), c.handlingOfficeCode(), target.code(), now);
        lifecycle.finish(c);
        return r;
    }

    /**
     * A referral entered after the fact (补录, from an office's ledger), sent and, when the ledger
     * says so, decided at its own dates, in the caller's transaction; an accepted one hands the
     * case over as a live acceptance does. Nothing is sent for it. One still pending gets its
     * deadline from the working calendar counted from the import, not from its past sending (and
     * not counted again by a calendar change), so that the timer does not find it overdue at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral backfill(DisputeCase c, String toOfficeCode, String reason, OffsetDateTime sentAt,
                             ReferralStatus decision, OffsetDateTime decidedAt, String rejectionReason, String actor,
                             String actorOfficeCode, CaseChange.LedgerSource ledger) {
        Office target = offices.office(toOfficeCode)
                .orElseThrow(() -> ProblemException.badRequest("referralTo", "unknown office"));
        String from = c.handlingOfficeCode();
        OffsetDateTime deadline = deadlines.deadlineFor(target,
                decision == ReferralStatus.PENDING ? lifecycle.now() : sentAt);
        Referral r = new Referral(c.id(), from, target.code(), reason, sentAt, actor, deadline);
        em.persist(r);
        if (r.id() == null) {
            // its id normally comes from the sequence at persist, and the row is written with the
            // rest of the caller's batch (a ledger chunk) instead of flushing it here
            em.flush();
        }
        history.backfill(c, new CaseChange.Referred(r.id(), from, target.code(), deadline, reason, ledger), from,
                target.code(), sentAt, actor, actorOfficeCode);
        switch (decision) {
            case ACCEPTED -> {
                r.accept(decidedAt, actor);
                CaseParticipant former = em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), from));
                if (former != null) {
                    former.changePart(CaseParticipant.Part.FORMER, decidedAt);
                }
                CaseParticipant handling = em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), target.code()));
                if (handling == null) {
                    em.persist(new CaseParticipant(c, target.code(), CaseParticipant.Part.HANDLING, decidedAt));
                } else {
                    handling.changePart(CaseParticipant.Part.HANDLING, decidedAt);
                }
                c.handOverTo(target.code());
                history.backfill(c, new CaseChange.ReferralAccepted(r.id(), from, null, target.code(), ledger), from,
                        target.code(), decidedAt, actor, actorOfficeCode);
            }
            case REJECTED -> {
                r.reject(decidedAt, actor, rejectionReason);
                history.backfill(c, new CaseChange.ReferralRejected(r.id(), from, null, rejectionReason, ledger), null,
                        null, decidedAt, actor, actorOfficeCode);
            }
            case RECALLED -> {
                r.recall(decidedAt, actor);
                history.backfill(c, new CaseChange.ReferralRecalled(r.id(), target.code(), null, ledger), null, null,
                        decidedAt, actor, actorOfficeCode);
            }
            case PENDING -> {
            }
        }
        return r;
    }

    /** The receiving office takes the case over; it keeps its state (e.g. RECEIVED, to be accepted). */
    @Transactional
    public Referral accept(long referralId, Long version) {
        Referral r = pendingFor(referralId, Move.ACCEPT_REFERRAL);
        DisputeCase c = lifecycle.begin(caseNumberOf(r), Move.ACCEPT_REFERRAL, version);
        OffsetDateTime now = lifecycle.now();
        String from = c.handlingOfficeCode();
        String to = r.toOfficeCode();
        r.accept(now, user.username());
        if (!to.equals(from)) {
            CaseParticipant former = em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), from));
            if (former != null) {
                former.changePart(CaseParticipant.Part.FORMER, now);
            }
            CaseParticipant handling = em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), to));
            if (handling == null) {
                em.persist(new CaseParticipant(c, to, CaseParticipant.Part.HANDLING, now));
            } else {
                handling.changePart(CaseParticipant.Part.HANDLING, now);
            }
            c.handOverTo(to);
        }
        history.record(c, new CaseChange.ReferralAccepted(r.id(), r.fromOfficeCode(), r.fromPartner(), to), from, to,
                now);
        lifecycle.finish(c);
        return r;
    }

    /** A referral accepted, and whether the case was taken on (受理) with it. */
    public record Accepted(Referral referral, boolean caseAccepted) {
    }

    /**
     * The receiving office takes the case over and, where it may now take the case on (受理: a
     * case still waiting for acceptance), takes it on in the same step: two changes, recorded as
     * the referral's acceptance and the case's, in one transaction, so neither is left half done.
     */
    @Transactional
    public Accepted acceptTakingOn(long referralId, Long version) {
        Referral r = accept(referralId, version);
        String caseNumber = caseNumberOf(r);
        boolean takeOn = lifecycle.actionsFor(caseNumber).contains(Move.ACCEPT);
        if (takeOn) {
            decisions.accept(caseNumber, null, null);
        }
        return new Accepted(r, takeOn);
    }

    /** The receiving office declines to take the case; it stays with the sender. */
    @Transactional
    public Referral reject(long referralId, Long version, String reason) {
        Referral r = pendingFor(referralId, Move.REJECT_REFERRAL);
        DisputeCase c = lifecycle.begin(caseNumberOf(r), Move.REJECT_REFERRAL, version);
        OffsetDateTime now = lifecycle.now();
        r.reject(now, user.username(), reason.strip());
        history.record(c, new CaseChange.ReferralRejected(r.id(), r.fromOfficeCode(), r.fromPartner(),
                reason.strip()), null, null, now);
        lifecycle.finish(c);
        return r;
    }

    /** The sending office takes a pending referral back. */
    @Transactional
    public Referral recall(long referralId, Long version, String reason) {
        Referral r = pendingFor(referralId, Move.RECALL_REFERRAL);
        DisputeCase c = lifecycle.begin(caseNumberOf(r), Move.RECALL_REFERRAL, version);
        OffsetDateTime now = lifecycle.now();
        r.recall(now, user.username());
        history.record(c, new CaseChange.ReferralRecalled(r.id(), r.toOfficeCode(),
                reason == null || reason.isBlank() ? null : reason.strip()), null, null, now);
        lifecycle.finish(c);
        return r;
    }

    /** One referral, for the admin and the offices at either end of it, or taking part in its case; else 404. */
    public Referral visible(long referralId) {
        access.requireCaseWorker();
        Referral r = em.find(Referral.class, referralId);
        if (r == null || !(user.admin() || Objects.equals(user.officeCode(), r.toOfficeCode())
                || Objects.equals(user.officeCode(), r.fromOfficeCode())
                || access.takesPart(em.find(DisputeCase.class, r.caseId())))) {
            throw ProblemException.notFound("No referral " + referralId + " that you may see.");
        }
        return r;
    }

    public String caseNumberOf(Referral r) {
        return em.find(DisputeCase.class, r.caseId()).caseNumber();
    }

    public long caseVersionOf(Referral r) {
        return em.find(DisputeCase.class, r.caseId()).version();
    }

    /**
     * The referrals of a case the caller may see, oldest first: by the time sent, since ids come
     * in per-instance blocks (CaseHistory.of says why).
     */
    public List<Referral> ofCase(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        return em.createQuery("select r from Referral r where r.caseId = :id order by r.sentAt, r.id", Referral.class)
                .setParameter("id", c.id()).getResultList();
    }

    /**
     * A list of referrals as far as it is shown, and how many there are in all: a list that
     * shows fewer than its total says so, so that no referral is hidden without a word.
     */
    public record Listed(List<Referral> items, long total) {
    }

    /** An office's inbox: pending for it, overdue either way, its own pending ones, and the recently decided. */
    public record Inbox(String officeCode, Listed pending, Listed overdue, Listed sent, Listed recentlyDecided) {
    }

    /** The first {@link #LISTED} of each list of the inbox. */
    public Inbox inbox(String officeCode) {
        return inbox(officeCode, null, 0, LISTED);
    }

    /**
     * An office's inbox, the pending referrals paged ({@code first}, {@code size}); the other
     * lists are the first {@link #LISTED}. {@code search} narrows every list to the referrals
     * whose case number is it, or whose reason contains it.
     */
    public Inbox inbox(String officeCode, String search, int first, int size) {
        access.requireOfficeDesk(officeCode);
        OffsetDateTime since = lifecycle.now().minus(RECENT);
        Where filter = new Where(officeCode, since, search);
        return new Inbox(officeCode, filter.list(PENDING_FOR, "r.deadline, r.id", first, size),
                filter.list("(r.toOfficeCode = :office or r.fromOfficeCode = :office) and r.status = :pending"
                        + " and r.overdue = true", "r.deadline, r.id", 0, LISTED),
                filter.list(SENT_BY, "r.sentAt desc, r.id desc", 0, LISTED),
                filter.list("(r.toOfficeCode = :office or r.fromOfficeCode = :office) and r.status <> :pending"
                        + " and r.decidedAt >= :since", "r.decidedAt desc, r.id desc", 0, LISTED));
    }

    /** The referrals waiting for an office's decision, soonest deadline first, a page of them and their total. */
    public Listed pending(String officeCode, String search, int first, int size) {
        access.requireOfficeDesk(officeCode);
        return new Where(officeCode, null, search).list(PENDING_FOR, "r.deadline, r.id", first, size);
    }

    /** The referrals an office sent that still wait for the receiver's decision, newest first, a page and the total. */
    public Listed sent(String officeCode, String search, int first, int size) {
        access.requireOfficeDesk(officeCode);
        return new Where(officeCode, null, search).list(SENT_BY, "r.sentAt desc, r.id desc", first, size);
    }

    private static final String PENDING_FOR = "r.toOfficeCode = :office and r.status = :pending";
    private static final String SENT_BY = "r.fromOfficeCode = :office and r.status = :pending";

    /** Overdue referrals: all of them for the district admin, those to or from the caller's office for staff. */
    public List<Referral> overdue() {
        access.requireCaseWorker();
        if (user.admin()) {
            return new Where(null, null, null).list("r.status = :pending and r.overdue = true", "r.deadline, r.id",
                    0, 1000).items();
        }
        return new Where(user.officeCode() == null ? "-" : user.officeCode(), null, null)
                .list("(r.toOfficeCode = :office or r.fromOfficeCode = :office) and r.status = :pending"
                        + " and r.overdue = true", "r.deadline, r.id", 0, LISTED).items();
    }

    /** The office, moment and search text that the inbox's lists share. */
    private final class Where {
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final String search;

        Where(String office, OffsetDateTime since, String text) {
            params.put("pending", ReferralStatus.PENDING);
            if (office != null) {
                params.put("office", office);
            }
            if (since != null) {
                params.put("since", since);
            }
            if (text != null && !text.isBlank()) {
                params.put("number", text.strip().toUpperCase());
                params.put("text", "%" + CaseQueries.escapeLike(text.strip().toLowerCase()) + "%");
                search = " and (c.caseNumber = :number or lower(r.reason) like :text)";
            } else {
                search = "";
            }
        }

        Listed list(String where, String order, int first, int size) {
            String from = search.isEmpty() ? " from Referral r where " + where
                    : " from Referral r, DisputeCase c where c.id = r.caseId and " + where + search;
            var count = em.createQuery("select count(r)" + from, Long.class);
            var page = em.createQuery("select r" + from + " order by " + order, Referral.class);
            params.forEach((name, value) -> {
                if (from.contains(":" + name)) {
                    count.setParameter(name, value);
                    page.setParameter(name, value);
                }
            });
            List<Referral> items = page.setFirstResult(first).setMaxResults(size).getResultList();
            // a short first page is the whole list: no count needed
            long total = first == 0 && items.size() < size ? items.size() : count.getSingleResult();
            return new Listed(items, total);
        }
    }

    /** The referral, which must still be pending: a decided one answers 409 and says how it was decided. */
    private Referral pendingFor(long referralId, Move move) {
        Referral r = visible(referralId);
        if (r.status() != ReferralStatus.PENDING) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("move", move.name());
            ext.put("referralStatus", r.status().name());
            ext.put("allowedMoves", List.of());
            throw new ProblemException(Problem.of(409, "Conflict", "Referral " + referralId + " is already "
                    + r.status() + "; it can no longer be decided or recalled.").withExtensions(ext));
        }
        return r;
    }
}
