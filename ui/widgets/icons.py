"""Small icons drawn by the program itself (no icon theme is sure to be installed; issue 11: compact columns)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

ICON_PX = 16


def lock_icon(color: QColor | None = None) -> QIcon:
    """A closed padlock in the palette's text colour (light and dark schemes alike)."""
    color = color or QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for scale in (1, 2):
        icon.addPixmap(_padlock(ICON_PX * scale, color))
    return icon


def _padlock(size: int, color: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    painter.setPen(QPen(color, 1.8 * unit))
    shackle = QPainterPath()
    shackle.moveTo(5 * unit, 7.5 * unit)
    shackle.lineTo(5 * unit, 5 * unit)
    shackle.arcTo(QRectF(5 * unit, 1.5 * unit, 6 * unit, 6 * unit), 180, -180)
    shackle.lineTo(11 * unit, 7.5 * unit)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(3 * unit, 7 * unit, 10 * unit, 7.5 * unit), 1.5 * unit, 1.5 * unit)
    painter.end()
    return pixmap
