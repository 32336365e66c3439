package org.trilink.documents.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.trilink.documents.entity.DocumentKind;

/**
 * What a document says, before it is laid out: a list of blocks. Its canonical text (every
 * printed word in reading order, without the page footer) is what the verification code is
 * the hash of, so that the same case data always gives the same code, whatever PDF library,
 * font version or generation time produced the file.
 */
public record DocumentContent(DocumentKind kind, String caseNumber, String title, List<Block> blocks) {

    public DocumentContent {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Title, Line, Text, Heading, Grid, Signatures, Seal, PageBreak {
        /** The block's words for the canonical text, one printed line or cell per list item. */
        List<String> words();
    }

    /** The document's big title, centred. */
    public record Title(String text) implements Block {
        public List<String> words() {
            return List.of(text);
        }
    }

    /** One line aligned left, centre or right, not indented (addressee, number, date). */
    public record Line(String text, Align align) implements Block {
        public List<String> words() {
            return List.of(text);
        }
    }

    /** A paragraph of running text with the customary two-character first-line indent. */
    public record Text(String text) implements Block {
        public List<String> words() {
            return List.of(text);
        }
    }

    /** A bold lead-in such as 纠纷主要事实、争议事项： */
    public record Heading(String text) implements Block {
        public List<String> words() {
            return List.of(text);
        }
    }

    /** A ruled table; a cell spanning several columns has {@code span > 1}; labels are shaded. */
    public record Grid(float[] widths, List<Cell> cells) implements Block {
        public Grid {
            widths = widths.clone();
            cells = List.copyOf(cells);
        }

        public List<String> words() {
            return cells.stream().map(Cell::text).toList();
        }
    }

    public record Cell(String text, int span, boolean label, int minHeight) {
        public static Cell label(String text) {
            return new Cell(text, 1, true, 0);
        }

        public static Cell value(String text) {
            return new Cell(text == null || text.isBlank() ? "—" : text, 1, false, 0);
        }

        public static Cell value(String text, int span) {
            return new Cell(text == null || text.isBlank() ? "—" : text, span, false, 0);
        }

        public Cell tall(int height) {
            return new Cell(text, span, label, height);
        }
    }

    /** Lines for handwritten signatures: a label and a blank line, with room for the date. */
    public record Signatures(List<String> labels) implements Block {
        public Signatures {
            labels = List.copyOf(labels);
        }

        public List<String> words() {
            return labels;
        }
    }

    /** The place for an organisation's seal, with its name and the date below. */
    public record Seal(String organisation, String date) implements Block {
        public List<String> words() {
            return List.of(organisation, date);
        }
    }

    public record PageBreak() implements Block {
        public List<String> words() {
            return List.of();
        }
    }

    public enum Align { LEFT, CENTER, RIGHT }

    /** Every printed word in order, one item per line; the footer is not part of it. */
    public String canonicalText() {
        List<String> lines = new ArrayList<>();
        lines.add(kind.name());
        lines.add(caseNumber);
        for (Block b : blocks) {
            lines.addAll(b.words());
        }
        return String.join("\n", lines.stream().map(s -> s.replace('\n', ' ').strip()).toList()) + "\n";
    }

    /** Hex SHA-256 of the canonical text in UTF-8; its first 12 digits are printed on every page. */
    public String contentHash() {
        return sha256(canonicalText().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
