package org.trilink.mediation.boundary;

import static org.trilink.cases.boundary.MoveForms.at;
import static org.trilink.cases.boundary.MoveForms.required;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trilink.cases.boundary.ChosenMove;
import org.trilink.cases.boundary.MoveDialog;
import org.trilink.cases.entity.Move;
import org.trilink.mediation.control.Mediation;
import org.trilink.mediation.entity.MediationSession;
import org.trilink.mediation.entity.SessionStatus;
import org.trilink.platform.Configured;

/**
 * The case page's dialog for mediation sessions: schedule one, and for a session still to be held,
 * reschedule, record or cancel it. {@link Mediation} makes the moves, as for the mediation API.
 */
@Named("sessionDialog")
@ViewScoped
public class SessionDialogBacking implements MoveDialog, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<Move> MOVES = Collections.unmodifiableSet(EnumSet.of(Move.SCHEDULE_SESSION,
            Move.RECORD_SESSION, Move.CANCEL_SESSION, Move.RESCHEDULE_SESSION));

    @Inject
    Mediation mediation;

    @Inject
    Configured configured;

    private String caseNumber;
    private LocalDateTime when;
    private String place;
    private String participants;
    private Long sessionId;
    private String notes;
    private String attendance;
    private String reason;

    @Override
    public Set<Move> moves() {
        return MOVES;
    }

    @Override
    public void open(ChosenMove chosen) {
        caseNumber = chosen.caseNumber();
        when = null;
        place = null;
        participants = null;
        sessionId = null;
        notes = null;
        attendance = null;
        reason = null;
        if (chosen.move() != Move.SCHEDULE_SESSION) {
            List<MediationSession> open = scheduledSessions();
            sessionId = open.isEmpty() ? null : open.get(0).id();
        }
    }

    @Override
    public void confirm(ChosenMove chosen) {
        String n = chosen.caseNumber();
        long version = chosen.version();
        switch (chosen.move()) {
            case SCHEDULE_SESSION -> mediation.schedule(n, version, at(required(when, "when"), configured.zone()),
                    required(place, "place"), participants);
            case RECORD_SESSION -> mediation.recordHeld(n, version, required(sessionId, "sessionId"),
                    when == null ? null : at(when, configured.zone()), required(notes, "notes"), attendance);
            case CANCEL_SESSION -> mediation.cancel(n, version, required(sessionId, "sessionId"),
                    required(reason, "reason"));
            case RESCHEDULE_SESSION -> mediation.reschedule(n, version, required(sessionId, "sessionId"),
                    at(required(when, "when"), configured.zone()), place, participants, reason);
            default -> throw new IllegalStateException("No session form for " + chosen.move());
        }
    }

    /** Sessions still to be held, for recording, cancelling or rescheduling one. */
    public List<MediationSession> scheduledSessions() {
        return mediation.sessions(caseNumber).stream().filter(s -> s.status() == SessionStatus.SCHEDULED).toList();
    }

    public LocalDateTime getWhen() {
        return when;
    }

    public void setWhen(LocalDateTime when) {
        this.when = when;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getParticipants() {
        return participants;
    }

    public void setParticipants(String participants) {
        this.participants = participants;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getAttendance() {
        return attendance;
    }

    public void setAttendance(String attendance) {
        this.attendance = attendance;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
