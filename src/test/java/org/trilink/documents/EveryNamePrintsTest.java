package org.trilink.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.documents.control.DocumentComposer;
import org.trilink.documents.control.DocumentContent;
import org.trilink.documents.control.DocumentRenderer;
import org.trilink.documents.control.UnprintableCharacterException;

/**
 * Issue 20, "every name prints": party names with rare characters (CJK Extension A, beyond the
 * BMP) come out of the agreement whole, in embedded fonts, each with a real glyph; a character
 * no bundled font has is refused with its name, never printed blank.
 */
class EveryNamePrintsTest {

    private static final String[] FONTS = {"fonts/wqy-microhei-subset.ttf",
            "fonts/noto-sans-cjk-sc-fallback-subset.ttf", "fonts/babelstone-han-fallback-subset.ttf"};
    private static final List<CmapLookup> CMAPS = new ArrayList<>();

    private final DocumentComposer composer = new DocumentComposer();
    private final DocumentRenderer renderer = new DocumentRenderer();

    @BeforeAll
    static void readTheBundledFontsCmaps() throws IOException {
        for (String font : FONTS) {
            try (InputStream in = EveryNamePrintsTest.class.getClassLoader().getResourceAsStream(font)) {
                assertThat(in).as(font).isNotNull();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                CMAPS.add(ttf.getUnicodeCmapLookup());
            }
        }
    }

    private static boolean inFont(int font, int codePoint) {
        return CMAPS.get(font).getGlyphId(codePoint) != 0;
    }

    private static boolean inAnyFont(int codePoint) {
        return IntStream.range(0, CMAPS.size()).anyMatch(f -> inFont(f, codePoint));
    }

    static DisputeCase agreedBetween(String applicant, String respondent, String terms) {
        DisputeCase c = new DisputeCase("TL2026-000778", MatterKind.PEOPLES_MEDIATION, Channel.WALK_IN,
                IntakeMode.APPLICATION, DisputeType.NEIGHBOR, "楼上住户卫生间漏水，致楼下天花板受损",
                "310118104", "青浦区赵巷镇业辉路1号", new BigDecimal("12000.00"), 2, RiskLevel.LOW, "JO-ZHAOXIANG",
                OffsetDateTime.parse("2026-01-10T09:15:00+08:00"), OffsetDateTime.parse("2026-01-11T10:00:00+08:00"),
                "mediator");
        c.addParty(new Party(PartyRole.APPLICANT, PartyKind.PERSON, applicant, "11010519491231002X", null,
                "13800138000", "青浦区赵巷镇业辉路1号302室"));
        c.addParty(new Party(PartyRole.RESPONDENT, PartyKind.PERSON, respondent, "310118198001010018", null,
                "13900139000", "青浦区赵巷镇业辉路1号402室"));
        c.recordSuccess(OffsetDateTime.parse("2026-01-20T15:00:00+08:00"), AgreementForm.WRITTEN, terms,
                new BigDecimal("8600.00"), LocalDate.parse("2026-02-20"), LocalDate.parse("2026-02-19"));
        return c;
    }

    @Test
    void theTestNamesNeedTheFallbackWhereTheMainFontLacksAGlyph() {
        assertThat(inFont(0, 0x4DAE)).as("䶮 in the main font").isFalse();
        assertThat(inFont(0, 0x20BB7)).as("𠮷 in the main font").isFalse();
        assertThat(inFont(0, '堃')).isTrue();
        assertThat(inFont(0, '喆')).isTrue();
    }

    @Test
    void rareNamesPrintWholeInEmbeddedFontsWithRealGlyphs() throws IOException {
        String applicant = "李䶮";          // U+4DAE, CJK Extension A
        String respondent = "张𠮷堃";       // U+20BB7, Extension B (a surrogate pair), and U+5803
        DocumentContent content = composer.agreement(DocumentComposerTest.snapshot(
                agreedBetween(applicant, respondent, "被申请人王喆于2026年2月20日前赔偿申请人李䶮修复费用。")), 3);
        byte[] pdf = renderer.render(content, "案号 TL2026-000778　当事人 李䶮、张𠮷堃");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = DocumentComposerTest.flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains("申请人：李䶮（签名、盖章或按指印）", "被申请人：张𠮷堃（签名、盖章或按指印）",
                    "被申请人王喆于2026年2月20日前赔偿申请人李䶮修复费用", "当事人李䶮、张𠮷堃");

            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).as(font.getName()).isInstanceOf(PDType0Font.class);
                    PDType0Font type0 = (PDType0Font) font;
                    assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2())
                            .as("FontFile2 of %s", font.getName()).isNotNull();
                }
            }

            java.io.File image = new java.io.File("target/documents/rare-names.png");
            image.getParentFile().mkdirs();
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110),
                    "png", image);

            Map<Integer, List<TextPosition>> printed = glyphsOf(doc, "䶮𠮷堃喆");
            assertThat(printed.keySet()).containsExactlyInAnyOrder(0x4DAE, 0x20BB7, (int) '堃', (int) '喆');
            for (var e : printed.entrySet()) {
                for (TextPosition p : e.getValue()) {
                    int glyph = p.getCharacterCodes()[0];   // Identity-H: the code is the glyph id
                    String what = String.format("U+%04X in %s", e.getKey(), p.getFont().getName());
                    assertThat(glyph).as(what + " is not .notdef").isNotZero();
                    assertThat(((PDType0Font) p.getFont()).getPath(glyph).getBounds2D().isEmpty())
                            .as(what + " has an outline").isFalse();
                    // the main font wherever it has the glyph, the fallback only where it has not
                    assertThat(p.getFont().getName())
                            .as(what).contains(e.getKey() > 0x4DBF && e.getKey() < 0xA000 ? "WenQuanYi" : "Noto");
                }
            }
        }
    }

    @Test
    void everyNameCharacterOfGb18030Level2PrintsAndCopiesBack() throws IOException {
        List<Integer> list = Files.readAllLines(Path.of("src/main/fonts/gb18030-2022-level2-beyond-bmp.txt"),
                        StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("U+"))
                .map(l -> Integer.parseInt(l.substring(2, l.indexOf('\t')), 16)).toList();
        assertThat(list).hasSize(196).contains(0x20164);
        assertThat(list.stream().filter(cp -> !inAnyFont(cp)).toList()).as("level 2 names in no font").isEmpty();
        List<Integer> extA = IntStream.rangeClosed(0x3400, 0x4DBF).boxed().toList();
        assertThat(extA.stream().filter(cp -> !inAnyFont(cp)).toList()).as("Extension A in no font").isEmpty();
        assertThat(IntStream.rangeClosed(0x4E00, 0x9FFF).filter(cp -> !inAnyFont(cp)).boxed().toList())
                .as("CJK Unified Ideographs in no font").isEmpty();

        StringBuilder names = new StringBuilder();
        list.forEach(names::appendCodePoint);
        for (int cp = 0x4DB0; cp <= 0x4DBF; cp++) {   // the end of Extension A, partly from the third font
            names.appendCodePoint(cp);
        }
        DocumentContent content = composer.agreement(DocumentComposerTest.snapshot(
                agreedBetween("李" + names, "王喆", "双方和睦相处。")), 3);
        try (PDDocument doc = Loader.loadPDF(renderer.render(content, "footer"))) {
            assertThat(DocumentComposerTest.flat(new PDFTextStripper().getText(doc))).contains("李" + names);
            Map<Integer, List<TextPosition>> printed = glyphsOf(doc, names.toString());
            assertThat(printed).hasSize(names.codePointCount(0, names.length()));
            printed.forEach((cp, positions) -> positions.forEach(p -> assertThat(p.getCharacterCodes()[0])
                    .as("U+%04X", cp).isNotZero()));
        }
    }

    @Test
    void aCharacterNoFontHasIsRefusedByName() {
        int privateUse = 0xE000;
        assertThat(inAnyFont(privateUse)).isFalse();
        String name = "张" + Character.toString(privateUse) + "明";
        DocumentContent content = composer.agreement(DocumentComposerTest.snapshot(
                agreedBetween(name, "王喆", "双方和睦相处。")), 3);
        assertThatThrownBy(() -> renderer.render(content, "footer"))
                .isInstanceOfSatisfying(UnprintableCharacterException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo(privateUse);
                    assertThat(e.getMessage()).contains("U+E000", "“" + name, "cannot be printed");
                });

        int extG = 0x30000;   // Extension G: in BabelStone Han, not in the subsets shipped
        assertThat(inAnyFont(extG)).isFalse();
        DocumentContent g = composer.agreement(DocumentComposerTest.snapshot(
                agreedBetween("李四", "王" + Character.toString(extG), "双方和睦相处。")), 3);
        assertThatThrownBy(() -> renderer.render(g, "footer")).isInstanceOf(UnprintableCharacterException.class)
                .hasMessageContaining("(U+30000)");
    }

    /** Where each of the characters was drawn: code point → its text positions. */
    private static Map<Integer, List<TextPosition>> glyphsOf(PDDocument doc, String characters) throws IOException {
        Map<Integer, List<TextPosition>> found = new HashMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                String u = text.getUnicode();
                if (u != null && !u.isEmpty() && characters.indexOf(u) >= 0) {
                    found.computeIfAbsent(u.codePointAt(0), k -> new ArrayList<>()).add(text);
                }
                super.processTextPosition(text);
            }
        };
        stripper.getText(doc);
        return found;
    }
}
