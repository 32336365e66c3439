package org.trilink.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseNumbers;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.documents.control.CaseRecords.Snapshot;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.DocumentKind;
import org.trilink.documents.entity.ScanType;
import org.trilink.documents.entity.SignedCopy;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * Generates, stores, hands out and files back the documents of a case. A stored version is
 * never changed: regenerating a case whose data changed adds a version, regenerating an
 * unchanged one returns the version already stored (same words, same verification code).
 * Every generation, download and upload is written to the case history; the agreement shows
 * whole ID numbers, so each time it is handed out a view of personal data is recorded too.
 */
@ApplicationScoped
public class CaseDocuments {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

    @Inject
    CurrentUser user;

    @Inject
    CaseRecords records;

    @Inject
    DocumentComposer composer;

    @Inject
    CaseNumbers numbers;

    @Inject
    DocumentRenderer renderer;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "trilink.documents.max-upload-bytes",
            defaultValue = "10485760")
    long maxUploadBytes;

    /** The largest signed copy accepted (trilink.documents.max-upload-bytes), for the page to check and say. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** A document version and whether this call created it. */
    public record Generated(CaseDocument document, boolean created) {
    }

    /** A filed signed copy and whether this call filed it. */
    public record Uploaded(SignedCopy copy, boolean created) {
    }

    /** A stored version without its bytes, for lists. */
    public record Listed(long id, DocumentKind kind, long subjectId, int version, long caseVersion,
                         String contentHash, String pdfSha256, int sizeBytes, OffsetDateTime generatedAt,
                         String generatedBy, String officeCode) {
        public String verificationCode() {
            return contentHash.substring(0, CaseDocument.CODE_LENGTH);
        }
    }

    public record CopyListed(long id, long documentId, String mediaType, String fileName, String sha256,
                             int sizeBytes, OffsetDateTime uploadedAt, String uploadedBy) {
    }

    /** What can be generated now for the case: kind and subject (a referral's or visit's id, 0 for none). */
    public record Available(DocumentKind kind, long subjectId, String label) {
    }

    public record Overview(DisputeCase disputeCase, List<Listed> documents, List<CopyListed> signedCopies,
                           List<Available> available) {
    }

    /** The case, for staff of an office taking part in it (404 for others, 403 for drafters and the admin). */
    public DisputeCase workable(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        if (!access.takesPart(c)) {
            throw ProblemException.forbidden("Case documents are made by the offices taking part in case "
                    + caseNumber + "; your account belongs to none of them.");
        }
        return c;
    }

    @Transactional
    public Overview overview(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        List<Listed> docs = em.createQuery("select new org.trilink.documents.control.CaseDocuments.Listed(d.id,"
                        + " d.kind, d.subjectId, d.versionNo, d.caseVersion, d.contentHash, d.pdfSha256, d.sizeBytes,"
                        + " d.generatedAt, d.generatedBy, d.officeCode) from CaseDocument d where d.caseId = :c"
                        + " order by d.kind, d.subjectId, d.versionNo", Listed.class)
                .setParameter("c", c.id()).getResultList();
        List<CopyListed> copies = em.createQuery("select new org.trilink.documents.control.CaseDocuments.CopyListed("
                        + "s.id, s.documentId, s.mediaType, s.fileName, s.sha256, s.sizeBytes, s.uploadedAt,"
                        + " s.uploadedBy) from SignedCopy s where s.caseId = :c order by s.uploadedAt, s.id", CopyListed.class)
                .setParameter("c", c.id()).getResultList();
        Snapshot s = records.of(c);
        List<Available> available = new java.util.ArrayList<>();
        if (c.agreementForm() == org.trilink.cases.entity.AgreementForm.WRITTEN
                && c.outcome() == org.trilink.cases.entity.Outcome.SUCCESS) {
            available.add(new Available(DocumentKind.AGREEMENT, 0, "人民调解协议书"));
        }
        s.referrals().forEach(r -> available.add(new Available(DocumentKind.REFERRAL_LETTER, r.id(),
                "转介函 → " + s.officeName(r.toOffice()))));
        s.followUps().forEach(f -> available.add(new Available(DocumentKind.FOLLOW_UP_RECORD, f.id(),
                "回访记录 " + Labels.date(f.visitedAt()))));
        available.add(new Available(DocumentKind.CASE_FILE, 0, "卷宗封面及卷内目录"));
        return new Overview(c, docs, copies, available);
    }

    /**
     * The document of this kind as the case stands now: the stored version if its words are
     * unchanged, else a new version. {@code subject} picks the referral or follow-up visit
     * (default: the latest); {@code copies} is the agreement's number of copies.
     */
    @Transactional
    public Generated generate(String caseNumber, DocumentKind kind, Long subject, Integer copies) {
        DisputeCase c = workable(caseNumber);
        // one generation per case at a time, so that two clicks cannot make two version 2s
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        Snapshot s = records.of(c);
        long subjectId = 0;
        DocumentContent content;
        switch (kind) {
            case AGREEMENT -> {
                if (copies != null && (copies < 2 || copies > 10)) {
                    throw ProblemException.badRequest("copies", "must be between 2 and 10");
                }
                if (c.outcome() == org.trilink.cases.entity.Outcome.SUCCESS
                        && c.agreementForm() == org.trilink.cases.entity.AgreementForm.WRITTEN) {
                    numbers.numberAgreement(c, OffsetDateTime.now(Clock.systemUTC()));
                }
                content = composer.agreement(s, copies == null ? DocumentComposer.defaultCopies(c) : copies);
            }
            case REFERRAL_LETTER -> {
                CaseRecords.Referral r = pick(s.referrals(), subject, CaseRecords.Referral::id, c, "referral");
                subjectId = r.id();
                content = composer.referralLetter(s, r);
            }
            case FOLLOW_UP_RECORD -> {
                CaseRecords.FollowUp f = pick(s.followUps(), subject, CaseRecords.FollowUp::id, c, "follow-up visit");
                subjectId = f.id();
                content = composer.followUpRecord(s, f);
            }
            case CASE_FILE -> content = composer.caseFile(s);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        String hash = content.contentHash();
        OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC());
        Optional<CaseDocument> existing = em.createQuery("select d from CaseDocument d where d.caseId = :c"
                        + " and d.kind = :k and d.subjectId = :s and d.contentHash = :h", CaseDocument.class)
                .setParameter("c", c.id()).setParameter("k", kind).setParameter("s", subjectId)
                .setParameter("h", hash).getResultStream().findFirst();
        Generated result;
        if (existing.isPresent()) {
            result = new Generated(existing.get(), false);
            history.record(c, new CaseChange.DocumentGenerated(version(existing.get()), true), null, null, now);
        } else {
            Integer last = em.createQuery("select max(d.versionNo) from CaseDocument d where d.caseId = :c"
                            + " and d.kind = :k and d.subjectId = :s", Integer.class)
                    .setParameter("c", c.id()).setParameter("k", kind).setParameter("s", subjectId)
                    .getSingleResult();
            int version = last == null ? 1 : last + 1;
            byte[] pdf;
            try {
                pdf = renderer.render(content, footer(c, content, version, hash));
            } catch (UnprintableCharacterException e) {
                // a name printed with a gap is worse than no paper: say which character, store nothing
                throw new ProblemException(Problem.of(422, "Unprocessable Content", e.getMessage()));
            }
            CaseDocument doc = new CaseDocument(c.id(), kind, subjectId, version, c.version(), hash,
                    DocumentContent.sha256(pdf), pdf, now, user.username(), user.officeCode());
            em.persist(doc);
            em.flush();
            result = new Generated(doc, true);
            history.record(c, new CaseChange.DocumentGenerated(version(doc), false), null, "case version " + c.version(),
                    now);
        }
        if (kind.fullPersonalData()) {
            access.revealPersonalData(c, "DOCUMENT_" + kind.name());
        }
        return result;
    }

    /** A stored version of a document of the case, handed out (and recorded as such). */
    @Transactional
    public CaseDocument download(String caseNumber, long documentId) {
        DisputeCase c = workable(caseNumber);
        CaseDocument doc = documentOf(c, documentId);
        history.record(c, new CaseChange.DocumentDownloaded(version(doc), null), null, null,
                OffsetDateTime.now(Clock.systemUTC()));
        if (doc.kind().fullPersonalData()) {
            access.revealPersonalData(c, "DOCUMENT_" + doc.kind().name());
        }
        return doc;
    }

    /** The stored versions whose verification code is {@code code}: how a paper copy is checked. */
    @Transactional
    public List<Listed> verify(String caseNumber, String code) {
        if (code == null || !code.matches("[0-9a-fA-F]{" + CaseDocument.CODE_LENGTH + "}")) {
            throw ProblemException.badRequest("code", "must be the " + CaseDocument.CODE_LENGTH
                    + " hexadecimal digits printed at the foot of the page");
        }
        return overview(caseNumber).documents().stream()
                .filter(d -> d.verificationCode().equalsIgnoreCase(code)).toList();
    }

    /**
     * Files a scan of the signed paper with the version it was printed from. The same file
     * twice is recognised and answered with the copy already filed.
     */
    @Transactional
    public Uploaded upload(String caseNumber, long documentId, byte[] content, String declaredType,
                                   String fileName) {
        DisputeCase c = workable(caseNumber);
        CaseDocument doc = documentOf(c, documentId);
        if (content.length == 0) {
            throw ProblemException.badRequest("body", "the signed copy is empty: send the scanned file as the body");
        }
        ScanType type = ScanType.detect(content).orElseThrow(() -> new ProblemException(Problem.of(415,
                "Unsupported Media Type", "A signed copy must be a PDF, PNG or JPEG file; the content sent is none of"
                        + " these (checked by its first bytes, not by its name or Content-Type).")));
        Optional<ScanType> declared = ScanType.byMediaType(declaredType);
        if (declared.isPresent() && declared.get() != type) {
            throw new ProblemException(Problem.of(415, "Unsupported Media Type", "The Content-Type says "
                    + declaredType + " but the content is " + type.mediaType() + "."));
        }
        String sha = DocumentContent.sha256(content);
        Optional<SignedCopy> same = em.createQuery("select s from SignedCopy s where s.documentId = :d"
                        + " and s.sha256 = :h", SignedCopy.class)
                .setParameter("d", doc.id()).setParameter("h", sha).getResultStream().findFirst();
        if (same.isPresent()) {
            return new Uploaded(same.get(), false);
        }
        OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC());
        SignedCopy copy = new SignedCopy(c.id(), doc.id(), type, cleanName(fileName), sha, content, now,
                user.username(), user.officeCode());
        em.persist(copy);
        em.flush();
        history.record(c, new CaseChange.SignedCopyUploaded(version(doc), type.mediaType(), content.length, sha), null,
                null, now);
        return new Uploaded(copy, true);
    }

    @Transactional
    public SignedCopy signedCopy(String caseNumber, long documentId, long copyId) {
        DisputeCase c = workable(caseNumber);
        CaseDocument doc = documentOf(c, documentId);
        SignedCopy copy = em.find(SignedCopy.class, copyId);
        if (copy == null || !copy.documentId().equals(doc.id())) {
            throw ProblemException.notFound("No signed copy " + copyId + " of document " + documentId + ".");
        }
        history.record(c, new CaseChange.DocumentDownloaded(version(doc), copyId), null, null,
                OffsetDateTime.now(Clock.systemUTC()));
        if (doc.kind().fullPersonalData()) {
            access.revealPersonalData(c, "SIGNED_COPY_" + doc.kind().name());
        }
        return copy;
    }

    private CaseDocument documentOf(DisputeCase c, long documentId) {
        CaseDocument doc = em.find(CaseDocument.class, documentId);
        if (doc == null || !doc.caseId().equals(c.id())) {
            throw ProblemException.notFound("No document " + documentId + " in case " + c.caseNumber() + ".");
        }
        return doc;
    }

    private static <T> T pick(List<T> items, Long subject, java.util.function.ToLongFunction<T> id, DisputeCase c,
                              String what) {
        if (subject != null) {
            return items.stream().filter(i -> id.applyAsLong(i) == subject).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No " + what + " " + subject + " in case "
                            + c.caseNumber() + "."));
        }
        if (items.isEmpty()) {
            throw ProblemException.conflict("Case " + c.caseNumber() + " has no " + what + " to write this document"
                    + " about.");
        }
        return items.get(items.size() - 1);
    }

    private static String footer(DisputeCase c, DocumentContent content, int version, String hash) {
        return "案号 " + c.caseNumber() + "　" + content.title() + " 第" + version + "版　核验码 "
                + hash.substring(0, CaseDocument.CODE_LENGTH) + "\n由 TriLink 据案件数据（版本 " + c.version()
                + "）生成。核对纸质件：在系统中按案号查询本核验码，应查到同一文书版本。";
    }

    private static CaseChange.DocumentVersion version(CaseDocument d) {
        return new CaseChange.DocumentVersion(d.kind().slug(), d.subjectId(), d.versionNo(), d.verificationCode(),
                d.id());
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
