package org.trilink.mediation.entity;

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

/** A follow-up (回访) after the outcome: how, whether the agreement is performed, satisfaction 1 to 5. */
@Entity
@Table(name = "follow_up_visit")
public class FollowUpVisit {

    @Id
    @SequenceGenerator(name = "follow_up_seq", sequenceName = "follow_up_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "visited_at")
    private OffsetDateTime visitedAt;

    @Enumerated(EnumType.STRING)
    private FollowUpMethod method;

    @Enumerated(EnumType.STRING)
    private Performance performance;

    private int satisfaction;

    private String notes;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "office_code")
    private String officeCode;

    protected FollowUpVisit() {
    }

    public FollowUpVisit(Long caseId, OffsetDateTime visitedAt, FollowUpMethod method, Performance performance,
                         int satisfaction, String notes, String recordedBy, String officeCode) {
        this.caseId = caseId;
        this.visitedAt = visitedAt;
        this.method = method;
        this.performance = performance;
        this.satisfaction = satisfaction;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.officeCode = officeCode;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public OffsetDateTime visitedAt() {
        return visitedAt;
    }

    public FollowUpMethod method() {
        return method;
    }

    public Performance performance() {
        return performance;
    }

    public int satisfaction() {
        return satisfaction;
    }

    public String notes() {
        return notes;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String officeCode() {
        return officeCode;
    }
}
