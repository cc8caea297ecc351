"""A delegate that draws a team's score as a bar behind its number, in palette colours."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.team_model import FRACTION_ROLE


def bar_colour(palette: QPalette, alpha: int = 150) -> QColor:
    """The bar fill: the highlight colour, softened so the text stays readable in light and dark schemes."""
    colour = QColor(palette.color(QPalette.ColorRole.Highlight))
    colour.setAlpha(alpha)
    return colour


def paint_bar(painter: QPainter, rect: QRect, fraction: float, palette: QPalette, text: str = "") -> None:
    """Draw a bar filling `fraction` (0–1) of `rect`, with `text` on top; used by tables and charts."""
    fraction = min(max(fraction, 0.0), 1.0)
    inner = QRectF(rect.adjusted(2, 3, -2, -3))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
    painter.drawRoundedRect(inner, 3, 3)
    if fraction > 0:
        filled = QRectF(inner.left(), inner.top(), inner.width() * fraction, inner.height())
        painter.setBrush(bar_colour(palette))
        painter.drawRoundedRect(filled, 3, 3)
    if text:
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(inner.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
    painter.restore()


class ScoreBarDelegate(QStyledItemDelegate):
    """Paints the cell's FRACTION_ROLE as a bar and its display text (the score) over it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        fraction = index.data(FRACTION_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        # Let the style draw selection and focus, then our bar on top of an empty cell.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        paint_bar(painter, option.rect, float(fraction), option.palette, str(index.data() or ""))
