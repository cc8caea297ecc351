"""PDFs read back in Python (pypdf) for the tests: page text, page size, fonts.

The tests once called poppler's `pdftotext`/`pdffonts`/`pdfinfo`, a system package that a fresh machine
lacks (issue 11, item 9); pypdf is a pure-Python wheel declared in the test extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class PdfFont:
    """One font used by a page: its base name and whether its glyphs are embedded in the file."""

    name: str
    embedded: bool


# pypdf writes the gap between two words as tabs and keeps typographic ligatures ("ﬁ"); read as a person
# would. (No NFKC: it would also turn a Kangxi radical into its ideograph, which a test must see.)
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_GAP = re.compile(r"[ \t]+")


def page_texts(path: Path) -> list[str]:
    """The text of each page, in the order the page draws it."""
    return [_readable(page.extract_text() or "") for page in PdfReader(path).pages]


def _readable(text: str) -> str:
    return "\n".join(_GAP.sub(" ", line).strip() for line in text.translate(_LIGATURES).splitlines())


def all_text(path: Path) -> str:
    return "\n".join(page_texts(path))


def page_size_pt(path: Path) -> list[tuple[float, float]]:
    """Width and height of each page in points (A4 is 595 × 842)."""
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def fonts(path: Path) -> list[PdfFont]:
    """Every font resource of every page (type 0 fonts through their descendant)."""
    found: dict[str, PdfFont] = {}
    for page in PdfReader(path).pages:
        for font in _page_fonts(page):
            found[font.name] = font
    return list(found.values())


def _page_fonts(page) -> list[PdfFont]:
    resources = page.get("/Resources")
    table = resources.get_object().get("/Font") if resources else None
    if not table:
        return []
    return [_font(ref.get_object()) for ref in table.get_object().values()]


def _font(font) -> PdfFont:
    descendants = font.get("/DescendantFonts")
    described = descendants.get_object()[0].get_object() if descendants else font
    descriptor = described.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor else {}
    embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return PdfFont(str(font.get("/BaseFont", "")).lstrip("/"), embedded)
