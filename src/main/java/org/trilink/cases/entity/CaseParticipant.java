package org.trilink.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.eclipse.persistence.annotations.Customizer;

/**
 * An office taking part in a case: the one handling it, one joining it (联合调解), or one
 * that handled it before a referral moved it on. Access to a case is decided by these rows.
 */
@Entity
@Customizer(WrittenAfterItsCase.class)
@Table(name = "case_participant")
@IdClass(CaseParticipant.Key.class)
public class CaseParticipant {

    public enum Part { HANDLING, JOINT, FORMER }

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Id
    @Column(name = "office_code")
    private String officeCode;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Part part;

    private OffsetDateTime since;

    /** The case's time of receipt, copied: an office's list is read in this order from the participations' index (V42). */
    @Column(name = "case_received_at", updatable = false)
    private OffsetDateTime caseReceivedAt;

    protected CaseParticipant() {
    }

    public CaseParticipant(DisputeCase c, String officeCode, Part part, OffsetDateTime since) {
        this.caseId = c.id();
        this.caseReceivedAt = c.receivedAt();
        this.officeCode = officeCode;
        this.part = part;
        this.since = since;
    }

    public Long caseId() {
        return caseId;
    }

    public String officeCode() {
        return officeCode;
    }

    public Part part() {
        return part;
    }

    public void changePart(Part newPart, OffsetDateTime at) {
        this.part = newPart;
        this.since = at;
    }

    public OffsetDateTime since() {
        return since;
    }

    public static class Key implements Serializable {
        public Long caseId;
        public String officeCode;

        public Key() {
        }

        public Key(Long caseId, String officeCode) {
            this.caseId = caseId;
            this.officeCode = officeCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(officeCode, k.officeCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, officeCode);
        }
    }
}
