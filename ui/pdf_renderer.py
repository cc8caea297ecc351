"""Draws a pairing-sheet PdfDocument with QPdfWriter and QTextDocument, headless, without a window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

from pairing.exports.pdf import RADICAL_RANGES, PdfDocument, repair_to_unicode

_app = None  # the QGuiApplication created here, kept alive for the life of the process


def _ensure_gui_application():
    """Fonts need a QGuiApplication; create one (offscreen when there is no display) if none exists."""
    global _app
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        _app = app = QGuiApplication(sys.argv[:1] or ["pairing"])
    return app


def choose_family(document: PdfDocument) -> tuple[str | None, list[str]]:
    """The first installed family of the document's list, and a warning if Chinese text has none."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    for family in document.font_families:
        if family in installed:
            return family, []
    if not document.needs_cjk:
        return None, []
    wanted = ", ".join(document.font_families)
    return None, [
        f"No Simplified Chinese font is installed (looked for {wanted}); Chinese text in the PDF "
        "may be drawn in Japanese glyph forms or as empty boxes. Install Noto Sans CJK SC "
        "(e.g. the fonts-noto-cjk package) and export again."
    ]


class QtPdfRenderer:
    """The PdfRenderer of pairing.exports.pdf: one QTextDocument per section, paginated on A4."""

    def render(self, document: PdfDocument, path: Path, *, tick: Callable[[], None] | None = None) -> list[str]:
        _ensure_gui_application()
        from PySide6.QtGui import QPainter

        family, warnings = choose_family(document)
        writer = _writer(document, path)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"Qt could not open {path} for writing")
        try:
            for index, html in enumerate(document.sections):
                if index:
                    writer.newPage()
                _paint_section(painter, writer, html, _font(document, family))
                if tick:
                    tick()
        finally:
            painter.end()
        if family is not None and document.needs_cjk:
            _make_chinese_searchable(Path(path), family)
        return warnings


def _writer(document: PdfDocument, path: Path):
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margin = document.margins_mm
    writer.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)
    writer.setResolution(144)
    writer.setTitle(document.title)
    writer.setCreator("Talent Pairing")
    return writer


def _font(document: PdfDocument, family: str | None):
    from PySide6.QtGui import QFont

    font = QFont(family) if family else QFont()
    font.setPointSizeF(document.font_size_pt)
    if family and hasattr(font, "setFeature"):
        # Noto/Source Han 'locl' swaps digits after Latin letters for glyphs outside the cmap, which the
        # PDF cannot map back to text ("D0001" would extract as "D"). The SC family's default forms are
        # already Simplified Chinese, so nothing is lost.
        font.setFeature(QFont.Tag("locl"), 0)
    return font


_ideographs: dict[str, dict[int, int]] = {}


def radical_map(family: str) -> dict[int, int]:
    """Radical code point → the CJK ideograph drawn with the same glyph in this font."""
    if family not in _ideographs:
        from PySide6.QtGui import QFont, QRawFont

        raw = QRawFont.fromFont(QFont(family))
        ideographs = "".join(map(chr, range(0x4E00, 0xA000)))
        owner: dict[int, int] = {}
        for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs)):
            owner.setdefault(glyph, ord(char))
        radicals = [code for low, high in RADICAL_RANGES for code in range(low, high + 1)]
        glyphs = raw.glyphIndexesForString("".join(map(chr, radicals)))
        _ideographs[family] = {r: owner[g] for r, g in zip(radicals, glyphs) if g and g in owner}
    return _ideographs[family]


def _make_chinese_searchable(path: Path, family: str) -> None:
    data = path.read_bytes()
    fixed = repair_to_unicode(data, radical_map(family))
    if fixed != data:
        path.write_bytes(fixed)


def _paint_section(painter, writer, html: str, font) -> None:
    """Lay out one section at the page width and draw it page by page (rows are not split)."""
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QTextDocument

    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(page.width()), float(page.height())
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    text.setHtml(html)
    text.setPageSize(QSizeF(width, height))
    for number in range(text.pageCount()):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * height)
        text.drawContents(painter, QRectF(0, number * height, width, height))
        painter.restore()
