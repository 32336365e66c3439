package org.trilink.cases.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;

/**
 * The actions area of the case page. It offers only the moves the lifecycle says the user may
 * make now ({@link CaseLifecycle#actionsFor}) and a dialog has a form for, opens the chosen move's
 * {@link MoveDialog}, and confirms through it with the case version the user saw, so that a case
 * changed meanwhile is refused rather than overwritten. The dialogs sit in the features that own
 * their moves (cases, referrals, mediation); this bean knows them only as {@link MoveDialog}s.
 */
@Named("caseActions")
@ViewScoped
public class CaseActionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    Labels labels;

    @Inject
    CaseOnPage onPage;

    private ChosenMove chosen;

    /** The moves to show as buttons for this case, now, in the order of {@link Move}. */
    public List<Move> moves(DisputeCase c) {
        Set<Move> offered = EnumSet.noneOf(Move.class);
        dialogs().forEach(d -> offered.addAll(d.moves()));
        return lifecycle.actionsFor(c).stream().filter(offered::contains).sorted().toList();
    }

    /** A button was pressed: open the move's dialog, remembering the version the user is looking at. */
    public void choose(Move move, DisputeCase c) {
        chosen = new ChosenMove(move, c.caseNumber(), c.version());
        dialogFor(move).open(chosen);
    }

    public void cancel() {
        chosen = null;
    }

    /** Makes the chosen move; a refusal is shown in the user's language and nothing changes. */
    public void confirm() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (chosen == null) {
            return;
        }
        try {
            dialogFor(chosen.move()).confirm(chosen);
        } catch (ProblemException refused) {
            MoveForms.showRefusal(context, labels, refused.problem());
            return;
        }
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                labels.text("action.done", labels.of(chosen.move())), null));
        chosen = null;
        onPage.forget(); // the page shows the case as it is after the move
    }

    /**
     * The open dialog. The fields several dialogs ask for (reason, time, notes) are one input
     * each on the page, bound through this, so that they keep the ids the page always had.
     */
    public MoveDialog getDialog() {
        return chosen == null ? null : dialogFor(chosen.move());
    }

    public Move getChosen() {
        return chosen == null ? null : chosen.move();
    }

    public String getChosenName() {
        return chosen == null ? "" : chosen.move().name();
    }

    // looked up, not injected: an injected Instance is not serializable, and this bean lives in the session
    private static List<MoveDialog> dialogs() {
        return CDI.current().select(MoveDialog.class).stream().toList();
    }

    private static MoveDialog dialogFor(Move move) {
        return dialogs().stream().filter(d -> d.moves().contains(move)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The portal offers no form for " + move));
    }
}
