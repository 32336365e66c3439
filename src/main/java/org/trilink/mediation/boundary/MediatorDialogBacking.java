package org.trilink.mediation.boundary;

import static org.trilink.cases.boundary.MoveForms.required;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trilink.cases.boundary.ChosenMove;
import org.trilink.cases.boundary.MoveDialog;
import org.trilink.cases.entity.Move;
import org.trilink.mediation.control.Mediation;
import org.trilink.mediation.entity.MediatorCapacity;
import org.trilink.offices.entity.Staff;

/**
 * The case page's dialog for starting mediation and assigning a mediator from the offices taking
 * part. {@link Mediation} makes the moves, as for the mediation API.
 */
@Named("mediatorDialog")
@ViewScoped
public class MediatorDialogBacking implements MoveDialog, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<Move> MOVES = Collections.unmodifiableSet(
            EnumSet.of(Move.START_MEDIATION, Move.ASSIGN_MEDIATOR));

    @Inject
    Mediation mediation;

    private String caseNumber;
    private String mediator;
    private MediatorCapacity capacity = MediatorCapacity.PEOPLES_MEDIATOR;

    @Override
    public Set<Move> moves() {
        return MOVES;
    }

    @Override
    public void open(ChosenMove chosen) {
        caseNumber = chosen.caseNumber();
        mediator = null;
        capacity = MediatorCapacity.PEOPLES_MEDIATOR;
    }

    @Override
    public void confirm(ChosenMove chosen) {
        switch (chosen.move()) {
            case START_MEDIATION -> mediation.startMediation(chosen.caseNumber(), chosen.version());
            case ASSIGN_MEDIATOR -> mediation.assignMediator(chosen.caseNumber(), chosen.version(),
                    required(mediator, "username"), required(capacity, "capacity"));
            default -> throw new IllegalStateException("No mediator form for " + chosen.move());
        }
    }

    /** Staff who may be assigned to mediate: of the offices taking part in the case. */
    public List<Staff> mediatorCandidates() {
        return mediation.candidates(caseNumber);
    }

    public List<MediatorCapacity> getCapacities() {
        return List.of(MediatorCapacity.values());
    }

    public String getMediator() {
        return mediator;
    }

    public void setMediator(String mediator) {
        this.mediator = mediator;
    }

    public MediatorCapacity getCapacity() {
        return capacity;
    }

    public void setCapacity(MediatorCapacity capacity) {
        this.capacity = capacity;
    }
}
