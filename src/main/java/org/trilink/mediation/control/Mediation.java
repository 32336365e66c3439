package org.trilink.mediation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.mediation.entity.CaseMediator;
import org.trilink.mediation.entity.MediationSession;
import org.trilink.mediation.entity.MediatorCapacity;
import org.trilink.mediation.entity.SessionStatus;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/** Mediators and sessions of a case. Sessions are the work of every office taking part. */
@ApplicationScoped
public class Mediation {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

    @Inject
    StaffDirectory staff;

    public record Mediator(String username, String displayName, String officeCode, MediatorCapacity capacity) {
    }

    /**
     * Assigns a person of an office taking part in the case (invite a law firm first to assign
     * its lawyer). The first assignment to an accepted case starts mediation.
     */
    @Transactional
    public DisputeCase assignMediator(String caseNumber, Long version, String username, MediatorCapacity capacity) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.ASSIGN_MEDIATOR, version);
        Staff person = staff.byUsername(username).filter(Staff::active)
                .orElseThrow(() -> ProblemException.badRequest("username", "no such active staff member"));
        CaseParticipant part = person.officeCode() == null ? null
                : em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), person.officeCode()));
        if (part == null || part.part() == CaseParticipant.Part.FORMER) {
            throw ProblemException.badRequest("username", "works for an office that does not take part in the case;"
                    + " invite the office first");
        }
        if (em.find(CaseMediator.class, new CaseMediator.Key(c.id(), person.id())) != null) {
            throw ProblemException.conflict(username + " already mediates case " + caseNumber + ".");
        }
        em.persist(new CaseMediator(c.id(), person.id(), capacity));
        OffsetDateTime now = lifecycle.now();
        history.record(c, new CaseChange.MediatorAssigned(username, capacity.name(), person.officeCode()),
                null, null, now);
        if (c.status() == CaseStatus.ACCEPTED) {
            start(c, now);
        }
        lifecycle.finish(c);
        return c;
    }

    /**
     * A mediator entered after the fact (补录, from an office's ledger), as assigned when the case
     * was accepted, in the caller's transaction; the case's state is the ledger's, not moved here.
     * The person's office must take part in the case. Nothing is sent for it. {@code newCase}: the
     * case was registered in this transaction, with mediators all different, so none is looked
     * for in the database first (a query for every mediator of every ledger row).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void backfillMediator(DisputeCase c, Staff person, MediatorCapacity capacity, OffsetDateTime at,
                                 String actor, String officeCode, CaseChange.LedgerSource ledger, boolean newCase) {
        if (!newCase && em.find(CaseMediator.class, new CaseMediator.Key(c.id(), person.id())) != null) {
            return;
        }
        em.persist(new CaseMediator(c.id(), person.id(), capacity));
        history.backfill(c, new CaseChange.MediatorAssigned(person.username(), capacity.name(), person.officeCode(),
                ledger), null, null, at, actor, officeCode);
        if (c.status() == CaseStatus.ACCEPTED) {
            // as a live assignment does: the first mediator of an accepted case starts mediation
            c.startMediation(at);
            history.backfill(c, new CaseChange.MediationStarted(ledger), CaseStatus.ACCEPTED.name(),
                    c.status().name(), at, actor, officeCode);
        }
    }

    @Transactional
    public DisputeCase startMediation(String caseNumber, Long version) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.START_MEDIATION, version);
        start(c, lifecycle.now());
        lifecycle.finish(c);
        return c;
    }

    private void start(DisputeCase c, OffsetDateTime now) {
        String before = c.status().name();
        c.startMediation(now);
        history.record(c, new CaseChange.MediationStarted(), before, c.status().name(), now);
    }

    /** Who may be assigned: active staff of the offices taking part in the case (invite an office first). */
    public List<Staff> candidates(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        return em.createQuery("select s from Staff s, CaseParticipant p where p.caseId = :id and p.part <> :former"
                        + " and s.officeCode = p.officeCode and s.active = true order by s.officeCode, s.username",
                        Staff.class)
                .setParameter("id", c.id()).setParameter("former", CaseParticipant.Part.FORMER).getResultList();
    }

    public List<Mediator> mediators(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        List<Object[]> rows = em.createQuery("select s, m.capacity from CaseMediator m, Staff s"
                        + " where m.caseId = :id and s.id = m.staffId order by s.username", Object[].class)
                .setParameter("id", c.id()).getResultList();
        return rows.stream().map(r -> {
            Staff s = (Staff) r[0];
            return new Mediator(s.username(), s.displayName(), s.officeCode(), (MediatorCapacity) r[1]);
        }).toList();
    }

    @Transactional
    public MediationSession schedule(String caseNumber, Long version, OffsetDateTime at, String place,
                                     String participants) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.SCHEDULE_SESSION, version);
        if (at.isBefore(c.receivedAt())) {
            throw ProblemException.badRequest("scheduledAt", "must not be before the case was received");
        }
        MediationSession s = new MediationSession(c.id(), at, place.strip(), blankToNull(participants));
        em.persist(s);
        em.flush();
        history.record(c, new CaseChange.SessionScheduled(s.id(), at, s.place()),
                null, SessionStatus.SCHEDULED.name(), lifecycle.now());
        lifecycle.finish(c);
        return s;
    }

    @Transactional
    public MediationSession reschedule(String caseNumber, Long version, long sessionId, OffsetDateTime at,
                                       String place, String participants, String reason) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.RESCHEDULE_SESSION, version);
        MediationSession s = scheduled(c, sessionId, Move.RESCHEDULE_SESSION);
        if (at.isBefore(c.receivedAt())) {
            throw ProblemException.badRequest("scheduledAt", "must not be before the case was received");
        }
        String before = s.scheduledAt() + " " + s.place();
        s.reschedule(at, blankToNull(place), blankToNull(participants));
        history.record(c, new CaseChange.SessionRescheduled(s.id(),
                        blankToNull(reason) == null ? null : reason.strip()), before,
                s.scheduledAt() + " " + s.place(), lifecycle.now());
        lifecycle.finish(c);
        return s;
    }

    @Transactional
    public MediationSession cancel(String caseNumber, Long version, long sessionId, String reason) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.CANCEL_SESSION, version);
        MediationSession s = scheduled(c, sessionId, Move.CANCEL_SESSION);
        s.cancel(reason.strip());
        history.record(c, new CaseChange.SessionCancelled(s.id(), reason.strip()),
                SessionStatus.SCHEDULED.name(), SessionStatus.CANCELLED.name(), lifecycle.now());
        lifecycle.finish(c);
        return s;
    }

    /** Records that a session took place: notes (调解笔录) and who attended. */
    @Transactional
    public MediationSession recordHeld(String caseNumber, Long version, long sessionId, OffsetDateTime heldAt,
                                       String notes, String attendance) {
        DisputeCase c = lifecycle.begin(caseNumber, Move.RECORD_SESSION, version);
        MediationSession s = scheduled(c, sessionId, Move.RECORD_SESSION);
        OffsetDateTime now = lifecycle.now();
        OffsetDateTime at = heldAt != null ? heldAt : (s.scheduledAt().isAfter(now) ? now : s.scheduledAt());
        if (at.isAfter(now.plusMinutes(5))) {
            throw ProblemException.badRequest("heldAt", "must not be in the future");
        }
        s.held(at, notes.strip(), blankToNull(attendance));
        history.record(c, new CaseChange.SessionHeld(s.id(), at),
                SessionStatus.SCHEDULED.name(), SessionStatus.HELD.name(), now);
        lifecycle.finish(c);
        return s;
    }

    public List<MediationSession> sessions(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        return em.createQuery("select s from MediationSession s where s.caseId = :id order by s.scheduledAt, s.id",
                MediationSession.class).setParameter("id", c.id()).getResultList();
    }

    /** A session of this case that is still scheduled: another case's answers 404, a held or cancelled one 409. */
    private MediationSession scheduled(DisputeCase c, long sessionId, Move move) {
        MediationSession s = em.find(MediationSession.class, sessionId);
        if (s == null || !s.caseId().equals(c.id())) {
            throw ProblemException.notFound("No session " + sessionId + " in case " + c.caseNumber() + ".");
        }
        if (s.status() != SessionStatus.SCHEDULED) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("move", move.name());
            ext.put("sessionStatus", s.status().name());
            ext.put("allowedMoves", List.of());
            throw new ProblemException(Problem.of(409, "Conflict", "Session " + sessionId + " is " + s.status()
                    + "; only a scheduled session can be moved, cancelled or recorded.").withExtensions(ext));
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
