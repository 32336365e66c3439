package org.trilink.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.DocumentKind;
import org.trilink.mediation.control.Mediation;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Staff;

/**
 * Gathers what the documents need besides the case itself: referrals, follow-up visits and
 * mediation sessions (from the case's records), mediators (mediation), office and staff names
 * (offices) and the documents already filed (this feature's own). Each is asked of the feature
 * that keeps it; none of their tables is read here.
 */
@ApplicationScoped
public class CaseRecords {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    OfficeCatalog offices;

    @Inject
    StaffDirectory directory;

    @Inject
    org.trilink.cases.control.CaseRecords records;

    @Inject
    Mediation mediation;

    @Inject
    CaseHistory history;

    public record Referral(long id, String fromOffice, String fromPartner, String toOffice, String reason,
                           String status, OffsetDateTime sentAt, String sentBy, OffsetDateTime deadline,
                           OffsetDateTime decidedAt, String rejectionReason) {
    }

    public record FollowUp(long id, OffsetDateTime visitedAt, String method, String performance, int satisfaction,
                           String notes, String recordedBy, String officeCode) {
    }

    public record Session(long id, OffsetDateTime scheduledAt, String place, String status, OffsetDateTime heldAt) {
    }

    public record Mediator(String name, String capacity, String officeCode) {
    }

    public record Filed(long id, DocumentKind kind, long subjectId, int version, String code, OffsetDateTime at,
                        int signedCopies) {
    }

    /** Everything a document of the case may print. */
    /**
     * @param acceptingOffice the office that accepted the case (受理): the office of its ACCEPTED
     *                        change, which after a referral is not the office that registered it;
     *                        null while it is not accepted
     */
    public record Snapshot(DisputeCase disputeCase, String committee, String regionName, Map<String, String> officeNames,
                           List<Mediator> mediators, List<Referral> referrals, List<FollowUp> followUps,
                           List<Session> sessions, List<Filed> filed, Map<String, String> staffNames,
                           String acceptingOffice) {

        public String officeName(String code) {
            return code == null ? null : officeNames.getOrDefault(code, code);
        }

        public String staffName(String username) {
            return username == null ? null : staffNames.getOrDefault(username, username);
        }
    }

    public Snapshot of(DisputeCase c) {
        Map<String, String> names = new HashMap<>();
        offices.offices(null, null).forEach(o -> names.put(o.code(), o.nameZh()));
        String regionName = offices.region(c.regionCode()).map(r -> r.nameZh()).orElse("");
        String committee = committee(c, regionName);
        Map<String, String> staff = new HashMap<>();
        for (Staff person : directory.all()) {
            staff.put(person.username(), shortName(person.displayName()));
        }
        return new Snapshot(c, committee, regionName, names, mediators(c), referrals(c), followUps(c), sessions(c),
                filed(c), staff, acceptingOffice(c));
    }

    /**
     * The people's mediation committee whose agreement it is, from reference data only: no staff
     * account is needed, so that a party signing online completes the agreement too.
     */
    public String committee(DisputeCase c) {
        return committee(c, offices.region(c.regionCode()).map(r -> r.nameZh()).orElse(""));
    }

    private String committee(DisputeCase c, String regionName) {
        Office handling = offices.office(c.handlingOfficeCode()).orElse(null);
        // The agreement is the people's mediation committee's; a judicial office, police station or
        // law firm mediates on behalf of the committee of the town where the dispute arose.
        return handling != null && handling.type() == OfficeType.MEDIATION_COMMITTEE
                ? handling.nameZh() : regionName + "人民调解委员会";
    }

    /** Demo display names read "王调解 Wang (mediator)": the document prints the Chinese name. */
    private static String shortName(String displayName) {
        int space = displayName.indexOf(' ');
        return space > 0 && displayName.codePointAt(0) > 0x3000 ? displayName.substring(0, space) : displayName;
    }

    List<Referral> referrals(DisputeCase c) {
        return records.referrals(c).stream().map(r -> new Referral(r.id(), r.fromOfficeCode(), r.fromPartner(),
                r.toOfficeCode(), r.reason(), r.status(), r.sentAt(), r.sentBy(), r.deadline(), r.decidedAt(),
                r.rejectionReason())).toList();
    }

    List<FollowUp> followUps(DisputeCase c) {
        return records.followUps(c).stream().map(v -> new FollowUp(v.id(), v.visitedAt(), v.method(), v.performance(),
                v.satisfaction(), v.notes(), v.recordedBy(), v.officeCode())).toList();
    }

    List<Session> sessions(DisputeCase c) {
        return records.sessions(c).stream().map(s -> new Session(s.id(), s.scheduledAt(), s.place(), s.status(),
                s.heldAt())).toList();
    }

    /** By the name printed, as the agreement lists them. */
    List<Mediator> mediators(DisputeCase c) {
        return mediation.mediators(c.caseNumber()).stream()
                .sorted(Comparator.comparing(Mediation.Mediator::displayName))
                .map(m -> new Mediator(shortName(m.displayName()), m.capacity().name(), m.officeCode())).toList();
    }

    /** The office of the case's (last) acceptance; the handling office for one accepted without a record of it. */
    String acceptingOffice(DisputeCase c) {
        if (c.acceptedAt() == null) {
            return null;
        }
        String office = null;
        for (CaseEvent e : history.of(c)) {
            if (CaseChange.Kind.ACCEPTED.name().equals(e.type()) && e.officeCode() != null) {
                office = e.officeCode();
            }
        }
        return office != null ? office : c.handlingOfficeCode();
    }

    List<Filed> filed(DisputeCase c) {
        // a projection: the stored PDFs themselves are not needed for an index
        List<Object[]> docs = em.createQuery("select d.id, d.kind, d.subjectId, d.versionNo, d.contentHash,"
                + " d.generatedAt from CaseDocument d where d.caseId = :c order by d.generatedAt, d.id", Object[].class)
                .setParameter("c", c.id()).getResultList();
        Map<Long, Integer> copies = new HashMap<>();
        for (Object[] row : em.createQuery("select s.documentId, count(s) from SignedCopy s where s.caseId = :c"
                + " group by s.documentId", Object[].class).setParameter("c", c.id()).getResultList()) {
            copies.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return docs.stream().map(d -> new Filed((Long) d[0], (DocumentKind) d[1], (Long) d[2], (Integer) d[3],
                ((String) d[4]).substring(0, CaseDocument.CODE_LENGTH), (OffsetDateTime) d[5],
                copies.getOrDefault((Long) d[0], 0))).toList();
    }
}
