"""User data shown as plain text: never read as markup in a label or a tooltip (issue 11, item 8).

Qt guesses whether a label's or tooltip's text is rich text (`Qt.mightBeRichText`), so a person named
`<b>Bold</b> Chen` would be drawn bold and `<img src=x> Li` would load an image. Labels that show data
are made with `PlainText`; tooltips, which have no format switch, are escaped and wrapped in `<qt>` so
that Qt always reads them as (harmless) rich text.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def tip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as written, line breaks kept."""
    if not text:
        return text
    return as_written(text)


def as_written(text: str) -> str:
    """Text for a widget that guesses whether it is rich text and has no format switch — a tooltip, the
    static `QMessageBox.warning`/`information`/`question` — shown exactly as written, line breaks kept: a
    sentence naming `<b>Bold</b> Chen` or a file `<x>.csv` draws the name, not markup."""
    return "<qt>" + escape(breakable(text), quote=False).replace("\n", "<br>") + "</qt>"


ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(r"\S{%d,}" % 32)


def breakable(text: str) -> str:
    """Long words (a file path, a 240-character file name) get places where a wrapped line may break —
    after each `/` or `\\`, and every 32 characters of what is left — so a message box wraps them instead
    of cutting them off at its edge. The breaks are zero-width: nothing shows."""
    def split(match: re.Match) -> str:
        word = re.sub(r"([/\\])", "\\1" + ZERO_WIDTH_SPACE, match.group())
        return re.sub(r"[^/\\\u200b\s]{32}(?=[^\u200b\s])", lambda m: m.group() + ZERO_WIDTH_SPACE, word)
    return _LONG_RUN.sub(split, text)


def plain(label: QLabel) -> QLabel:
    """Make a label show its text as written (no markup, no links)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return plain(QLabel(text, parent))
