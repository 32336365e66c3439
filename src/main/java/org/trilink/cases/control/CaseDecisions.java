package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.problem.ProblemException;

/**
 * The moves on the case itself: acceptance or decline, joint mediation, risk, closure, and the
 * administrative matter's own path. Each passes {@link CaseLifecycle#begin} and leaves an event.
 */
@ApplicationScoped
public class CaseDecisions {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseHistory history;

    @Inject
    CaseAccess access;

    @Inject
    OfficeCatalog offices;

    @Inject
    CaseMediation mediation;

    @Inject
    CaseNumbers numbers;

    /** 受理: the handling office takes the case on. */
    @Transactional
    public DisputeCase accept(String caseNumber, Long version, String note) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.ACCEPT, version);
        OffsetDateTime now = lifecycle.now();
        String before = c.status().name();
        c.accept(now);
        numbers.register(c, now);
        history.record(c, new CaseChange.Accepted(blankToNull(note), c.registerNumber()), before, c.status().name(), now);
        lifecycle.finish(c);
        return c;
    }

    /** 不予受理: with the reason and the guidance given to the parties (both required). */
    @Transactional
    public DisputeCase decline(String caseNumber, Long version, String reason, String guidance) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.DECLINE, version);
        OffsetDateTime now = lifecycle.now();
        String before = c.status().name();
        c.decline(now, reason.strip(), guidance.strip());
        history.record(c, new CaseChange.Declined(reason.strip(), guidance.strip()),
                before, c.status().name(), now);
        lifecycle.finish(c);
        return c;
    }

    /**
     * 联合调解: another office joins the case without it moving; its staff see the case and may
     * work on sessions and follow-ups.
     */
    @Transactional
    public DisputeCase invite(String caseNumber, Long version, String officeCode, String note) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.INVITE_OFFICE, version);
        Office office = offices.office(officeCode).filter(Office::active)
                .orElseThrow(() -> ProblemException.badRequest("officeCode", "unknown or inactive office"));
        OffsetDateTime now = lifecycle.now();
        CaseParticipant p = em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), office.code()));
        if (p != null && p.part() != CaseParticipant.Part.FORMER) {
            throw ProblemException.conflict("Office " + office.code() + " already takes part in case " + caseNumber + ".");
        }
        if (p == null) {
            em.persist(new CaseParticipant(c, office.code(), CaseParticipant.Part.JOINT, now));
        } else {
            p.changePart(CaseParticipant.Part.JOINT, now);
        }
        history.record(c, new CaseChange.Joined(office.code(), blankToNull(note) == null ? null : note.strip()),
                null, office.code(), now);
        lifecycle.finish(c);
        return c;
    }

    /** Raises or lowers the risk with a reason; a HIGH case shows on its office head's flag list. */
    @Transactional
    public DisputeCase changeRisk(String caseNumber, Long version, RiskLevel level, String reason) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.CHANGE_RISK, version);
        if (c.riskLevel() == level) {
            throw ProblemException.badRequest("level", "the case is already at risk level " + level);
        }
        OffsetDateTime now = lifecycle.now();
        String before = c.riskLevel().name();
        c.changeRisk(level);
        history.record(c, new CaseChange.RiskChanged(RiskLevel.valueOf(before), level, reason.strip()), before,
                level.name(), now);
        lifecycle.finish(c);
        return c;
    }

    /**
     * Corrects the particulars of the party at {@code position} (1 = the first party as listed).
     * Particulars that already read so are refused (400), so that the history holds only real corrections.
     */
    @Transactional
    public DisputeCase correctParty(String caseNumber, Long version, int position, PartyRole role, PartyKind kind,
                                    String name, String idNumber, String creditCode, String phone, String address,
                                    String reason) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.CORRECT_PARTY, version);
        if (position < 1 || position > c.parties().size()) {
            throw ProblemException.notFound("Case " + c.caseNumber() + " has no party " + position + ".");
        }
        Party party = c.parties().get(position - 1);
        if (party.role() != role || party.kind() != kind) {
            throw ProblemException.badRequest(party.role() != role ? "role" : "kind",
                    "a correction keeps the party's role and kind (" + party.role() + ", " + party.kind()
                            + "); a different party is a new case");
        }
        List<String> changed = party.correct(name.strip(), idNumber, creditCode, phone, address);
        if (changed.isEmpty()) {
            throw ProblemException.badRequest("name", "nothing to correct: party " + position + " already reads so");
        }
        OffsetDateTime now = lifecycle.now();
        history.record(c, new CaseChange.PartyCorrected(position, List.copyOf(changed),
                reason == null || reason.isBlank() ? null : reason.strip()), null, null, now);
        lifecycle.finish(c);
        return c;
    }

    /**
     * 结案. An agreement is closed only after at least one follow-up visit: whether it is being
     * performed is what the follow-up is for.
     */
    @Transactional
    public DisputeCase close(String caseNumber, Long version, String note) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.CLOSE, version);
        if (c.outcome() == Outcome.SUCCESS && followUps(c) == 0) {
            throw lifecycle.notAllowed(c, Move.CLOSE,
                    "An agreement is closed after its follow-up visit; record the follow-up first.");
        }
        OffsetDateTime now = lifecycle.now();
        String before = c.status().name();
        c.close(now);
        history.record(c, new CaseChange.Closed(blankToNull(note)), before, c.status().name(), now);
        lifecycle.finish(c);
        return c;
    }

    /** 立案: an administrative matter is formally filed. */
    @Transactional
    public DisputeCase file(String caseNumber, Long version, String note) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.FILE, version);
        OffsetDateTime now = lifecycle.now();
        String before = c.status().name();
        c.fileAdministrative(now);
        numbers.register(c, now);
        history.record(c, new CaseChange.AdminFiled(blankToNull(note), c.registerNumber()), before, c.status().name(), now);
        lifecycle.finish(c);
        return c;
    }

    /** 立案前化解: an administrative matter settled before it was filed. */
    @Transactional
    public DisputeCase resolveBeforeFiling(String caseNumber, Long version, String note) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.RESOLVE_BEFORE_FILING, version);
        return resolve(c, AdminResolution.RESOLVED_BEFORE_FILING, note);
    }

    /** How a filed administrative matter ended: mediated, withdrawn, upheld or corrected. */
    @Transactional
    public DisputeCase decide(String caseNumber, Long version, AdminResolution resolution, String note) {
        if (resolution == AdminResolution.RESOLVED_BEFORE_FILING) {
            throw ProblemException.badRequest("resolution",
                    "a filed matter ends MEDIATED, WITHDRAWN, UPHELD or CORRECTED");
        }
        DisputeCase c = lifecycle.begin(caseNumber, Move.DECIDE, version);
        return resolve(c, resolution, note);
    }

    private DisputeCase resolve(DisputeCase c, AdminResolution resolution, String note) {
        OffsetDateTime now = lifecycle.now();
        String before = c.status().name();
        c.resolveAdministrative(now, resolution.name());
        history.record(c, new CaseChange.AdminResolved(resolution,
                blankToNull(note) == null ? null : note.strip()), before,
                c.status().name(), now);
        lifecycle.finish(c);
        return c;
    }

    /** Open HIGH-risk cases an office handles or takes part in: the office head's flag list. */
    public List<DisputeCase> highRisk(String officeCode) {
        access.requireOfficeHead(officeCode);
        return em.createQuery("select c from DisputeCase c where c.riskLevel = :high and c.status not in :done"
                        + " and exists (select p from CaseParticipant p where p.caseId = c.id and p.officeCode = :office"
                        + " and p.part <> org.trilink.cases.entity.CaseParticipant.Part.FORMER)"
                        + " order by c.receivedAt desc", DisputeCase.class)
                .setParameter("high", RiskLevel.HIGH)
                .setParameter("done", List.of(CaseStatus.CLOSED, CaseStatus.DECLINED))
                .setParameter("office", officeCode)
                .setMaxResults(500)
                .getResultList();
    }

    private long followUps(DisputeCase c) {
        return mediation.visitCount(c.id());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
