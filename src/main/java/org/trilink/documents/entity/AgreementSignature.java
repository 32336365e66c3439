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
 * A party's electronic signature of one version of the agreement: the handwritten image, when,
 * from which address, how, and the SHA-256 of the file they were shown. Never changed.
 */
@Entity
@Table(name = "agreement_signature")
public class AgreementSignature {

    @Id
    @SequenceGenerator(name = "agreement_signature_seq", sequenceName = "agreement_signature_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_signature_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "document_sha256")
    private String documentSha256;

    @Column(name = "party_id")
    private Long partyId;

    @Column(name = "party_ordinal")
    private int partyOrdinal;

    private byte[] image;

    @Column(name = "image_sha256")
    private String imageSha256;

    @Column(name = "signed_at")
    private OffsetDateTime signedAt;

    @Column(name = "client_address")
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    private SigningChannel channel;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected AgreementSignature() {
    }

    public AgreementSignature(Long caseId, Long documentId, String documentSha256, Long partyId, int partyOrdinal,
                              byte[] image, String imageSha256, OffsetDateTime signedAt, String clientAddress,
                              SigningChannel channel, String recordedBy) {
        this.caseId = caseId;
        this.documentId = documentId;
        this.documentSha256 = documentSha256;
        this.partyId = partyId;
        this.partyOrdinal = partyOrdinal;
        this.image = image.clone();
        this.imageSha256 = imageSha256;
        this.signedAt = signedAt;
        this.clientAddress = clientAddress;
        this.channel = channel;
        this.recordedBy = recordedBy;
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

    public String documentSha256() {
        return documentSha256;
    }

    public Long partyId() {
        return partyId;
    }

    public int partyOrdinal() {
        return partyOrdinal;
    }

    public byte[] image() {
        return image.clone();
    }

    public String imageSha256() {
        return imageSha256;
    }

    public OffsetDateTime signedAt() {
        return signedAt;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public SigningChannel channel() {
        return channel;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
