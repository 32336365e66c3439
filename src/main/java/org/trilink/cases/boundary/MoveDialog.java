package org.trilink.cases.boundary;

import java.util.Set;
import org.trilink.cases.entity.Move;

/**
 * A dialog of the case page's actions area: the form of one move, or of a few moves that ask for
 * the same things. Each dialog is a view-scoped bean in the boundary of the feature whose control
 * makes its moves; {@link CaseActionsBacking} finds them through this interface, so that the case
 * page offers referral and mediation moves without cases depending on those features.
 */
public interface MoveDialog {

    /** The moves this dialog has a form for; no move belongs to two dialogs. */
    Set<Move> moves();

    /** The dialog opens for a move: what it was given before is forgotten, defaults are set again. */
    void open(ChosenMove chosen);

    /** Makes the move with what the user entered; a refusal is thrown as a {@code ProblemException}. */
    void confirm(ChosenMove chosen);
}
