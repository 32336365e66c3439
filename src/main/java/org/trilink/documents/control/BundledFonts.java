package org.trilink.documents.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts bundled in the WAR, in the order each character is looked up: WenQuanYi Micro Hei
 * for everything it has, then Noto Sans CJK SC (a sans with mainland forms, like the first) for
 * CJK Extension A and the name characters of GB 18030-2022 level 2 beyond the BMP, then
 * BabelStone Han for the few characters the second lacks. How the fallback subsets were cut is
 * in src/main/fonts/make-fallback-fonts.py. A character none of them has is refused, since OpenPDF
 * would silently leave it out and a name would print incomplete on a legal document.
 */
final class BundledFonts {

    /** Resource paths, in the order they are tried. */
    static final List<String> RESOURCES = List.of(
            "fonts/wqy-microhei-subset.ttf",
            "fonts/noto-sans-cjk-sc-fallback-subset.ttf",
            "fonts/babelstone-han-fallback-subset.ttf");

    private static final String NAMES = "WenQuanYi Micro Hei, Noto Sans CJK SC, BabelStone Han";

    private static volatile List<BaseFont> loaded;

    private BundledFonts() {
    }

    /** The bundled fonts, loaded once, main font first. */
    static List<BaseFont> all() {
        List<BaseFont> fonts = loaded;
        if (fonts == null) {
            synchronized (BundledFonts.class) {
                fonts = loaded;
                if (fonts == null) {
                    List<BaseFont> list = new ArrayList<>();
                    for (String resource : RESOURCES) {
                        list.add(load(resource));
                    }
                    fonts = List.copyOf(list);
                    loaded = fonts;
                }
            }
        }
        return fonts;
    }

    static BaseFont main() {
        return all().get(0);
    }

    private static BaseFont load(String resource) {
        try (InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font " + resource + " is missing");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            // Identity-H with a ToUnicode map: any glyph, also beyond the BMP, and the text stays searchable
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some bundled font draws the code point, or it needs no glyph at all. */
    static boolean printable(int codePoint) {
        if (needsNoGlyph(codePoint)) {
            return true;
        }
        for (BaseFont font : all()) {
            if (font.charExists(codePoint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Line breaks, controls, format characters (zero-width space, joiners, BOM) and variation
     * selectors are not drawn; OpenPDF leaves them out, which is right for them and only them.
     */
    private static boolean needsNoGlyph(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * Refuses text with a character no bundled font has, naming the character and where it
     * stands; otherwise does nothing.
     */
    static void requirePrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!printable(cp)) {
                throw new UnprintableCharacterException(cp, excerpt(text, i), NAMES);
            }
            i += Character.charCount(cp);
        }
    }

    /** The text around position {@code at}, short enough for a message. */
    private static String excerpt(String text, int at) {
        if (text.length() <= 40) {
            return text;
        }
        int from = Math.max(0, at - 15);
        int to = Math.min(text.length(), at + 15);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    /**
     * Picks the font for each run of characters: the main font wherever it has the glyph, a
     * fallback only where it has not. Built per style (size, bold, colour).
     */
    static final class Selector extends FontSelector {

        Selector(Font style) {
            super();
            // FontSelector starts with a Latin default font as its last resort; ours is refusal instead
            fonts.clear();
            for (BaseFont base : all()) {
                fonts.add(new Font(base, style.getSize(), style.getStyle(), style.getColor()));
            }
        }

        /** The text as chunks in the bundled fonts, each breaking lines by {@code split}. */
        Phrase phrase(String text, Font style, SplitCharacter split) {
            requirePrintable(text);
            Phrase phrase = new Phrase(Float.NaN, "", style);
            for (Element element : process(text)) {
                Chunk chunk = (Chunk) element;
                if (split != null) {
                    chunk.setSplitCharacter(split);
                }
                phrase.add(chunk);
            }
            return phrase;
        }
    }
}
