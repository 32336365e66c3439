package org.trilink.documents.control;

/**
 * A document's text holds a character that none of the bundled fonts can draw. Thrown before
 * anything is stored; {@link CaseDocuments} answers it as a 422 problem naming the character.
 */
public class UnprintableCharacterException extends RuntimeException {

    private final int codePoint;

    UnprintableCharacterException(int codePoint, String excerpt, String fonts) {
        super(String.format("The character %s (U+%04X) in “%s” cannot be printed by any bundled font (%s);"
                        + " the document was not made. Correct the text, or have the character added to the fonts.",
                Character.toString(codePoint), codePoint, excerpt, fonts), null, false, false);
        this.codePoint = codePoint;
    }

    public int codePoint() {
        return codePoint;
    }
}
