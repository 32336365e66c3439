package org.trilink.documents.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import org.trilink.documents.control.DocumentContent.Block;
import org.trilink.documents.control.DocumentContent.Cell;
import org.trilink.documents.control.DocumentContent.Grid;
import org.trilink.documents.control.DocumentContent.Heading;
import org.trilink.documents.control.DocumentContent.Line;
import org.trilink.documents.control.DocumentContent.PageBreak;
import org.trilink.documents.control.DocumentContent.Seal;
import org.trilink.documents.control.DocumentContent.Signatures;
import org.trilink.documents.control.DocumentContent.Text;
import org.trilink.documents.control.DocumentContent.Title;

/**
 * Lays a {@link DocumentContent} out as an A4 PDF the way offices print their forms: a large
 * centred title, ruled tables with shaded labels, indented running text, signature lines and a
 * place for the seal; a footer on every page with the case number, the version and the
 * verification code. The Chinese font (WenQuanYi Micro Hei, Apache 2.0, bundled in the WAR)
 * is embedded as a subset, so the file shows the same on any machine; characters it lacks (CJK
 * Extension A, name characters beyond the BMP) come from the fallback fonts of
 * {@link BundledFonts}, and a character none of them has is refused (422), never left out.
 */
@ApplicationScoped
public class DocumentRenderer {

    private static final Color LABEL_SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final float LEFT = 72;   // about 25 mm, the usual binding margin
    private static final float RIGHT = 64;
    /** The page's left and right margins, where the signature stamper finds the signature lines' columns. */
    static final float MARGIN_LEFT = LEFT;
    static final float MARGIN_RIGHT = RIGHT;
    private static final float TOP = 64;
    private static final float BOTTOM = 72;

    /** Closing punctuation never starts a line, opening punctuation never ends one (禁则). */
    private static final String NO_LINE_START = "，。、；：？！）】》」』”’％·…—,.;:?!)%";
    private static final String NO_LINE_END = "（【《「『“‘(";

    private static final SplitCharacter KINSOKU = (start, current, end, cc, ck) -> {
        if (current + 1 < end && NO_LINE_START.indexOf(cc[current + 1]) >= 0) {
            return false;
        }
        if (NO_LINE_END.indexOf(cc[current]) >= 0) {
            return false;
        }
        return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck);
    };

    /** A type style (size, weight, colour) and the bundled fonts that set text in it. */
    static final class Style {
        private final Font font;
        private final BundledFonts.Selector selector;

        Style(float size, int style, Color color) {
            this.font = new Font(BundledFonts.main(), size, style, color);
            this.selector = new BundledFonts.Selector(font);
        }

        /** Text in the main font, a fallback only where it lacks a glyph, breaking lines as Chinese allows. */
        Phrase phrase(String text) {
            return selector.phrase(text, font, KINSOKU);
        }

        Paragraph paragraph(String text) {
            Paragraph p = new Paragraph();
            p.setFont(font);
            p.add(phrase(text));
            return p;
        }
    }

    /** The PDF bytes of the content, with {@code footer} on every page beside the page number. */
    public byte[] render(DocumentContent content, String footer) {
        Style title = new Style(22, Font.BOLD, null);
        Style body = new Style(12, Font.NORMAL, null);
        Style bold = new Style(12, Font.BOLD, null);
        Style small = new Style(8.5f, Font.NORMAL, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document doc = new Document(PageSize.A4, LEFT, RIGHT, TOP, BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(footer, small));
            BundledFonts.requirePrintable(footer);   // refused before the first page, not in a page event
            doc.addTitle(content.title() + " " + content.caseNumber());
            doc.addCreator("TriLink");
            doc.addSubject(footer);
            doc.open();
            for (Block block : content.blocks()) {
                add(doc, block, title, body, bold);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The document could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void add(Document doc, Block block, Style title, Style body, Style bold) throws DocumentException {
        // Java 17: no pattern matching for switch yet
        if (block instanceof Title t) {
            Paragraph p = title.paragraph(spaced(t.text()));
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingAfter(14);
            doc.add(p);
        } else if (block instanceof Line l) {
            Paragraph p = body.paragraph(l.text());
            p.setAlignment(switch (l.align()) {
                case LEFT -> Element.ALIGN_LEFT;
                case CENTER -> Element.ALIGN_CENTER;
                case RIGHT -> Element.ALIGN_RIGHT;
            });
            p.setSpacingAfter(6);
            doc.add(p);
        } else if (block instanceof Text t) {
            Paragraph p = body.paragraph(t.text());
            p.setFirstLineIndent(24);   // two characters, as in any Chinese document
            p.setLeading(0, 1.6f);
            p.setSpacingAfter(4);
            p.setAlignment(Element.ALIGN_JUSTIFIED);
            doc.add(p);
        } else if (block instanceof Heading h) {
            Paragraph p = bold.paragraph(h.text());
            p.setSpacingBefore(8);
            p.setSpacingAfter(2);
            doc.add(p);
        } else if (block instanceof Grid g) {
            doc.add(grid(g, body, bold));
        } else if (block instanceof Signatures s) {
            doc.add(signatures(s, body));
        } else if (block instanceof Seal s) {
            doc.add(seal(s, body));
        } else if (block instanceof PageBreak) {
            doc.newPage();
        }
    }

    private static PdfPTable grid(Grid g, Style body, Style bold) throws DocumentException {
        PdfPTable table = new PdfPTable(g.widths().length);
        table.setWidthPercentage(100);
        table.setWidths(g.widths());
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        table.setSplitLate(false);
        for (Cell c : g.cells()) {
            PdfPCell cell = new PdfPCell((c.label() ? bold : body).phrase(c.text()));
            cell.setColspan(c.span());
            cell.setPadding(5);
            cell.setPaddingBottom(7);
            cell.setBorderWidth(0.8f);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setLeading(0, 1.3f);
            if (c.label()) {
                cell.setBackgroundColor(LABEL_SHADE);
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            }
            if (c.minHeight() > 0) {
                cell.setMinimumHeight(c.minHeight());
                cell.setVerticalAlignment(Element.ALIGN_TOP);
            }
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPTable signatures(Signatures s, Style body) throws DocumentException {
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {53, 28, 19});
        table.setSpacingBefore(10);
        table.setKeepTogether(true);
        for (String label : s.labels()) {
            table.addCell(plain(label, body, Element.ALIGN_LEFT));
            PdfPCell line = plain(" ", body, Element.ALIGN_LEFT);
            line.setBorder(Rectangle.BOTTOM);
            line.setBorderWidthBottom(0.6f);
            table.addCell(line);
            table.addCell(plain("    年    月    日", body, Element.ALIGN_RIGHT));
        }
        return table;
    }

    private static PdfPTable seal(Seal s, Style body) throws DocumentException {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {45, 55});
        table.setSpacingBefore(16);
        table.setKeepTogether(true);
        table.addCell(plain(" ", body, Element.ALIGN_LEFT));
        PdfPCell stamp = plain("（盖章）", body, Element.ALIGN_CENTER);
        stamp.setFixedHeight(112);
        stamp.setVerticalAlignment(Element.ALIGN_MIDDLE);
        stamp.setCellEvent(new SealCircle());
        table.addCell(stamp);
        table.addCell(plain(" ", body, Element.ALIGN_LEFT));
        table.addCell(plain(s.organisation(), body, Element.ALIGN_CENTER));
        table.addCell(plain(" ", body, Element.ALIGN_LEFT));
        table.addCell(plain(s.date(), body, Element.ALIGN_CENTER));
        return table;
    }

    private static PdfPCell plain(String text, Style style, int align) {
        PdfPCell cell = new PdfPCell(style.phrase(text));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setPaddingTop(12);
        cell.setPaddingBottom(4);
        return cell;
    }

    /** Titles of two to six characters are letter-spaced, as printed forms do (人 民 调 解 协 议 书). */
    private static String spaced(String title) {
        if (title.length() > 8 || title.codePoints().anyMatch(cp -> cp < 0x3000)) {
            return title;
        }
        return String.join(" ", title.split(""));
    }

    /** A dashed circle where the seal goes, so nobody signs across it. */
    private static final class SealCircle implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.LINECANVAS];
            cb.saveState();
            cb.setLineWidth(0.6f);
            cb.setLineDash(3, 3, 0);
            cb.setColorStroke(Color.GRAY);
            float r = Math.min(position.getWidth(), position.getHeight()) / 2 - 4;
            cb.circle((position.getLeft() + position.getRight()) / 2, (position.getTop() + position.getBottom()) / 2, r);
            cb.stroke();
            cb.restoreState();
        }
    }

    /** Case number, version and verification code at the foot of every page, with the page number. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;
        private final Style style;

        Footer(String text, Style style) {
            this.text = text;
            this.style = style;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - 28;
            cb.saveState();
            cb.setLineWidth(0.4f);
            cb.setColorStroke(Color.GRAY);
            cb.moveTo(document.left(), y + 12);
            cb.lineTo(document.right(), y + 12);
            cb.stroke();
            cb.restoreState();
            // first line: case number, document, version, code; further lines in the same small type below
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, style.phrase(lines[i]),
                        document.left(), y - i * 11, 0);
            }
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                    style.phrase("第 " + writer.getPageNumber() + " 页"), document.right(), y, 0);
        }
    }
}
