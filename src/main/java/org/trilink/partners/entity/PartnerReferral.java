package org.trilink.partners.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Customizer;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.referrals.entity.Referral;

/**
 * A referral a partner handed over, keyed for the partner by its external id. The content
 * hash tells a repeated message (200, same answer) from a different one with the same id (409).
 */
@Entity
@Customizer(PartnerReferral.WrittenAfterItsReferral.class)
@Table(name = "partner_referral")
public class PartnerReferral {

    @Id
    @Column(name = "referral_id")
    private String referralId;

    @Column(name = "partner_code")
    private String partnerCode;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "referral_row_id")
    private Long referralRowId;

    @Column(name = "received_via")
    private String receivedVia;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    /**
     * partner_referral names its case and its referral row by id columns, not mapped relationships:
     * EclipseLink is told to write it after them (see WrittenAfterItsCase).
     */
    public static class WrittenAfterItsReferral implements DescriptorCustomizer {
        @Override
        public void customize(ClassDescriptor descriptor) {
            descriptor.addConstraintDependency(DisputeCase.class);
            descriptor.addConstraintDependency(Referral.class);
        }
    }

    protected PartnerReferral() {
    }

    public PartnerReferral(String referralId, String partnerCode, String externalId, String contentHash, Long caseId,
                           String caseNumber, Long referralRowId, String receivedVia, OffsetDateTime receivedAt) {
        this.referralId = referralId;
        this.partnerCode = partnerCode;
        this.externalId = externalId;
        this.contentHash = contentHash;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.referralRowId = referralRowId;
        this.receivedVia = receivedVia;
        this.receivedAt = receivedAt;
    }

    public String referralId() {
        return referralId;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String externalId() {
        return externalId;
    }

    public String contentHash() {
        return contentHash;
    }

    public Long caseId() {
        return caseId;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public Long referralRowId() {
        return referralRowId;
    }

    public String receivedVia() {
        return receivedVia;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }
}
