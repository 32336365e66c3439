package org.trilink.documents.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Puts the parties' handwritten signatures on their lines and the committee's seal on its
 * circle in an agreement exactly as the parties read and signed it, and a line on the last
 * page saying that this is the electronically signed version. The places are found by the
 * printed words the renderer puts there (each party's line ends with {@link #PARTY_LINE},
 * the seal's circle holds {@link #SEAL_PLACE}), in the order the parties are printed.
 */
public final class SignatureStamper {

    static final String PARTY_LINE = "（签名、盖章或按指印）";
    static final String SEAL_PLACE = "（盖章）";

    /** A party's mark: the handwritten image and the small caption printed under it. */
    public record Mark(byte[] png, String caption) {
    }

    /** Where a printed text starts on a page: page index, x and y from the page's top-left (points). */
    record Place(int page, float x, float yFromTop, float width) {
    }

    private SignatureStamper() {
    }

    /**
     * The stamped PDF. {@code marks} are in the order of the parties' lines; a document with
     * another number of party lines is refused, so a mark never lands on the wrong line.
     */
    public static byte[] stamp(byte[] pdf, List<Mark> marks, byte[] sealPng, String lastPageNote) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Place> lines = find(doc, PARTY_LINE);
            List<Place> seals = find(doc, SEAL_PLACE);
            if (lines.size() != marks.size()) {
                throw new IllegalStateException("The agreement has " + lines.size() + " party signature lines but "
                        + marks.size() + " signatures were given.");
            }
            PDType0Font font;
            try (InputStream in = SignatureStamper.class.getClassLoader()
                    .getResourceAsStream(BundledFonts.RESOURCES.get(0))) {
                font = PDType0Font.load(doc, in, true);
            }
            for (int i = 0; i < marks.size(); i++) {
                Place line = lines.get(i);
                PDPage page = doc.getPage(line.page());
                PDRectangle box = page.getMediaBox();
                float width = box.getWidth() - DocumentRenderer.MARGIN_LEFT - DocumentRenderer.MARGIN_RIGHT;
                // the blank line is the table's middle column (53 % .. 81 % of the text width)
                float cellX = DocumentRenderer.MARGIN_LEFT + width * 0.53f;
                float cellWidth = width * 0.28f;
                float baseline = box.getHeight() - line.yFromTop();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(marks.get(i).png()));
                    PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
                    float maxW = cellWidth - 8;
                    float maxH = 34;
                    float scale = Math.min(maxW / image.getWidth(), maxH / image.getHeight());
                    float w = image.getWidth() * scale;
                    float h = image.getHeight() * scale;
                    cs.drawImage(xo, cellX + (cellWidth - w) / 2, baseline - 2, w, h);
                    cs.beginText();
                    cs.setFont(font, 6.5f);
                    cs.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                    cs.newLineAtOffset(cellX + 2, baseline - 13);
                    cs.showText(marks.get(i).caption());
                    cs.endText();
                }
            }
            if (sealPng != null && !seals.isEmpty()) {
                Place seal = seals.get(seals.size() - 1);
                PDPage page = doc.getPage(seal.page());
                float height = page.getMediaBox().getHeight();
                float size = 104;
                float cx = seal.x() + seal.width() / 2;
                float cy = height - seal.yFromTop() + 4;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    PDImageXObject xo = LosslessFactory.createFromImage(doc,
                            ImageIO.read(new ByteArrayInputStream(sealPng)));
                    cs.drawImage(xo, cx - size / 2, cy - size / 2, size, size);
                }
            }
            if (lastPageNote != null) {
                PDPage last = doc.getPage(doc.getNumberOfPages() - 1);
                PDRectangle box = last.getMediaBox();
                try (PDPageContentStream cs = new PDPageContentStream(doc, last,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs.beginText();
                    cs.setFont(font, 8);
                    cs.setNonStrokingColor(0.2f, 0.2f, 0.5f);
                    cs.newLineAtOffset(DocumentRenderer.MARGIN_LEFT, box.getHeight() - 36);
                    cs.showText(lastPageNote);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The signatures could not be placed on the agreement: " + e.getMessage(), e);
        }
    }

    /** How many party signature lines the agreement has (one per party). */
    public static int partyLines(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return find(doc, PARTY_LINE).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every place of {@code marker} in reading order, found in the document's characters as one
     * stream, so that a label wrapped over two lines (a long organisation's name) is still found;
     * the place is that of the marker's last line (where the signature line's baseline is).
     */
    static List<Place> find(PDDocument doc, String marker) throws IOException {
        List<TextPosition> chars = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String string, List<TextPosition> positions) throws IOException {
                for (TextPosition p : positions) {
                    String u = p.getUnicode();
                    if (u == null || u.isEmpty()) {
                        continue;
                    }
                    // one entry per char of the unicode, all pointing at the glyph
                    for (int i = 0; i < u.length(); i++) {
                        text.append(u.charAt(i));
                        chars.add(p);
                        pages.add(getCurrentPageNo() - 1);
                    }
                }
                super.writeString(string, positions);
            }
        };
        // content-stream order keeps a table cell's lines together: sorted by position, a label
        // wrapped in its cell ("…按指" / "印）") is cut by the next column's "年 月 日"
        stripper.setSortByPosition(false);
        stripper.getText(doc);
        List<Place> found = new ArrayList<>();
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            int lastIndex = at + marker.length() - 1;
            TextPosition last = chars.get(lastIndex);
            // the start of the marker on its last line
            int firstIndex = lastIndex;
            while (firstIndex > at && Math.abs(chars.get(firstIndex - 1).getYDirAdj() - last.getYDirAdj()) < 1
                    && pages.get(firstIndex - 1).equals(pages.get(lastIndex))) {
                firstIndex--;
            }
            TextPosition first = chars.get(firstIndex);
            found.add(new Place(pages.get(lastIndex), first.getXDirAdj(), last.getYDirAdj(),
                    last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj()));
        }
        return found;
    }
}
