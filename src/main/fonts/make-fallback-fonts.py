#!/usr/bin/python3
"""Makes the fallback font subsets in src/main/resources/fonts/ (issue 20, "every name prints").

The main font (wqy-microhei-subset.ttf) stays as it is. This script works out which of the
characters a name may need the main font lacks, and cuts them out of two free fonts from
Debian, in the order the renderer tries them:

  1. Noto Sans CJK SC (OFL-1.1, package fonts-noto-cjk): a sans (hei) face with mainland
     glyph forms, like the main font. Its CFF outlines are converted to TrueType (glyf), so
     OpenPDF embeds and subsets it the same way as the main font (FontFile2).
  2. BabelStone Han (Arphic Public License, package fonts-babelstone-han): the few characters
     Noto Sans CJK 2.004 lacks (U+4DB6-4DBF, added in Unicode 13, and some late U+9Fxx).

The characters needed (minus what the main font has):
  - the whole of CJK Extension A, U+3400-4DBF;
  - the whole of the CJK Unified Ideographs block, U+4E00-9FFF (the main font stops at U+9FC3);
  - the twelve unified ideographs in the compatibility block (U+FA0E, FA0F, FA11, ...);
  - every character of the Table of General Standard Chinese Characters (通用规范汉字表, 2013),
    read from Unihan's kTGH field (Debian package unicode-data). Its 196 characters outside
    the BMP (Extensions B to E) are exactly the name characters that GB 18030-2022
    implementation level 2 adds on top of level 1 (listed in gb18030-2022-level2-beyond-bmp.txt);
  - besides, every character of Extensions B to F that Noto Sans CJK SC has (about 2,300, the
    rare name characters of the regions it serves, such as 𠮷 U+20BB7, which is not on the list).
The script stops with an error if any needed character is in none of the fonts.

Run it on Debian 12 with the packages fonts-noto-cjk, fonts-babelstone-han, unicode-data and
python3-fonttools installed (the build itself needs none of them; the results are committed):

    /usr/bin/python3 src/main/fonts/make-fallback-fonts.py
"""
import bz2
import datetime
import glob
import os
import re
import shutil
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "main", "resources", "fonts")
MAIN = os.path.join(OUT, "wqy-microhei-subset.ttf")
NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BABELSTONE = "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"
UNIHAN = "/usr/share/unicode/Unihan_*.txt.bz2"
COMPAT_UNIFIED = [0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27, 0xFA28, 0xFA29]
TODAY = datetime.date.today().isoformat()


def general_standard_characters():
    found = set()
    for path in glob.glob(UNIHAN):
        with bz2.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.split("\t")
                if len(parts) > 2 and parts[1] == "kTGH":
                    found.add(int(parts[0][2:], 16))
    if len(found) != 8105:
        sys.exit(f"expected the 8105 characters of the Table of General Standard Chinese Characters, found {len(found)}")
    return found


def noto_sc_index():
    for i in range(16):
        font = TTFont(NOTO, fontNumber=i, lazy=True)
        if font["name"].getDebugName(4) == "Noto Sans CJK SC":
            return i
    sys.exit("Noto Sans CJK SC is not in " + NOTO)


def cut(source, font_number, unicodes):
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []          # no GSUB/GPOS: OpenPDF maps characters through cmap only
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "DSIG", "meta", "vhea", "vmtx", "VORG", "gasp"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 10, 13, 14]
    options.notdef_outline = True
    options.font_number = font_number
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def cff_to_glyf(font):
    """Quadratic TrueType outlines from the CFF ones (what fontTools' otf2ttf snippet does)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
        glyf.glyphs[name].recalcBounds(glyf)
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    hmtx = font["hmtx"]
    for name in order:
        g = glyf.glyphs[name]
        hmtx[name] = (hmtx[name][0], g.xMin if hasattr(g, "xMin") else 0)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    font.recalcBBoxes = True              # maxp's point and contour counts are worked out on save
    post = font["post"]
    post.formatType = 3.0                 # no glyph names: the PDF needs none
    font.sfntVersion = "\x00\x01\x00\x00"


def mark_modified(font, family, note):
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 3, 4, 6):
            name.removeNames(nameID=rec.nameID)
    name.setName(family, 1, 3, 1, 0x409)
    name.setName(family + ":" + TODAY, 3, 3, 1, 0x409)
    name.setName(family, 4, 3, 1, 0x409)
    name.setName(re.sub(r"[^A-Za-z0-9-]", "", family), 6, 3, 1, 0x409)
    old = name.getDebugName(10) or ""
    name.removeNames(nameID=10)
    name.setName(note + ("\n\n" + old if old else ""), 10, 3, 1, 0x409)


def save(font, file_name):
    path = os.path.join(OUT, file_name)
    font.save(path)
    return path


def main():
    main_cmap = set(TTFont(MAIN, lazy=True).getBestCmap())
    tgh = general_standard_characters()
    names_beyond_bmp = sorted(c for c in tgh if c > 0xFFFF)
    needed = set(range(0x3400, 0x4DC0)) | set(range(0x4E00, 0xA000)) | set(COMPAT_UNIFIED) | tgh
    noto_index = noto_sc_index()
    noto_cmap = set(TTFont(NOTO, fontNumber=noto_index, lazy=True).getBestCmap())
    # beyond the level 2 list, every Extension B-F character Noto Sans CJK SC has: the rare
    # characters of Chinese, Japanese, Korean and Hong Kong names it was made for (e.g. 𠮷)
    needed |= set(range(0x20000, 0x2EBF0)) & noto_cmap
    needed -= main_cmap
    babel_cmap = set(TTFont(BABELSTONE, lazy=True).getBestCmap())
    from_noto = sorted(needed & noto_cmap)
    from_babel = sorted((needed - noto_cmap) & babel_cmap)
    nowhere = sorted(needed - noto_cmap - babel_cmap)
    if nowhere:
        sys.exit("in no font: " + " ".join(f"U+{c:04X}" for c in nowhere))

    noto = cut(NOTO, noto_index, from_noto)
    cff_to_glyf(noto)
    mark_modified(noto, "TriLink Fallback Noto Sans CJK SC",
                  f"Modified by the TriLink project on {TODAY}: a subset of Noto Sans CJK SC 2.004 (Debian"
                  " fonts-noto-cjk) with the characters in src/main/fonts/make-fallback-fonts.py only, outlines"
                  " converted from CFF to TrueType, hinting and layout tables removed.")
    noto_path = save(noto, "noto-sans-cjk-sc-fallback-subset.ttf")

    babel = cut(BABELSTONE, 0, from_babel)
    mark_modified(babel, "TriLink Fallback BabelStone Han",
                  f"Modified by the TriLink project on {TODAY}: a subset of BabelStone Han 15.0.5 (Debian"
                  " fonts-babelstone-han) with the characters in src/main/fonts/make-fallback-fonts.py only,"
                  " hinting and layout tables removed.")
    babel_path = save(babel, "babelstone-han-fallback-subset.ttf")

    # the licence texts: ARPHICPL.TXT as the font carries it, the OFL as Debian records it, and
    # Debian's copyright files whole (who holds what)
    with open(os.path.join(OUT, "LICENSE-babelstone-han-ARPHICPL.txt"), "w", encoding="utf-8") as f:
        f.write(TTFont(BABELSTONE, lazy=True)["name"].getDebugName(13).rstrip() + "\n")
    with open("/usr/share/doc/fonts-noto-cjk/copyright", encoding="utf-8") as f:
        debian = f.read()
    ofl = re.search(r"^License: SIL-1.1\n((?: .*\n)+)", debian, re.M).group(1)
    with open(os.path.join(OUT, "LICENSE-noto-sans-cjk-OFL-1.1.txt"), "w", encoding="utf-8") as f:
        f.write("Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n\n")
        f.write("".join("\n" if line == " ." else line[1:] + "\n" for line in ofl.splitlines()))
    for package, file_name in (("fonts-noto-cjk", "COPYRIGHT-noto-sans-cjk.txt"),
                               ("fonts-babelstone-han", "COPYRIGHT-babelstone-han.txt")):
        shutil.copyfile(f"/usr/share/doc/{package}/copyright", os.path.join(OUT, file_name))

    # the level 2 name characters beyond the BMP, for the tests (and for anyone checking a font)
    with open(os.path.join(ROOT, "src", "main", "fonts", "gb18030-2022-level2-beyond-bmp.txt"), "w", encoding="utf-8") as f:
        f.write("# The 196 characters of the Table of General Standard Chinese Characters (Unihan kTGH)\n"
                "# outside the BMP: what GB 18030-2022 implementation level 2 adds for names.\n"
                "# Written by make-fallback-fonts.py from Debian's unicode-data (Unicode 15.0).\n")
        for c in names_beyond_bmp:
            f.write(f"U+{c:X}\t{chr(c)}\n")

    for path, count in ((noto_path, len(from_noto)), (babel_path, len(from_babel))):
        check = set(TTFont(path).getBestCmap())
        print(f"{os.path.relpath(path, ROOT)}: {count} characters, {os.path.getsize(path)} bytes")
        assert set(from_noto if path == noto_path else from_babel) <= check
    print(f"name characters beyond the BMP (kTGH): {len(names_beyond_bmp)}, all covered")


if __name__ == "__main__":
    main()
