package org.trilink.documents.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.documents.control.AgreementSignatures;
import org.trilink.documents.control.SignatureCheck;
import org.trilink.documents.entity.AgreementSignature;
import org.trilink.documents.entity.CaseDocument;

/** What the signing and verification API answers in JSON; never an image, never a whole name to the public. */
public final class SigningViews {

    private SigningViews() {
    }

    /** A staff member hands the tablet to a party: the drawn signature and the version shown. */
    public static class SignRequest {
        /** The party's position in the case (1 = the first applicant). */
        public Integer party;
        /** The handwritten signature, PNG, base64. */
        public String image;
        /** SHA-256 of the agreement file the party read (the ETag of the version shown). */
        public String sha256;
    }

    public record SignatureView(int party, String role, String name, boolean signed, OffsetDateTime signedAt,
                                String channel, String documentSha256) {
        static SignatureView of(AgreementSignatures.PartyStatus p) {
            AgreementSignature s = p.signature().orElse(null);
            return new SignatureView(p.position(), p.role(), p.name(), s != null, s == null ? null : s.signedAt(),
                    s == null ? null : s.channel().name(), s == null ? null : s.documentSha256());
        }
    }

    public record SigningView(long documentId, int version, String sha256, String href, List<SignatureView> parties,
                              boolean complete, Long signedDocumentId, String signedHref) {
        static SigningView of(String base, AgreementSignatures.Status s) {
            CaseDocument d = s.toSign();
            return new SigningView(d.id(), d.versionNo(), d.pdfSha256(), base + "/" + d.id(),
                    s.parties().stream().map(SignatureView::of).toList(), s.signed().isPresent(),
                    s.signed().map(CaseDocument::id).orElse(null),
                    s.signed().map(x -> base + "/" + x.id()).orElse(null));
        }
    }

    /** One signature of a PDF as checked. */
    public record SignatureReportView(String signer, String issuer, String certificateSha256, OffsetDateTime signedAt,
                                      String subFilter, boolean intact, boolean coversWholeFile,
                                      boolean unchangedSince, boolean signingCertificateBound,
                                      boolean officeCertificate, String problem) {
        static SignatureReportView of(AgreementSignatures.Checked c) {
            SignatureCheck.Report r = c.report();
            return new SignatureReportView(r.signer(), r.issuer(), r.certificateSha256(), r.signedAt(), r.subFilter(),
                    r.intact(), r.coversWholeFile(), r.unchangedSince(), r.signingCertificateBound(),
                    c.officeCertificate(), r.problem());
        }
    }

    /**
     * The verification of a PDF: its signatures, and whether TriLink stored exactly this file.
     * {@code valid}: at least one signature, all of them unchanged since and by this office.
     */
    public record VerificationReport(String sha256, boolean signed, boolean valid, boolean issuedByTriLink,
                                     Integer version, String verificationCode,
                                     List<SignatureReportView> signatures, String summary) {
        static VerificationReport of(AgreementSignatures.Verification v) {
            List<SignatureReportView> reports = v.signatures().stream().map(SignatureReportView::of).toList();
            boolean valid = !reports.isEmpty() && reports.stream()
                    .allMatch(r -> r.unchangedSince() && r.officeCertificate() && r.signingCertificateBound());
            String summary = reports.isEmpty() ? "The file carries no digital signature."
                    : valid ? "Signed by " + reports.get(reports.size() - 1).signer()
                    + " with this office's certificate; the file is unchanged since."
                    : reports.stream().anyMatch(r -> !r.unchangedSince())
                    ? "The file was changed after it was signed: do not rely on it."
                    : "The signature holds, but not by this office's certificate.";
            return new VerificationReport(v.sha256(), !reports.isEmpty(), valid, v.stored().isPresent(),
                    v.stored().map(CaseDocument::versionNo).orElse(null),
                    v.stored().map(CaseDocument::verificationCode).orElse(null), reports, summary);
        }

        /** Whether some signature no longer holds or no longer covers the file (not a JSON property). */
        public boolean changed() {
            return signatures.stream().anyMatch(s -> !s.unchangedSince());
        }
    }
}
