package org.trilink.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Customizer;

/**
 * One change to a case: who, for which office, when, what (a typed {@link CaseChange}, stored as
 * JSON under its type), and the state before and after. Append-only: a correction is a new event.
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

    /** Entered after the fact (补录: from a ledger or a late registration), not as it happened. */
    private boolean backfilled;

    @Transient
    private CaseChange change;

    protected CaseEvent() {
    }

    public CaseEvent(Long caseId, CaseChange change, OffsetDateTime occurredAt, String actor, String officeCode,
                     String beforeState, String afterState, boolean backfilled) {
        this.caseId = caseId;
        this.type = change.type();
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.officeCode = officeCode;
        this.detail = CaseChangeJson.write(change);
        this.change = change;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.backfilled = backfilled;
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

    /** The typed change this event records (its JSON read once). */
    public CaseChange change() {
        if (change == null) {
            change = CaseChangeJson.read(type, detail);
        }
        return change;
    }

    /** The typed change as stored: its JSON, for answers that hand the fields on as they are. */
    public String changeJson() {
        return detail;
    }

    /** The detail in the words the history API has always used, rendered from the typed change. */
    public String detail() {
        return change().text();
    }

    public boolean backfilled() {
        return backfilled;
    }

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }
}
