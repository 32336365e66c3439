package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.PersonalDataView;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Role;

/**
 * The one place that decides who may see a case. Staff see cases their office handles or
 * takes part in; the district admin sees every case; drafters see none. A case the caller
 * may not see answers 404, so that its existence is not revealed.
 */
@ApplicationScoped
public class CaseAccess {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    CaseReferrals referrals;

    /** The case, if the caller may see it; otherwise 404. */
    public DisputeCase visible(String caseNumber) {
        requireCaseWorker();
        DisputeCase c = em.createQuery("select c from DisputeCase c where c.caseNumber = :n", DisputeCase.class)
                .setParameter("n", caseNumber)
                .getResultStream().findFirst()
                .orElseThrow(() -> noSuchCase(caseNumber));
        if (!user.admin() && !takesPart(c) && !receivesReferral(c)) {
            throw noSuchCase(caseNumber);
        }
        return c;
    }

    /**
     * The case, loaded for a move: 403 for drafters, 404 if the caller may not see it, 403 if
     * the caller sees it but the move is not theirs to make (e.g. a joint office closing the
     * case, or the district admin, who oversees but does not act for an office). Whether the
     * state allows the move is the lifecycle's question, asked after this one.
     */
    public DisputeCase forMove(String caseNumber, Move move) {
        DisputeCase c = visible(caseNumber);
        if (!mayMake(c, move, pendingReferral(c))) {
            throw ProblemException.forbidden(switch (move.who()) {
                case HANDLING -> "Only staff of the office handling the case may " + words(move) + ".";
                case PARTICIPANT -> "Only staff of an office taking part in the case may " + words(move) + ".";
                case RECEIVING -> "Only staff of the office the referral is addressed to may " + words(move) + ".";
                case SENDING -> "Only staff of the office that sent the referral may " + words(move) + ".";
            } + (user.admin() ? " The district admin oversees cases but does not act for an office." : ""));
        }
        return c;
    }

    /**
     * Whether the caller's office stands where the move needs it. A referral move without a
     * pending referral passes here, so that the lifecycle answers it with 409 and the moves allowed.
     */
    public boolean mayMake(DisputeCase c, Move move, Optional<PendingReferral> pending) {
        String office = user.officeCode();
        if (user.admin() || office == null || !(user.is(Role.STAFF) || user.is(Role.OFFICE_HEAD))) {
            return false;
        }
        return switch (move.who()) {
            case HANDLING -> office.equals(c.handlingOfficeCode()) && takesPart(c);
            case PARTICIPANT -> takesPart(c);
            case RECEIVING -> pending.map(p -> office.equals(p.toOfficeCode())).orElse(takesPart(c));
            case SENDING -> pending.map(p -> office.equals(p.fromOfficeCode())).orElse(takesPart(c));
        };
    }

    /** How the caller's office stands to a case: HANDLING, JOINT, FORMER, or empty. */
    public Optional<CaseParticipant.Part> standing(DisputeCase c) {
        String office = user.officeCode();
        if (office == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), office)))
                .map(CaseParticipant::part);
    }

    /** A referral of the case waiting for the receiving office's decision (there is at most one). */
    public record PendingReferral(long id, String fromOfficeCode, String fromPartner, String toOfficeCode) {
    }

    public Optional<PendingReferral> pendingReferral(DisputeCase c) {
        return referrals.pending(c.id());
    }

    /** Staff of an office a pending referral is addressed to may see the case, to decide on it. */
    public boolean receivesReferral(DisputeCase c) {
        String office = user.officeCode();
        return office != null && pendingReferral(c).map(p -> office.equals(p.toOfficeCode())).orElse(false);
    }

    /** Lists per office (inbox, overdue follow-ups): staff of that office and the admin; others 403. */
    public void requireOfficeDesk(String officeCode) {
        requireCaseWorker();
        if (!user.admin() && !java.util.Objects.equals(officeCode, user.officeCode())) {
            throw ProblemException.forbidden("You see the lists of your own office only.");
        }
    }

    /** The office head's flags (high risk): the head of that office and the admin; others 403. */
    public void requireOfficeHead(String officeCode) {
        requireCaseWorker();
        if (!user.admin() && !(user.is(Role.OFFICE_HEAD) && java.util.Objects.equals(officeCode, user.officeCode()))) {
            throw ProblemException.forbidden("Only the head of office " + officeCode + " and the district admin see its flags.");
        }
    }

    private static String words(Move move) {
        return move.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Drafters work on statistics only; every case endpoint refuses them. */
    public void requireCaseWorker() {
        if (!user.admin() && !user.is(Role.STAFF) && !user.is(Role.OFFICE_HEAD)) {
            throw ProblemException.forbidden("Your role does not work on cases.");
        }
    }

    /** Whether the caller's office handles or jointly mediates the case (not: handled it once). */
    public boolean takesPart(DisputeCase c) {
        return takesPart(c.id());
    }

    private boolean takesPart(long caseId) {
        String office = user.officeCode();
        if (office == null) {
            return false;
        }
        CaseParticipant p = em.find(CaseParticipant.class, new CaseParticipant.Key(caseId, office));
        return p != null && p.part() != CaseParticipant.Part.FORMER;
    }

    /** Whether the case is in the caller's lists (what {@link #participationsJoin} selects), by its id. */
    public boolean mayList(long caseId) {
        return user.admin() || takesPart(caseId);
    }

    /**
     * Full ID numbers and phones are for staff of an office taking part in the case. Each
     * time they are shown, who saw them is recorded.
     */
    @Transactional
    public boolean revealPersonalData(DisputeCase c, String purpose) {
        if (!takesPart(c)) {
            return false;
        }
        // persisted, not inserted by a native statement, which would flush the transaction's
        // pending writes first: the row goes to the database with them, at commit
        em.persist(new PersonalDataView(c.id(), user.username(), user.officeCode(), OffsetDateTime.now(Clock.systemUTC()),
                purpose));
        return true;
    }

    /** The caller's office takes part (alias {@code p}, bound by {@link #bindVisibility}). */
    private static final String TAKES_PART = "p.officeCode = :accessOffice"
            + " and p.part <> org.trilink.cases.entity.CaseParticipant.Part.FORMER";

    /**
     * How many cases, at most {@code cap + 1}, the caller may see at all: for staff, their office's
     * participations, counted from case_participant alone (its index), without reading cases.
     * Empty for the district admin, who sees every case.
     */
    public java.util.OptionalLong countVisibleUpTo(int cap) {
        if (user.admin()) {
            return java.util.OptionalLong.empty();
        }
        TypedQuery<Long> participations = em.createQuery("select p.caseId from CaseParticipant p where " + TAKES_PART,
                Long.class);
        bindVisibility(participations);
        return java.util.OptionalLong.of(participations.setMaxResults(cap + 1).getResultList().size());
    }

    /**
     * Whether the caller's lists are their office's participations (staff) rather than every case
     * (the district admin): such a list is read from the participations, joined as
     * {@link #participationsJoin()}, in their order ({@link #LIST_ORDER}).
     */
    public boolean listsParticipations() {
        return !user.admin();
    }

    /**
     * The caller's participations joined to a case query's {@code from DisputeCase c} (alias
     * {@code p}, one row per case: an office takes part in a case once), bound by
     * {@link #bindVisibility}. With {@link #LIST_ORDER} PostgreSQL reads the office's cases newest
     * first from the index of its participations and stops at the page's end, where {@code c.id in
     * (...)} walked every case newest first: 1 s for a police station's first page at 10 M cases, 29
     * s for a rare dispute type (docs/benchmarks.md).
     */
    public static String participationsJoin() {
        return ", CaseParticipant p where p.caseId = c.id and " + TAKES_PART;
    }

    /** A list's default order (newest first) over the participations of {@link #participationsJoin()}. */
    public static final String LIST_ORDER = " order by p.caseReceivedAt desc, p.caseId desc";

    public void bindVisibility(TypedQuery<?> query) {
        if (!user.admin()) {
            query.setParameter("accessOffice", user.officeCode() == null ? "-" : user.officeCode());
        }
    }

    private static ProblemException noSuchCase(String caseNumber) {
        return ProblemException.notFound("No case " + caseNumber + " that you may see.");
    }
}
