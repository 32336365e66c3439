package org.trilink.mediation.boundary;

import static org.trilink.cases.boundary.MoveForms.at;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.trilink.cases.boundary.ChosenMove;
import org.trilink.cases.boundary.MoveDialog;
import org.trilink.cases.entity.Move;
import org.trilink.mediation.control.FollowUps;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.Performance;
import org.trilink.platform.Configured;

/**
 * The case page's dialog for a follow-up visit after the outcome: when, how, whether the agreement
 * is performed, the parties' satisfaction. {@link FollowUps} records it, as for the follow-ups API.
 */
@Named("followUpDialog")
@ViewScoped
public class FollowUpDialogBacking implements MoveDialog, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FollowUps followUps;

    @Inject
    Configured configured;

    private LocalDateTime when;
    private FollowUpMethod method = FollowUpMethod.PHONE;
    private Performance performance = Performance.PERFORMED;
    private Integer satisfaction = 5;
    private String notes;

    @Override
    public Set<Move> moves() {
        return Set.of(Move.RECORD_FOLLOW_UP);
    }

    @Override
    public void open(ChosenMove chosen) {
        when = null;
        method = FollowUpMethod.PHONE;
        performance = Performance.PERFORMED;
        satisfaction = 5;
        notes = null;
    }

    @Override
    public void confirm(ChosenMove chosen) {
        if (chosen.move() != Move.RECORD_FOLLOW_UP) {
            throw new IllegalStateException("No follow-up form for " + chosen.move());
        }
        followUps.record(chosen.caseNumber(), chosen.version(), when == null ? null : at(when, configured.zone()),
                method, performance, satisfaction == null ? 0 : satisfaction, notes);
    }

    public List<FollowUpMethod> getMethods() {
        return List.of(FollowUpMethod.values());
    }

    public List<Performance> getPerformances() {
        return List.of(Performance.values());
    }

    public LocalDateTime getWhen() {
        return when;
    }

    public void setWhen(LocalDateTime when) {
        this.when = when;
    }

    public FollowUpMethod getMethod() {
        return method;
    }

    public void setMethod(FollowUpMethod method) {
        this.method = method;
    }

    public Performance getPerformance() {
        return performance;
    }

    public void setPerformance(Performance performance) {
        this.performance = performance;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public void setSatisfaction(Integer satisfaction) {
        this.satisfaction = satisfaction;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
