"""Make the bundled Simplified Chinese font: a subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1).

The PDF sheets and the window need a Chinese font. A machine with only Python and make has none (issue 11), so
the program ships a subset under resources/fonts/ and uses it when no system CJK font is installed
(`ui/fonts.py`). The subset keeps every character of GB 2312 (6,763 hanzi, in which most Chinese names are
written), every character of the program's own Chinese words (catalogue, window translations, sample roster),
Latin, punctuation and full-width forms; `--extra` adds more. A character outside the subset is drawn by
another installed font if any, else as a box: install `fonts-noto-cjk` for every character.

Renamed ("Talent Pairing Sans SC"), as the OFL asks of a modified version; its licence is OFL.txt beside it.

Usage (fontTools is a developer tool, not a dependency of the program):
    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python tools/subset_cjk_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "fonts" / "TalentPairingSansSC-Regular.otf"
FAMILY = "Talent Pairing Sans SC"
POSTSCRIPT = "TalentPairingSansSC-Regular"
HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def gb2312() -> set[str]:
    """Every character GB 2312 encodes (its two-byte rows A1–F7, columns A1–FE)."""
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return found


def own_words() -> set[str]:
    """The Chinese characters of the program's own words: catalogue, window translations, sample roster."""
    sources = [*(ROOT / "pairing" / "words" / "catalogue").glob("*.py"),
               *(ROOT / "resources" / "translations").glob("*.ts"), *(ROOT / "resources" / "sample").glob("*.csv"),
               *(ROOT / "pairing").rglob("vocabulary*.py"), ROOT / "pairing" / "calendar.py"]
    return {c for path in sources if path.is_file() for c in HAN.findall(path.read_text(encoding="utf-8", errors="ignore"))}


def characters(extra: str) -> set[str]:
    latin = {chr(c) for c in range(0x20, 0x250)}
    punctuation = {chr(c) for c in [*range(0x2000, 0x2070), *range(0x2190, 0x2200), *range(0x2500, 0x2600),
                                    *range(0x3000, 0x3040), *range(0xFF00, 0xFFF0)]}
    return gb2312() | own_words() | latin | punctuation | set(extra)


def sc_face(collection: Path):
    fonts = TTCollection(str(collection)).fonts
    return next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")


def rename(font) -> None:
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(FAMILY + " Regular", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (6, 20):
            names.setName(POSTSCRIPT, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(POSTSCRIPT + ";subset", record.nameID, record.platformID, record.platEncID, record.langID)
    font["CFF "].cff.fontNames = [POSTSCRIPT]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection", type=Path, help="NotoSansCJK-Regular.ttc (Debian: fonts-noto-cjk)")
    parser.add_argument("--extra", default="", help="more characters to keep")
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    font = sc_face(args.collection)
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters(args.extra)])
    subsetter.subset(font)
    rename(font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.output))
    print(f"{args.output}: {args.output.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
