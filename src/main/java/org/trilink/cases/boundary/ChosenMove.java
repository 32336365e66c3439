package org.trilink.cases.boundary;

import java.io.Serializable;
import org.trilink.cases.entity.Move;

/**
 * The move a user chose on the case page, with the case and the version they were looking at:
 * the move is made against that version, so that a case changed meanwhile is refused rather than
 * overwritten.
 */
public record ChosenMove(Move move, String caseNumber, long version) implements Serializable {
}
