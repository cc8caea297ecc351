"""Draws a pairing-sheet PdfDocument with QPdfWriter and QTextDocument, headless, without a window."""

from __future__ import annotations

import errno
import functools
import os
import sys
import threading
from pathlib import Path
from typing import Callable

from pairing.exports.pdf import BAR_COLOUR, BAR_REST, BAR_URL, RADICAL_RANGES, PdfDocument, repair_to_unicode

_app = None  # the QGuiApplication created here, kept alive for the life of the process


def _ensure_gui_application():
    """Fonts need a QGuiApplication; create one (offscreen when there is no display) if none exists."""
    global _app
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        _app = app = QGuiApplication(sys.argv[:1] or ["pairing"])
    return app


def choose_family(document: PdfDocument, bundled: Path | None = None) -> tuple[str | None, list]:
    """The first installed family of the document's list, else (for Chinese text) the font the program ships
    (`ui/fonts.py`: a machine with only Python has no Chinese font); a warning (a message) if none of them."""
    from pairing.words import msg

    from PySide6.QtGui import QFontDatabase

    from ui.fonts import bundled_family

    installed = set(QFontDatabase.families())
    for family in document.font_families:
        if family in installed:
            return family, []
    if not document.needs_cjk:
        return None, []
    shipped = bundled_family(bundled)
    if shipped is not None:
        return shipped, []
    return None, [msg("sheets.no_cjk_font", families=", ".join(document.font_families), font="Noto Sans CJK SC",
                      package="fonts-noto-cjk")]


class QtPdfRenderer:
    """The PdfRenderer of pairing.exports.pdf: each section laid out by a QTextDocument, paginated on A4."""

    def render(self, document: PdfDocument, path: Path, *, tick: Callable[[], None] | None = None) -> list:
        _ensure_gui_application()
        family, warnings = choose_family(document)
        _paint_document(document, Path(path), family, tick)
        if family is not None and document.needs_cjk:
            _make_chinese_searchable(Path(path), family)
        return warnings


def _paint_document(document: PdfDocument, path: Path, family: str | None, tick) -> None:
    from PySide6.QtGui import QPainter

    writer = _writer(document, path)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, f"Qt could not open {path} for writing")
    try:
        pages = _Pages(writer, painter, _font(family, document.font_size_pt, threading.get_ident()))
        for html in document.sections:
            pages.draw_section(html)
            if tick:
                tick()
    finally:
        finished = painter.end()
    if not finished:  # QPdfWriter reports a failed write (a full disk) only here (issue 12)
        raise OSError(errno.EIO, f"Qt could not finish writing {path}")


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


@functools.cache
def _font(family: str | None, size_pt: float, thread: int):
    """One font per family, size and thread: built once, reused by every page. Exports draw on worker threads
    (ui/operations.py) and a QFont is reentrant, not thread-safe: two exports at once never share one."""
    from PySide6.QtGui import QFont

    font = QFont(family) if family else QFont()
    font.setPointSizeF(size_pt)
    if family and hasattr(font, "setFeature"):
        # Noto/Source Han 'locl' swaps digits after Latin letters for glyphs outside the cmap, which the
        # PDF cannot map back to text ("D0001" would extract as "D"). The SC family's default forms are
        # already Simplified Chinese, so nothing is lost.
        font.setFeature(QFont.Tag("locl"), 0)
    return font


class _Pages:
    """Draws sections one after another, each starting on a new page, with one reused QTextDocument
    (a new document per team page costs a third more time)."""

    def __init__(self, writer, painter, font) -> None:
        from PySide6.QtCore import QSizeF

        page = writer.pageLayout().paintRectPixels(writer.resolution())
        self.writer, self.painter = writer, painter
        self.width, self.height = float(page.width()), float(page.height())
        self.text = _text_document(writer, font)
        self.text.setPageSize(QSizeF(self.width, self.height))
        self.first = True

    def draw_section(self, html: str) -> None:
        from PySide6.QtCore import QRectF

        self.text.setHtml(html)
        for number in range(self.text.pageCount()):
            if not self.first:
                self.writer.newPage()
            self.first = False
            self.painter.save()
            self.painter.translate(0, -number * self.height)
            self.text.drawContents(self.painter, QRectF(0, number * self.height, self.width, self.height))
            self.painter.restore()


def _text_document(writer, font):
    """A QTextDocument laid out for the PDF device, with every score bar image it may show."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    for percent in range(101):
        url = BAR_URL.format(percent=percent)
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), _bar_image(url))
    return text


@functools.cache
def _bar_image(url: str):
    """The bar `bar:<percent>`: filled from the left in the bar colour (cached: the PDF reuses it)."""
    from PySide6.QtGui import QColor, QImage

    percent = max(0, min(100, int(url.rpartition(":")[2])))
    width, height = 400, 16
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(BAR_REST))
    filled = round(width * percent / 100)
    if filled:
        from PySide6.QtGui import QPainter

        painter = QPainter(image)
        painter.fillRect(0, 0, filled, height, QColor(BAR_COLOUR))
        painter.end()
    return image


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
