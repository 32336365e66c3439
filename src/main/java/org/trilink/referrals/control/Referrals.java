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
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.CaseEventType;
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

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

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
        em.persist(r);
        em.flush();
        history.record(c, CaseEventType.REFERRED, "referral=" + r.id() + " to=" + target.code() + "; " + r.reason(),
                c.handlingOfficeCode(), target.code(), now);
        lifecycle.finish(c);
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
                em.persist(new CaseParticipant(c.id(), to, CaseParticipant.Part.HANDLING, now));
            } else {
                handling.changePart(CaseParticipant.Part.HANDLING, now);
            }
            c.handOverTo(to);
        }
        history.record(c, CaseEventType.REFERRAL_ACCEPTED, "referral=" + r.id() + origin(r), from, to, now);
        lifecycle.finish(c);
        return r;
    }

    /** The receiving office declines to take the case; it stays with the sender. */
    @Transactional
    public Referral reject(long referralId, Long version, String reason) {
        Referral r = pendingFor(referralId, Move.REJECT_REFERRAL);
        DisputeCase c = lifecycle.begin(caseNumberOf(r), Move.REJECT_REFERRAL, version);
        OffsetDateTime now = lifecycle.now();
        r.reject(now, user.username(), reason.strip());
        history.record(c, CaseEventType.REFERRAL_REJECTED, "referral=" + r.id() + origin(r) + "; " + reason.strip(),
                null, null, now);
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
        history.record(c, CaseEventType.REFERRAL_RECALLED, "referral=" + r.id() + " to=" + r.toOfficeCode()
                + (reason == null || reason.isBlank() ? "" : "; " + reason.strip()), null, null, now);
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

    /** The referrals of a case the caller may see, oldest first. */
    public List<Referral> ofCase(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        return em.createQuery("select r from Referral r where r.caseId = :id order by r.id", Referral.class)
                .setParameter("id", c.id()).getResultList();
    }

    /** An office's inbox: pending for it, overdue either way, its own pending ones, and the recently decided. */
    public record Inbox(String officeCode, List<Referral> pending, List<Referral> overdue, List<Referral> sent,
                        List<Referral> recentlyDecided) {
    }

    public Inbox inbox(String officeCode) {
        access.requireOfficeDesk(officeCode);
        OffsetDateTime since = lifecycle.now().minus(RECENT);
        return new Inbox(officeCode,
                list("r.toOfficeCode = :office and r.status = :pending order by r.deadline, r.id", officeCode, null),
                list("(r.toOfficeCode = :office or r.fromOfficeCode = :office) and r.status = :pending and r.overdue = true"
                        + " order by r.deadline, r.id", officeCode, null),
                list("r.fromOfficeCode = :office and r.status = :pending order by r.sentAt desc, r.id desc", officeCode,
                        null),
                list("(r.toOfficeCode = :office or r.fromOfficeCode = :office) and r.status <> :pending"
                        + " and r.decidedAt >= :since order by r.decidedAt desc, r.id desc", officeCode, since));
    }

    /** Overdue referrals: all of them for the district admin, those to or from the caller's office for staff. */
    public List<Referral> overdue() {
        access.requireCaseWorker();
        if (user.admin()) {
            return em.createQuery("select r from Referral r where r.status = :pending and r.overdue = true"
                            + " order by r.deadline, r.id", Referral.class)
                    .setParameter("pending", ReferralStatus.PENDING).setMaxResults(1000).getResultList();
        }
        return list("(r.toOfficeCode = :office or r.fromOfficeCode = :office) and r.status = :pending"
                + " and r.overdue = true order by r.deadline, r.id", user.officeCode() == null ? "-" : user.officeCode(), null);
    }

    private List<Referral> list(String where, String office, OffsetDateTime since) {
        var q = em.createQuery("select r from Referral r where " + where, Referral.class)
                .setParameter("office", office)
                .setParameter("pending", ReferralStatus.PENDING);
        if (since != null) {
            q.setParameter("since", since);
        }
        return q.setMaxResults(200).getResultList();
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

    private static String origin(Referral r) {
        return r.fromPartner() != null ? " from partner " + r.fromPartner() : " from=" + r.fromOfficeCode();
    }
}
