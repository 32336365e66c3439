package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.CaseRecords;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.SecurityAudit;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * What a verified party does with a pass: apply online, see where their case stands, see the
 * personal data held about them and ask for a correction. Every view is a change in the case's
 * history (actor {@code party:<position>}) and an entry in the security audit trail.
 */
@ApplicationScoped
public class PartyCases {

    /** The actor of an online application in the case's history. */
    public static final String ONLINE_ACTOR = "party:online";

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseIntake intake;

    @Inject
    CaseHistory history;

    @Inject
    CaseRecords records;

    @Inject
    PartyPasses passes;

    @Inject
    DoorKeys keys;

    @Inject
    SecurityAudit audit;

    /** An application made: the case number and the pass, now for following that case. */
    public record Applied(String caseNumber, String officeCode, PartyPass pass) {
    }

    /**
     * Registers an application through the staff intake's own rules (channel ONLINE, in the office
     * the pass names). The applicant's phone must be the phone the code went to.
     */
    @Transactional
    public Applied apply(PartyPass pass, IntakeCommand command, String address) {
        if (pass.purpose() != PartyPass.Purpose.APPLY || pass.caseId() != null) {
            throw ProblemException.forbidden("This pass is not for applying (ask for a code with purpose APPLY).");
        }
        int applicant = -1;
        for (int i = 0; i < command.parties().size(); i++) {
            IntakeCommand.PartyData p = command.parties().get(i);
            if (p.role() == PartyRole.APPLICANT && p.phone() != null
                    && DoorKeys.same(keys.phoneHash(p.phone()), pass.phoneHash())) {
                applicant = i;
                break;
            }
        }
        if (applicant < 0) {
            throw ProblemException.badRequest("parties", "an APPLICANT with the phone the code was sent to is required");
        }
        DisputeCase c = intake.registerOnline(command, pass.officeCode(), ONLINE_ACTOR);
        em.createNativeQuery("update privacy_consent set case_id = ? where case_id is null and purpose = 'APPLY'"
                        + " and phone_hash = ? and given_at > ?")
                .setParameter(1, c.id()).setParameter(2, pass.phoneHash())
                .setParameter(3, PartyPasses.now().minusHours(2)).executeUpdate();
        PartyPass following = passes.bind(pass, c.id(), applicant + 1);
        audit.record(SecurityAudit.Kind.PUBLIC_APPLIED, "party", c.caseNumber(), address,
                "to " + pass.officeCode() + ", channel ONLINE");
        return new Applied(c.caseNumber(), pass.officeCode(), following);
    }

    /** A party as another party sees it: name and numbers masked. */
    public record OtherParty(int position, PartyRole role, PartyKind kind, String name, String idNumber,
                             String phone) implements java.io.Serializable {
    }

    /** The party's own particulars, whole. */
    public record OwnData(int position, PartyRole role, PartyKind kind, String name, String idNumber,
                          String creditCode, String phone, String address) implements java.io.Serializable {
    }

    /**
     * A paper meant for the parties: the document's id (to download it: GET case/papers/{id}),
     * which document, which version, its verification code.
     */
    public record Paper(long id, String kind, int version, String verificationCode, OffsetDateTime generatedAt)
            implements java.io.Serializable {
    }

    /** A paper handed to its party: the PDF and the name to save it under. */
    public record PaperFile(String fileName, byte[] content, int version) {
    }

    /** A session still to come. */
    public record NextSession(OffsetDateTime at, String place) implements java.io.Serializable {
    }

    /** Where the case stands, for the party. */
    public record Standing(String caseNumber, String status, String outcome, String handlingOfficeCode,
                           OffsetDateTime receivedAt, NextSession nextSession, List<Paper> papers, OwnData you,
                           List<OtherParty> others) implements java.io.Serializable {
    }

    @Transactional
    public Standing standing(PartyPass pass, String address) {
        DisputeCase c = caseOf(pass);
        OffsetDateTime now = PartyPasses.now();
        NextSession next = records.sessions(c).stream()
                .filter(s -> "SCHEDULED".equals(s.status()) && s.scheduledAt() != null && s.scheduledAt().isAfter(now))
                .findFirst().map(s -> new NextSession(s.scheduledAt(), s.place())).orElse(null);
        List<OtherParty> others = new ArrayList<>();
        List<Party> parties = c.parties();
        for (int i = 0; i < parties.size(); i++) {
            if (i + 1 != pass.position()) {
                Party p = parties.get(i);
                others.add(new OtherParty(i + 1, p.role(), p.kind(), maskName(p), p.idNumber() == null ? null
                        : IdentityNumbers.maskId(p.idNumber()), p.phone() == null ? null : IdentityNumbers.maskPhone(p.phone())));
            }
        }
        viewed(c, pass, "CASE", address);
        return new Standing(c.caseNumber(), c.status().name(), c.outcome() == null ? null : c.outcome().name(),
                c.handlingOfficeCode(), c.receivedAt(), next, papers(c), own(c, pass), others);
    }

    /** The personal data held about the party in this case, whole; the view is recorded. */
    @Transactional
    public OwnData personalData(PartyPass pass, String address) {
        DisputeCase c = caseOf(pass);
        viewed(c, pass, "PERSONAL_DATA", address);
        return own(c, pass);
    }

    /** The case number of a pass's case, for the pages' headings. */
    public String caseNumber(PartyPass pass) {
        return caseOf(pass).caseNumber();
    }

    /** The case a pass is for (403 for an APPLY pass, 401 when the case or party is gone). */
    public DisputeCase caseOf(PartyPass pass) {
        if (!pass.forCase()) {
            throw ProblemException.forbidden("This pass is for applying; ask for a code with purpose FOLLOW.");
        }
        DisputeCase c = em.find(DisputeCase.class, pass.caseId());
        if (c == null || pass.position() > c.parties().size()) {
            throw PartyPasses.missing();
        }
        return c;
    }

    private OwnData own(DisputeCase c, PartyPass pass) {
        Party p = c.parties().get(pass.position() - 1);
        return new OwnData(pass.position(), p.role(), p.kind(), p.name(), p.idNumber(), p.creditCode(), p.phone(),
                p.address());
    }

    private void viewed(DisputeCase c, PartyPass pass, String what, String address) {
        history.record(c, new CaseChange.PartyViewedOnline(pass.position(), what), null, null, PartyPasses.now(),
                "party:" + pass.position(), null);
        audit.record(SecurityAudit.Kind.PUBLIC_CASE_VIEWED, "party:" + pass.position(), c.caseNumber(), address, what);
    }

    private List<Paper> papers(DisputeCase c) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, version_no, content_hash, generated_at from case_document d"
                        + " where case_id = ? and kind = 'AGREEMENT' and version_no = (select max(version_no)"
                        + " from case_document e where e.case_id = d.case_id and e.kind = d.kind"
                        + " and e.subject_id = d.subject_id) order by generated_at")
                .setParameter(1, c.id()).getResultList();
        return rows.stream().map(r -> new Paper(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                ((String) r[3]).substring(0, 12), PartyPasses.time(r[4]))).toList();
    }

    /**
     * A paper of the pass's case that the parties are meant to have: only the versions the follow
     * page lists ({@link Standing#papers}); any other id, of this case or another, is the same 404.
     * Each download is a view in the history ("paper v<N>") and in the audit trail.
     */
    @Transactional
    public PaperFile paper(PartyPass pass, long documentId, String address) {
        DisputeCase c = caseOf(pass);
        Paper paper = papers(c).stream().filter(p -> p.id() == documentId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No paper " + documentId + " for you in this case."));
        byte[] content = (byte[]) em.createNativeQuery("select content from case_document where id = ?")
                .setParameter(1, documentId).getSingleResult();
        viewed(c, pass, "paper v" + paper.version(), address);
        return new PaperFile(c.caseNumber() + "-" + paper.kind().toLowerCase(java.util.Locale.ROOT) + "-v"
                + paper.version() + ".pdf", content, paper.version());
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***; an organisation's name is public. */
    static String maskName(Party p) {
        String name = p.name();
        if (p.kind() == PartyKind.ORGANISATION || name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** A correction asked for: the fields and the values the party says are right. */
    public record Proposed(String name, String idNumber, String phone, String address, String note) {
    }

    /** Stores a party's correction request for the office's staff and records it in the history. */
    @Transactional
    public long requestCorrection(PartyPass pass, Proposed proposed, String address) {
        DisputeCase c = caseOf(pass);
        Party p = c.parties().get(pass.position() - 1);
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        put(values, "name", proposed.name(), p.name());
        put(values, "idNumber", proposed.idNumber(), p.idNumber());
        put(values, "phone", proposed.phone(), p.phone());
        put(values, "address", proposed.address(), p.address());
        if (values.containsKey("name") && values.get("name").length() > 200) {
            errors.add(new Problem.FieldError("name", "at most 200 characters"));
        }
        if (values.containsKey("idNumber") && (p.kind() != PartyKind.PERSON
                || !IdentityNumbers.isResidentId(values.get("idNumber")))) {
            errors.add(new Problem.FieldError("idNumber", "a valid resident ID number (18 characters, check digit)"));
        }
        if (values.containsKey("phone") && !IdentityNumbers.isMobile(values.get("phone"))) {
            errors.add(new Problem.FieldError("phone", "a mobile number: 11 digits starting with 1"));
        }
        if (values.containsKey("address") && values.get("address").length() > 300) {
            errors.add(new Problem.FieldError("address", "at most 300 characters"));
        }
        if (proposed.note() != null && proposed.note().length() > 1000) {
            errors.add(new Problem.FieldError("note", "at most 1000 characters"));
        }
        if (values.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("name", "nothing to correct: every field already reads so"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The request has invalid fields.")
                    .withErrors(errors));
        }
        long id = ((Number) em.createNativeQuery("select nextval('door_seq')").getSingleResult()).longValue();
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        values.forEach(json::add);
        em.createNativeQuery("insert into correction_request (id, case_id, party_position, requested_at, proposed, note,"
                        + " status) values (?, ?, ?, ?, ?, ?, 'OPEN')")
                .setParameter(1, id).setParameter(2, c.id()).setParameter(3, pass.position())
                .setParameter(4, PartyPasses.now()).setParameter(5, json.build().toString())
                .setParameter(6, blankToNull(proposed.note())).executeUpdate();
        history.record(c, new CaseChange.CorrectionRequested(id, pass.position(), List.copyOf(values.keySet())), null,
                null, PartyPasses.now(), "party:" + pass.position(), null);
        audit.record(SecurityAudit.Kind.PUBLIC_CORRECTION_REQUESTED, "party:" + pass.position(), c.caseNumber(),
                address, "request " + id + ": " + String.join(", ", values.keySet()));
        return id;
    }

    private static void put(Map<String, String> values, String field, String proposed, String current) {
        String v = blankToNull(proposed);
        if (v != null && !Objects.equals(v, current)) {
            values.put(field, v);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
