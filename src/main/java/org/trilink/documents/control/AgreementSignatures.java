package org.trilink.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.Party;
import org.trilink.documents.entity.AgreementSignature;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.DocumentKind;
import org.trilink.documents.entity.SigningChannel;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * Electronic signing of the mediation agreement. Each party signs the version they were shown
 * (named by its file's SHA-256, so a version made meanwhile is refused, never signed unseen);
 * when the last party has signed, TriLink stores a new version of the agreement: that very
 * file with each party's signature on their line, the committee's seal on its circle, and a
 * PAdES baseline-B digital signature by the office's certificate. Parties who sign on paper
 * are untouched: their signed copies are filed as before.
 */
@ApplicationScoped
public class AgreementSignatures {

    /** Problem type of a signature given for another version than the one to sign now. */
    public static final String STALE_VERSION = "urn:trilink:problem:stale-agreement-version";

    /** Problem type of a second signature by the same party on the same version. */
    public static final String ALREADY_SIGNED = "urn:trilink:problem:already-signed";

    private static final DateTimeFormatter CAPTION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
    OfficeCertificate certificate;

    @Inject
    Configured configured;

    @Inject
    @ConfigProperty(name = "trilink.signing.max-image-bytes", defaultValue = "524288")
    int maxImageBytes;

    /** A party's place in the signing of a version. */
    public record PartyStatus(long partyId, int position, String role, String name, Optional<AgreementSignature> signature) {
    }

    /** Where the signing of the agreement stands: the version to sign, who signed, the signed version. */
    public record Status(CaseDocument toSign, List<PartyStatus> parties, Optional<CaseDocument> signed) {
    }

    /** A recorded signature and, when it was the last one, the signed version it completed. */
    public record Signed(AgreementSignature signature, Optional<CaseDocument> completed) {
    }

    /** The report on a PDF's signatures, each told whether it is this deployment's certificate. */
    public record Verification(String sha256, List<Checked> signatures, Optional<CaseDocument> stored) {
    }

    public record Checked(SignatureCheck.Report report, boolean officeCertificate) {
    }

    /** Where the signing of the case's agreement stands, for staff taking part in the case. */
    @Transactional
    public Status status(String caseNumber) {
        DisputeCase c = workable(caseNumber);
        return status(c, toSign(c));
    }

    /**
     * A party signs at the office on a tablet the staff member hands over: the control API the
     * public sign page calls too, with {@link SigningChannel#ONLINE} and no staff account.
     */
    @Transactional
    public Signed signAtOffice(String caseNumber, int position, byte[] png, String address, String sha256) {
        DisputeCase c = workable(caseNumber);
        // position 1 = the first party as listed (as for corrections); the stored ordinal counts from 0
        if (position < 1 || position > c.parties().size()) {
            throw ProblemException.notFound("No party " + position + " in case " + caseNumber + ".");
        }
        Party party = c.parties().get(position - 1);
        return sign(c.id(), party.id(), png, address, sha256, SigningChannel.OFFICE_TABLET, user.username(),
                user.officeCode());
    }

    /**
     * Records that party {@code partyId} of case {@code caseId} signed the version of the
     * agreement whose file has SHA-256 {@code sha256OfVersionShown}, with the handwritten
     * {@code png}, from {@code address}. Refuses (409, {@link #STALE_VERSION}) when that is not
     * the version to sign now. Who may call this is the caller's check: staff of the case, or
     * the party's own session.
     */
    @Transactional
    public Signed sign(long caseId, long partyId, byte[] png, String address, String sha256OfVersionShown,
                       SigningChannel channel, String recordedBy, String officeCode) {
        DisputeCase c = em.find(DisputeCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("No case " + caseId + ".");
        }
        Party party = c.parties().stream().filter(p -> p.id() == partyId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No party " + partyId + " in case " + c.caseNumber() + "."));
        CaseDocument doc = toSign(c);
        refuseUnsignable(c, party, doc, sha256OfVersionShown);
        byte[] image = checkedImage(png);
        OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC());
        AgreementSignature signature = new AgreementSignature(c.id(), doc.id(), doc.pdfSha256(), party.id(),
                party.ordinal(), image, DocumentContent.sha256(image), now, clip(address), channel, recordedBy);
        em.persist(signature);
        em.flush();
        String actor = recordedBy != null ? recordedBy : "party:" + (party.ordinal() + 1);
        history.record(c, new CaseChange.AgreementSigned(version(doc), party.ordinal() + 1, channel.name(),
                doc.pdfSha256(), signature.imageSha256()), null, null, now, actor, officeCode);
        Status status = status(c, doc);
        if (status.parties().stream().allMatch(p -> p.signature().isPresent())) {
            CaseDocument completed = complete(c, doc, status, now, actor, officeCode);
            return new Signed(signature, Optional.of(completed));
        }
        return new Signed(signature, Optional.empty());
    }

    /** The refusals of {@link #sign} that need no image: all signed, a stale version, this party signed. */
    private void refuseUnsignable(DisputeCase c, Party party, CaseDocument doc, String sha256OfVersionShown) {
        if (signedFrom(doc).isPresent()) {
            throw ProblemException.conflict("Every party has already signed version " + doc.versionNo()
                    + " of the agreement of case " + c.caseNumber() + ".");
        }
        if (sha256OfVersionShown == null || !sha256OfVersionShown.strip().equalsIgnoreCase(doc.pdfSha256())) {
            throw new ProblemException(new Problem(STALE_VERSION, "Stale agreement version", 409,
                    "The agreement shown is not the version to sign now: version " + doc.versionNo()
                            + " (SHA-256 " + doc.pdfSha256() + ") is. Show the party that version and sign again.",
                    null, null, null).withExtensions(Map.of("documentId", doc.id(), "version", doc.versionNo(),
                    "sha256", doc.pdfSha256())));
        }
        boolean already = !em.createQuery("select s from AgreementSignature s where s.documentId = :d"
                        + " and s.partyId = :p", AgreementSignature.class)
                .setParameter("d", doc.id()).setParameter("p", party.id()).getResultList().isEmpty();
        if (already) {
            throw new ProblemException(new Problem(ALREADY_SIGNED, "Conflict", 409, "Party " + (party.ordinal() + 1)
                    + " has already signed version " + doc.versionNo() + " of the agreement.", null, null, null));
        }
    }

    /**
     * For the party's own door (no staff account; the caller has proved the party): where the
     * signing of the case's agreement stands, or empty when the case has no written agreement
     * generated to sign.
     */
    @Transactional
    public Optional<Status> statusForParty(long caseId) {
        DisputeCase c = em.find(DisputeCase.class, caseId);
        if (c == null || c.outcome() != Outcome.SUCCESS || c.agreementForm() != AgreementForm.WRITTEN) {
            return Optional.empty();
        }
        return latestToSign(c).map(doc -> status(c, doc));
    }

    /**
     * Everything {@link #sign} would refuse before it stores anything, without storing: so that the
     * party's door can refuse a stale version, a second signature or a bad image before it spends
     * the party's one-time code. Returns the checked image.
     */
    @Transactional
    public byte[] checkSignable(long caseId, long partyId, byte[] png, String sha256OfVersionShown) {
        DisputeCase c = em.find(DisputeCase.class, caseId);
        if (c == null) {
            throw ProblemException.notFound("No case " + caseId + ".");
        }
        Party party = c.parties().stream().filter(p -> p.id() == partyId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No party " + partyId + " in case " + c.caseNumber() + "."));
        refuseUnsignable(c, party, toSign(c), sha256OfVersionShown);
        return checkedImage(png);
    }

    /**
     * Page {@code page} of an agreement version of case {@code caseId} (the one to sign or the
     * signed one), for the party's own door; 404 for another document.
     */
    @Transactional
    public byte[] agreementPage(long caseId, long documentId, int page) {
        CaseDocument doc = em.find(CaseDocument.class, documentId);
        if (doc == null || !doc.caseId().equals(caseId) || doc.kind() != DocumentKind.AGREEMENT) {
            throw ProblemException.notFound("No agreement " + documentId + " in your case.");
        }
        return pagePng(doc.content(), page);
    }

    /** How many pages a PDF has. */
    public static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many pages the stored version has. */
    @Transactional
    public int pageCount(String caseNumber, long documentId) {
        CaseDocument doc = documentOf(workable(caseNumber), documentId);
        try (PDDocument pdf = Loader.loadPDF(doc.content())) {
            return pdf.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code page} (1-based) of a stored version as a PNG at 110 dpi, for reading on a phone or tablet. */
    @Transactional
    public byte[] page(String caseNumber, long documentId, int page) {
        DisputeCase c = workable(caseNumber);
        CaseDocument doc = documentOf(c, documentId);
        byte[] png = pagePng(doc.content(), page);
        if (doc.kind().fullPersonalData()) {
            access.revealPersonalData(c, "DOCUMENT_" + doc.kind().name());
        }
        return png;
    }

    /** Page {@code page} (1-based) of a PDF as a PNG; 404 for a page it does not have. */
    public static byte[] pagePng(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (page < 1 || page > doc.getNumberOfPages()) {
                throw ProblemException.notFound("The document has " + doc.getNumberOfPages() + " pages; there is no page "
                        + page + ".");
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, 110);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signatures of a stored version, checked (staff of the case). */
    @Transactional
    public Verification verifyStored(String caseNumber, long documentId) {
        CaseDocument doc = documentOf(workable(caseNumber), documentId);
        return verify(doc.content());
    }

    /** The signatures of any PDF, checked; {@code stored}: the TriLink version with exactly these bytes. */
    @Transactional
    public Verification verify(byte[] pdf) {
        List<SignatureCheck.Report> reports;
        try {
            reports = SignatureCheck.check(pdf);
        } catch (SignatureCheck.NotAPdf e) {
            throw new ProblemException(Problem.of(415, "Unsupported Media Type", "Not a readable PDF file: "
                    + e.getMessage() + "."));
        }
        String office = certificate.key().fingerprint();
        String sha = DocumentContent.sha256(pdf);
        Optional<CaseDocument> stored = em.createQuery("select d from CaseDocument d where d.pdfSha256 = :h",
                CaseDocument.class).setParameter("h", sha).setMaxResults(1).getResultStream().findFirst();
        return new Verification(sha, reports.stream()
                .map(r -> new Checked(r, office.equals(r.certificateSha256()))).toList(), stored);
    }

    private CaseDocument complete(DisputeCase c, CaseDocument doc, Status status, OffsetDateTime now, String actor,
                                  String officeCode) {
        var zone = configured.zone();
        List<SignatureStamper.Mark> marks = new ArrayList<>();
        StringBuilder signedWords = new StringBuilder(doc.contentHash()).append("\nSIGNED");
        for (PartyStatus p : status.parties()) {
            AgreementSignature s = p.signature().orElseThrow();
            marks.add(new SignatureStamper.Mark(s.image(), "电子签名 " + CAPTION.format(s.signedAt().atZoneSameInstant(zone))));
            signedWords.append('\n').append(p.position()).append(' ').append(s.imageSha256()).append(' ')
                    .append(s.signedAt().toInstant());
        }
        String contentHash = DocumentContent.sha256(signedWords.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the committee from reference data alone: the last signer may be a party online, with no staff account
        String committee = records.committee(c);
        String note = "电子签署版（据第" + doc.versionNo() + "版，各方当事人电子签名，" + committee
                + "印章，数字签名 PAdES）　核验码 " + contentHash.substring(0, CaseDocument.CODE_LENGTH);
        byte[] stamped = SignatureStamper.stamp(doc.content(), marks, certificate.seal(committee), note);
        Calendar when = GregorianCalendar.from(now.atZoneSameInstant(zone));
        when.setTimeZone(TimeZone.getTimeZone(zone));
        OfficeKey key = certificate.key();
        byte[] signed = PadesSigner.sign(stamped, key, committee, "中华人民共和国 " + configured.districtCode(),
                "人民调解协议书：各方当事人已电子签名（案号 " + c.caseNumber() + "）", when);
        Integer last = em.createQuery("select max(d.versionNo) from CaseDocument d where d.caseId = :c"
                        + " and d.kind = :k and d.subjectId = 0", Integer.class)
                .setParameter("c", c.id()).setParameter("k", DocumentKind.AGREEMENT).getSingleResult();
        CaseDocument completed = new CaseDocument(c.id(), DocumentKind.AGREEMENT, 0, last + 1, c.version(), contentHash,
                DocumentContent.sha256(signed), signed, now, actor, officeCode != null ? officeCode : doc.officeCode())
                .signedFrom(doc.id());
        em.persist(completed);
        em.flush();
        history.record(c, new CaseChange.AgreementSealed(version(completed), doc.id(), key.fingerprint()), null, null,
                now, actor, officeCode);
        return completed;
    }

    private Status status(DisputeCase c, CaseDocument doc) {
        List<AgreementSignature> signatures = em.createQuery("select s from AgreementSignature s"
                        + " where s.documentId = :d", AgreementSignature.class)
                .setParameter("d", doc.id()).getResultList();
        List<PartyStatus> parties = c.parties().stream()
                .map(p -> new PartyStatus(p.id(), p.ordinal() + 1, p.role().name(), p.name(),
                        signatures.stream().filter(s -> s.partyId().equals(p.id())).findFirst()))
                .toList();
        return new Status(doc, parties, signedFrom(doc));
    }

    /** The version to sign now: the latest agreement version not itself made by signing; 409 if none. */
    private CaseDocument toSign(DisputeCase c) {
        if (c.outcome() != Outcome.SUCCESS || c.agreementForm() != AgreementForm.WRITTEN) {
            throw ProblemException.conflict("Case " + c.caseNumber() + " has no written agreement to sign.");
        }
        return latestToSign(c).orElseThrow(() -> ProblemException.conflict("The agreement of case " + c.caseNumber()
                        + " has not been generated yet: generate it, then the parties sign that version."));
    }

    private Optional<CaseDocument> latestToSign(DisputeCase c) {
        return em.createQuery("select d from CaseDocument d where d.caseId = :c and d.kind = :k and d.subjectId = 0"
                        + " and d.signedFrom is null order by d.versionNo desc", CaseDocument.class)
                .setParameter("c", c.id()).setParameter("k", DocumentKind.AGREEMENT).setMaxResults(1)
                .getResultStream().findFirst();
    }

    private Optional<CaseDocument> signedFrom(CaseDocument doc) {
        return em.createQuery("select d from CaseDocument d where d.signedFrom = :d", CaseDocument.class)
                .setParameter("d", doc.id()).setMaxResults(1).getResultStream().findFirst();
    }

    private DisputeCase workable(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        if (!access.takesPart(c)) {
            throw ProblemException.forbidden("The agreement is signed with the offices taking part in case "
                    + caseNumber + "; your account belongs to none of them.");
        }
        return c;
    }

    private CaseDocument documentOf(DisputeCase c, long documentId) {
        CaseDocument doc = em.find(CaseDocument.class, documentId);
        if (doc == null || !doc.caseId().equals(c.id())) {
            throw ProblemException.notFound("No document " + documentId + " in case " + c.caseNumber() + ".");
        }
        return doc;
    }

    /** A PNG of sensible size with some ink on it; anything else is refused before it is stored. */
    private byte[] checkedImage(byte[] png) {
        if (png == null || png.length == 0) {
            throw ProblemException.badRequest("image", "the handwritten signature is missing");
        }
        if (png.length > maxImageBytes) {
            throw new ProblemException(Problem.of(413, "Content Too Large", "A signature image may have at most "
                    + maxImageBytes + " bytes."));
        }
        if (png.length < 8 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new ProblemException(Problem.of(415, "Unsupported Media Type",
                    "The signature must be a PNG image (checked by its first bytes)."));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw ProblemException.badRequest("image", "the PNG cannot be read");
        }
        if (image.getWidth() < 60 || image.getHeight() < 20 || image.getWidth() > 4000 || image.getHeight() > 4000) {
            throw ProblemException.badRequest("image", "must be between 60×20 and 4000×4000 pixels, not "
                    + image.getWidth() + "×" + image.getHeight());
        }
        if (ink(image) < 30) {
            throw ProblemException.badRequest("image", "is blank: draw the signature");
        }
        return png.clone();
    }

    /** Pixels that are neither transparent nor near white. */
    private static int ink(BufferedImage image) {
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int argb = image.getRGB(x, y);
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                if (a > 64 && (r + g + b) < 600) {
                    ink++;
                }
            }
        }
        return ink;
    }

    private static String clip(String address) {
        if (address == null) {
            return null;
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    private static CaseChange.DocumentVersion version(CaseDocument d) {
        return new CaseChange.DocumentVersion(d.kind().slug(), d.subjectId(), d.versionNo(), d.verificationCode(),
                d.id());
    }
}
