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
import org.trilink.cases.control.CaseRecords;
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

    @Inject
    CaseRecords records;

    private ChosenMove chosen;

    /**
     * The moves to show as buttons for this case, now: the next step first, then the others in
     * the order of {@link Move}; moves that cannot apply yet (a session's before there is one) are left out.
     */
    public List<Move> moves(DisputeCase c) {
        return offer(c).moves();
    }

    /** Whether this move is the next step the case waits for: the one primary button. */
    public boolean isPrimary(Move m, DisputeCase c) {
        return m == offer(c).primary();
    }

    // asked for by every button while the page renders: worked out once per request and case version
    private NextMoves.Offer offer(DisputeCase c) {
        return (NextMoves.Offer) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(
                "caseActions.offer." + c.caseNumber() + "." + c.version(), k -> {
                    Set<Move> offered = EnumSet.noneOf(Move.class);
                    dialogs().forEach(d -> offered.addAll(d.moves()));
                    List<Move> allowed = lifecycle.actionsFor(c).stream().filter(offered::contains).sorted().toList();
                    List<CaseRecords.SessionRow> sessions = records.sessions(c);
                    NextMoves.Progress progress = new NextMoves.Progress(
                            sessions.stream().anyMatch(s -> "SCHEDULED".equals(s.status())),
                            sessions.stream().anyMatch(s -> "HELD".equals(s.status())),
                            c.outcomeAt() != null && records.followUps(c).stream()
                                    .anyMatch(v -> !v.visitedAt().isBefore(c.outcomeAt())));
                    return NextMoves.of(allowed, progress);
                });
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
            MoveForms.showRefusal(context, labels, refused.problem(), "casePage");
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
