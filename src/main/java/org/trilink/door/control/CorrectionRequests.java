package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseDecisions;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Party;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.JsonTrees;

/**
 * Parties' requests to correct their personal data, as the office's staff handle them: applied as
 * the case's own party correction (PARTY_CORRECTED, by the staff member, with the request named in
 * the reason), or declined with a reason (CORRECTION_DECLINED). Staff who may see the case see its
 * requests; only the handling office's staff may apply or decline one (the move CORRECT_PARTY).
 */
@ApplicationScoped
public class CorrectionRequests {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseAccess access;

    @Inject
    CaseDecisions decisions;

    @Inject
    CaseHistory history;

    @Inject
    CurrentUser user;

    /** A request with the values asked for (personal data: only for staff who may see the case). */
    public record Request(long id, int position, OffsetDateTime requestedAt, String name, String idNumber,
                          String phone, String address, String note, String status, OffsetDateTime handledAt,
                          String handledBy, String handlingNote) implements java.io.Serializable {
    }

    /** How many requests the case has, without their values (nothing personal is shown). */
    public long count(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        return ((Number) em.createNativeQuery("select count(*) from correction_request where case_id = ?")
                .setParameter(1, c.id()).getSingleResult()).longValue();
    }

    public List<Request> of(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, party_position, requested_at, proposed, note, status,"
                        + " handled_at, handled_by, handling_note from correction_request where case_id = ? order by id")
                .setParameter(1, c.id()).getResultList();
        if (!rows.isEmpty()) {
            access.revealPersonalData(c, "CORRECTION_REQUEST");
        }
        return rows.stream().map(CorrectionRequests::request).toList();
    }

    /** Applies the request as a party correction of the case at {@code version} (null: as it is now). */
    @Transactional
    public Request apply(String caseNumber, long id, Long version, String note) {
        Request r = open(caseNumber, id);
        DisputeCase c = access.forMove(caseNumber, Move.CORRECT_PARTY);
        Party p = c.parties().get(r.position() - 1);
        String reason = "at the party's request " + id + (note == null || note.isBlank() ? "" : "; " + note.strip());
        decisions.correctParty(caseNumber, version, r.position(), p.role(), p.kind(),
                r.name() != null ? r.name() : p.name(), r.idNumber() != null ? r.idNumber() : p.idNumber(),
                p.creditCode(), r.phone() != null ? r.phone() : p.phone(),
                r.address() != null ? r.address() : p.address(), reason);
        handled(id, "APPLIED", note);
        return find(id);
    }

    @Transactional
    public Request decline(String caseNumber, long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ProblemException.badRequest("reason", "say why the correction is declined (at most 1000 characters)");
        }
        Request r = open(caseNumber, id);
        DisputeCase c = access.forMove(caseNumber, Move.CORRECT_PARTY);
        history.record(c, new CaseChange.CorrectionDeclined(id, r.position(), reason.strip()), null, null,
                PartyPasses.now());
        handled(id, "DECLINED", reason);
        return find(id);
    }

    private Request open(String caseNumber, long id) {
        DisputeCase c = access.visible(caseNumber);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, party_position, requested_at, proposed, note, status,"
                        + " handled_at, handled_by, handling_note from correction_request where id = ? and case_id = ?"
                        + " for update")
                .setParameter(1, id).setParameter(2, c.id()).getResultList();
        Request r = rows.stream().map(CorrectionRequests::request).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Case " + caseNumber + " has no correction request " + id + "."));
        if (!"OPEN".equals(r.status())) {
            throw ProblemException.conflict("Correction request " + id + " was " + r.status().toLowerCase() + " already.");
        }
        return r;
    }

    private void handled(long id, String status, String note) {
        em.createNativeQuery("update correction_request set status = ?, handled_at = ?, handled_by = ?, handling_note = ?"
                        + " where id = ?")
                .setParameter(1, status).setParameter(2, PartyPasses.now()).setParameter(3, user.username())
                .setParameter(4, note == null || note.isBlank() ? null : note.strip()).setParameter(5, id)
                .executeUpdate();
    }

    private Request find(long id) {
        Object[] row = (Object[]) em.createNativeQuery("select id, party_position, requested_at, proposed, note, status,"
                + " handled_at, handled_by, handling_note from correction_request where id = ?").setParameter(1, id)
                .getSingleResult();
        return request(row);
    }

    private static Request request(Object[] r) {
        JsonObject proposed = JsonTrees.object((String) r[3]);
        return new Request(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), PartyPasses.time(r[2]),
                proposed.getString("name", null), proposed.getString("idNumber", null),
                proposed.getString("phone", null), proposed.getString("address", null), (String) r[4], (String) r[5],
                PartyPasses.time(r[6]), (String) r[7], (String) r[8]);
    }
}
