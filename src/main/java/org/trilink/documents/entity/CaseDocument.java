package org.trilink.documents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One stored version of a generated document. Never changed after it is stored: a paper copy
 * printed from it can always be checked against it by its verification code.
 */
@Entity
@Table(name = "case_document")
public class CaseDocument {

    /** Length of the verification code printed on every page (hex digits of the content hash). */
    public static final int CODE_LENGTH = 12;

    @Id
    @SequenceGenerator(name = "case_document_seq", sequenceName = "case_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_document_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    @Column(name = "subject_id")
    private long subjectId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "case_version")
    private long caseVersion;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "pdf_sha256")
    private String pdfSha256;

    @Column(name = "size_bytes")
    private int sizeBytes;

    private byte[] content;

    @Column(name = "generated_at")
    private OffsetDateTime generatedAt;

    @Column(name = "generated_by")
    private String generatedBy;

    @Column(name = "office_code")
    private String officeCode;

    /** For the electronically signed agreement: the version the parties signed; null otherwise. */
    @Column(name = "signed_from")
    private Long signedFrom;

    protected CaseDocument() {
    }

    public CaseDocument(Long caseId, DocumentKind kind, long subjectId, int versionNo, long caseVersion,
                        String contentHash, String pdfSha256, byte[] content, OffsetDateTime generatedAt,
                        String generatedBy, String officeCode) {
        this.caseId = caseId;
        this.kind = kind;
        this.subjectId = subjectId;
        this.versionNo = versionNo;
        this.caseVersion = caseVersion;
        this.contentHash = contentHash;
        this.pdfSha256 = pdfSha256;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.generatedAt = generatedAt;
        this.generatedBy = generatedBy;
        this.officeCode = officeCode;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public DocumentKind kind() {
        return kind;
    }

    public long subjectId() {
        return subjectId;
    }

    public int versionNo() {
        return versionNo;
    }

    public long caseVersion() {
        return caseVersion;
    }

    public String contentHash() {
        return contentHash;
    }

    public String verificationCode() {
        return contentHash.substring(0, CODE_LENGTH);
    }

    public String pdfSha256() {
        return pdfSha256;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content.clone();
    }

    public OffsetDateTime generatedAt() {
        return generatedAt;
    }

    public String generatedBy() {
        return generatedBy;
    }

    public String officeCode() {
        return officeCode;
    }

    public Long signedFrom() {
        return signedFrom;
    }

    /** Marks a new, not yet stored version as the signed one made from {@code documentId}. */
    public CaseDocument signedFrom(long documentId) {
        this.signedFrom = documentId;
        return this;
    }
}
