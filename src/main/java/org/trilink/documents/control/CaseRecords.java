package org.trilink.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.DocumentKind;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;

/**
 * Reads what the documents need besides the case itself: referrals, follow-up visits,
 * mediation sessions, mediators, office names and the documents already filed. These tables
 * belong to other features; they are read here by SQL, so that this feature does not map
 * entities of its own onto them.
 */
@ApplicationScoped
public class CaseRecords {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    OfficeCatalog offices;

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
    public record Snapshot(DisputeCase disputeCase, String committee, String regionName, Map<String, String> officeNames,
                           List<Mediator> mediators, List<Referral> referrals, List<FollowUp> followUps,
                           List<Session> sessions, List<Filed> filed, Map<String, String> staffNames) {

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
        Office handling = offices.office(c.handlingOfficeCode()).orElse(null);
        // The agreement is the people's mediation committee's; a judicial office, police station or
        // law firm mediates on behalf of the committee of the town where the dispute arose.
        String committee = handling != null && handling.type() == OfficeType.MEDIATION_COMMITTEE
                ? handling.nameZh() : regionName + "人民调解委员会";
        Map<String, String> staff = new HashMap<>();
        for (Object[] row : rows("select username, display_name from staff")) {
            staff.put((String) row[0], shortName((String) row[1]));
        }
        return new Snapshot(c, committee, regionName, names, mediators(c), referrals(c), followUps(c), sessions(c),
                filed(c), staff);
    }

    /** Demo display names read "王调解 Wang (mediator)": the document prints the Chinese name. */
    private static String shortName(String displayName) {
        int space = displayName.indexOf(' ');
        return space > 0 && displayName.codePointAt(0) > 0x3000 ? displayName.substring(0, space) : displayName;
    }

    List<Referral> referrals(DisputeCase c) {
        return rows("select id, from_office_code, from_partner, to_office_code, reason, status, sent_at, sent_by,"
                + " deadline, decided_at, rejection_reason from referral where case_id = ? order by sent_at, id", c.id())
                .stream().map(r -> new Referral(number(r[0]), (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], time(r[6]), (String) r[7], time(r[8]), time(r[9]),
                        (String) r[10])).toList();
    }

    List<FollowUp> followUps(DisputeCase c) {
        return rows("select id, visited_at, method, performance, satisfaction, notes, recorded_by, office_code"
                + " from follow_up_visit where case_id = ? order by visited_at, id", c.id())
                .stream().map(r -> new FollowUp(number(r[0]), time(r[1]), (String) r[2], (String) r[3],
                        (int) number(r[4]), (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    List<Session> sessions(DisputeCase c) {
        return rows("select id, scheduled_at, place, status, held_at from mediation_session where case_id = ?"
                + " order by scheduled_at, id", c.id())
                .stream().map(r -> new Session(number(r[0]), time(r[1]), (String) r[2], (String) r[3], time(r[4])))
                .toList();
    }

    List<Mediator> mediators(DisputeCase c) {
        return rows("select s.display_name, m.capacity, s.office_code from case_mediator m"
                + " join staff s on s.id = m.staff_id where m.case_id = ? order by s.display_name", c.id())
                .stream().map(r -> new Mediator(shortName((String) r[0]), (String) r[1], (String) r[2])).toList();
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

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return (List<Object[]>) query.getResultList();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** PostgreSQL's driver answers timestamptz as Timestamp, H2 as OffsetDateTime. */
    static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (o instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + o.getClass());
    }
}
