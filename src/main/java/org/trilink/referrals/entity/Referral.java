package org.trilink.referrals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Customizer;
import org.trilink.cases.entity.WrittenAfterItsCase;

/**
 * A case handed from one office (or a partner agency, {@code fromPartner}) to another. The
 * office handling the case changes only when the receiving office accepts.
 */
@Entity
@Customizer(WrittenAfterItsCase.class)
@Table(name = "referral")
public class Referral {

    @Id
    @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "from_office_code")
    private String fromOfficeCode;

    @Column(name = "to_office_code")
    private String toOfficeCode;

    @Column(name = "from_partner")
    private String fromPartner;

    private String reason;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "sent_by")
    private String sentBy;

    private OffsetDateTime deadline;

    private boolean overdue;

    @Column(name = "overdue_at")
    private OffsetDateTime overdueAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    /** The working hours the deadline was counted in; null for a deadline the sender chose. */
    @Column(name = "deadline_hours")
    private Integer deadlineHours;

    @Version
    private long version;

    protected Referral() {
    }

    public Referral(Long caseId, String fromOfficeCode, String toOfficeCode, String reason, OffsetDateTime sentAt,
                    String sentBy, OffsetDateTime deadline) {
        this.caseId = caseId;
        this.fromOfficeCode = fromOfficeCode;
        this.toOfficeCode = toOfficeCode;
        this.reason = reason;
        this.status = ReferralStatus.PENDING;
        this.sentAt = sentAt;
        this.sentBy = sentBy;
        this.deadline = deadline;
    }

    /** A referral from a partner agency's system to the office that takes its cases ({@code sentBy} partner:code). */
    public static Referral fromPartner(Long caseId, String partnerCode, String toOfficeCode, String reason,
                                       OffsetDateTime sentAt, String sentBy, OffsetDateTime deadline) {
        Referral r = new Referral(caseId, null, toOfficeCode, reason, sentAt, sentBy, deadline);
        r.fromPartner = partnerCode;
        return r;
    }

    /** The deadline was counted as {@code hours} working hours from sending: a calendar change counts it again. */
    public Referral countedIn(int hours) {
        this.deadlineHours = hours;
        return this;
    }

    public Integer deadlineHours() {
        return deadlineHours;
    }

    /** The deadline counted again (the working calendar changed). */
    public void moveDeadline(OffsetDateTime deadline) {
        this.deadline = deadline;
    }

    public void accept(OffsetDateTime at, String by) {
        decide(ReferralStatus.ACCEPTED, at, by);
    }

    public void reject(OffsetDateTime at, String by, String why) {
        decide(ReferralStatus.REJECTED, at, by);
        this.rejectionReason = why;
    }

    public void recall(OffsetDateTime at, String by) {
        decide(ReferralStatus.RECALLED, at, by);
    }

    private void decide(ReferralStatus next, OffsetDateTime at, String by) {
        this.status = next;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String fromOfficeCode() {
        return fromOfficeCode;
    }

    public String toOfficeCode() {
        return toOfficeCode;
    }

    public String fromPartner() {
        return fromPartner;
    }

    public String reason() {
        return reason;
    }

    public ReferralStatus status() {
        return status;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public String sentBy() {
        return sentBy;
    }

    public OffsetDateTime deadline() {
        return deadline;
    }

    public boolean overdue() {
        return overdue;
    }

    public OffsetDateTime overdueAt() {
        return overdueAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public long version() {
        return version;
    }
}
