package org.trilink.documents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A scan or photo of a signed paper document, attached to the version it was printed from. */
@Entity
@Table(name = "signed_copy")
public class SignedCopy {

    @Id
    @SequenceGenerator(name = "signed_copy_seq", sequenceName = "signed_copy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signed_copy_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "file_name")
    private String fileName;

    private String sha256;

    @Column(name = "size_bytes")
    private int sizeBytes;

    private byte[] content;

    @Column(name = "uploaded_at")
    private OffsetDateTime uploadedAt;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "office_code")
    private String officeCode;

    protected SignedCopy() {
    }

    public SignedCopy(Long caseId, Long documentId, ScanType type, String fileName, String sha256, byte[] content,
                      OffsetDateTime uploadedAt, String uploadedBy, String officeCode) {
        this.caseId = caseId;
        this.documentId = documentId;
        this.mediaType = type.mediaType();
        this.fileName = fileName;
        this.sha256 = sha256;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
        this.officeCode = officeCode;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public Long documentId() {
        return documentId;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content.clone();
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public String officeCode() {
        return officeCode;
    }
}
