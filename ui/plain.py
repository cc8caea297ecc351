"""User data shown as plain text: never read as markup in a label or a tooltip (issue 11, item 8).

Qt guesses whether a label's or tooltip's text is rich text (`Qt.mightBeRichText`), so a person named
`<b>Bold</b> Chen` would be drawn bold and `<img src=x> Li` would load an image. Labels that show data
are made with `PlainText`; tooltips, which have no format switch, are escaped and wrapped in `<qt>` so
that Qt always reads them as (harmless) rich text.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def tip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as written, line breaks kept."""
    if not text:
        return text
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


def plain(label: QLabel) -> QLabel:
    """Make a label show its text as written (no markup, no links)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return plain(QLabel(text, parent))
