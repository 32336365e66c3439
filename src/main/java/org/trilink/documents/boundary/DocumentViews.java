package org.trilink.documents.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.documents.control.CaseDocuments;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.SignedCopy;

/** What the documents API answers in JSON: never the files themselves, never personal data. */
public final class DocumentViews {

    private DocumentViews() {
    }

    public record DocumentView(long id, String kind, String title, long subjectId, int version, long caseVersion,
                               String verificationCode, String contentHash, String sha256, int sizeBytes,
                               OffsetDateTime generatedAt, String generatedBy, String officeCode, String href,
                               List<SignedCopyView> signedCopies) {
        static DocumentView of(String base, CaseDocuments.Listed d, List<SignedCopyView> copies) {
            return new DocumentView(d.id(), d.kind().slug(), d.kind().titleZh(), d.subjectId(), d.version(),
                    d.caseVersion(), d.verificationCode(), d.contentHash(), d.pdfSha256(), d.sizeBytes(),
                    d.generatedAt(), d.generatedBy(), d.officeCode(), base + "/" + d.id(), copies);
        }
    }

    public record SignedCopyView(long id, long documentId, String mediaType, String fileName, String sha256,
                                 int sizeBytes, OffsetDateTime uploadedAt, String uploadedBy, String href) {
        static SignedCopyView of(String base, CaseDocuments.CopyListed s) {
            return new SignedCopyView(s.id(), s.documentId(), s.mediaType(), s.fileName(), s.sha256(), s.sizeBytes(),
                    s.uploadedAt(), s.uploadedBy(), base + "/" + s.documentId() + "/signed-copies/" + s.id());
        }

        static SignedCopyView of(String base, SignedCopy s) {
            return new SignedCopyView(s.id(), s.documentId(), s.mediaType(), s.fileName(), s.sha256(), s.sizeBytes(),
                    s.uploadedAt(), s.uploadedBy(), base + "/" + s.documentId() + "/signed-copies/" + s.id());
        }
    }

    /** A document that can be generated now: POST to {@code generate}. */
    public record AvailableView(String kind, long subjectId, String label, String generate) {
    }

    public record DocumentsView(String caseNumber, long caseVersion, List<DocumentView> documents,
                                List<AvailableView> available) {
    }

    public record VerificationView(String caseNumber, String code, boolean matches, List<DocumentView> documents) {
    }

    static String fileName(String caseNumber, CaseDocument d) {
        return caseNumber + "-" + d.kind().slug() + (d.subjectId() != 0 ? "-" + d.subjectId() : "") + "-v"
                + d.versionNo() + ".pdf";
    }
}
