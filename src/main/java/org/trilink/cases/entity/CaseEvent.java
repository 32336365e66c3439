package org.trilink.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Customizer;

/**
 * One change to a case: who, for which office, when, what, and the state before and after.
 * Append-only: a correction is a new event.
 */
@Entity
@Customizer(WrittenAfterItsCase.class)
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @SequenceGenerator(name = "case_event_seq", sequenceName = "case_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String type;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    private String actor;

    @Column(name = "office_code")
    private String officeCode;

    private String detail;

    @Column(name = "before_state")
    private String beforeState;

    @Column(name = "after_state")
    private String afterState;

    protected CaseEvent() {
    }

    public CaseEvent(Long caseId, String type, OffsetDateTime occurredAt, String actor, String officeCode,
                     String detail, String beforeState, String afterState) {
        this.caseId = caseId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.officeCode = officeCode;
        this.detail = detail;
        this.beforeState = beforeState;
        this.afterState = afterState;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String type() {
        return type;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String officeCode() {
        return officeCode;
    }

    public String detail() {
        return detail;
    }

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }
}
