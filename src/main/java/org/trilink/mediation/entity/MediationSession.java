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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A mediation session of a case: when, where, who; once held, its notes (调解笔录) and attendance. */
@Entity
@Table(name = "mediation_session")
public class MediationSession {

    @Id
    @SequenceGenerator(name = "session_seq", sequenceName = "session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "scheduled_at")
    private OffsetDateTime scheduledAt;

    private String place;

    private String participants;

    @Enumerated(EnumType.STRING)
    private SessionStatus status;

    private String notes;

    private String attendance;

    @Column(name = "held_at")
    private OffsetDateTime heldAt;

    @Version
    private long version;

    protected MediationSession() {
    }

    public MediationSession(Long caseId, OffsetDateTime scheduledAt, String place, String participants) {
        this.caseId = caseId;
        this.scheduledAt = scheduledAt;
        this.place = place;
        this.participants = participants;
        this.status = SessionStatus.SCHEDULED;
    }

    public void reschedule(OffsetDateTime at, String newPlace, String newParticipants) {
        this.scheduledAt = at;
        if (newPlace != null) {
            this.place = newPlace;
        }
        if (newParticipants != null) {
            this.participants = newParticipants;
        }
    }

    public void cancel(String reason) {
        this.status = SessionStatus.CANCELLED;
        this.notes = reason;
    }

    public void held(OffsetDateTime at, String sessionNotes, String present) {
        this.status = SessionStatus.HELD;
        this.heldAt = at;
        this.notes = sessionNotes;
        this.attendance = present;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public OffsetDateTime scheduledAt() {
        return scheduledAt;
    }

    public String place() {
        return place;
    }

    public String participants() {
        return participants;
    }

    public SessionStatus status() {
        return status;
    }

    public String notes() {
        return notes;
    }

    public String attendance() {
        return attendance;
    }

    public OffsetDateTime heldAt() {
        return heldAt;
    }

    public long version() {
        return version;
    }
}
