"""A clickable availability grid: days × AM/PM/EVE over the program calendar.

Click or drag toggles slots; a day or part header toggles its whole row or column; the keyboard
moves with the arrows and toggles with Space. Colours come from the palette (light and dark).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pairing.calendar import DAY_LABELS, PART_LABELS, PARTS, split_slot
from ui.i18n import data_lang


class AvailabilityGrid(QWidget):
    """Rows are the calendar's days, columns its parts of the day; `selected()` gives canonical slots."""

    changed = Signal()

    def __init__(self, calendar: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Availability"))
        self._selected: set[str] = set()
        self._drag_value: bool | None = None
        self._cursor = (0, 0)
        self.set_calendar(calendar)

    # -- data -----------------------------------------------------------------------------------

    def set_calendar(self, calendar: tuple[str, ...]) -> None:
        self.calendar = tuple(calendar)
        self.days = list(dict.fromkeys(split_slot(s)[0] for s in self.calendar))
        present = {split_slot(s)[1] for s in self.calendar}
        self.parts = [p for p in PARTS if p in present]
        self._selected &= set(self.calendar)
        self.updateGeometry()
        self.update()

    def set_selected(self, slots) -> None:
        self._selected = {s for s in slots if s in self.calendar}
        self._announce()

    def selected(self) -> tuple[str, ...]:
        """Selected slots in calendar order."""
        return tuple(s for s in self.calendar if s in self._selected)

    def outside_calendar(self, slots) -> tuple[str, ...]:
        return tuple(s for s in slots if s not in self.calendar)

    def slot_at(self, row: int, column: int) -> str | None:
        if 0 <= row < len(self.days) and 0 <= column < len(self.parts):
            slot = f"{self.days[row]} {self.parts[column]}"
            return slot if slot in self.calendar else None
        return None

    def toggle(self, row: int, column: int) -> None:
        slot = self.slot_at(row, column)
        if slot is not None:
            self._set(slot, slot not in self._selected)
            self._announce()

    def _set(self, slot: str, value: bool) -> None:
        if value:
            self._selected.add(slot)
        else:
            self._selected.discard(slot)

    def _set_many(self, slots: list[str]) -> None:
        """A header click: select them all, or clear them all if they already are."""
        value = not all(s in self._selected for s in slots)
        for slot in slots:
            self._set(slot, value)
        self._announce()

    def _announce(self) -> None:
        self.setAccessibleDescription(self.tr("%n slots selected", "", len(self._selected)))
        self.update()
        self.changed.emit()

    # -- geometry -------------------------------------------------------------------------------

    def _day_label(self, day: str) -> str:
        return DAY_LABELS[data_lang()].get(day, day)

    def _part_label(self, part: str) -> str:
        return PART_LABELS[data_lang()].get(part, part)

    def _metrics(self) -> tuple[int, int, int]:
        """Width of the day column, width of a cell, height of a row."""
        fm = self.fontMetrics()
        day_width = max([fm.horizontalAdvance(self._day_label(d)) for d in self.days] + [0]) + 16
        cell_width = max([fm.horizontalAdvance(self._part_label(p)) for p in self.parts] + [40]) + 20
        return day_width, cell_width, fm.height() + 10

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        day_width, cell_width, row_height = self._metrics()
        return QSize(day_width + cell_width * len(self.parts) + 2, row_height * (len(self.days) + 1) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def _cell_rect(self, row: int, column: int) -> QRect:
        """Row -1 is the part header, column -1 the day header."""
        day_width, cell_width, row_height = self._metrics()
        x = 0 if column < 0 else day_width + column * cell_width
        width = day_width if column < 0 else cell_width
        return QRect(x, (row + 1) * row_height, width, row_height)

    def _hit(self, point: QPoint) -> tuple[int, int] | None:
        day_width, cell_width, row_height = self._metrics()
        row = point.y() // row_height - 1
        column = -1 if point.x() < day_width else (point.x() - day_width) // cell_width
        if -1 <= row < len(self.days) and -1 <= column < len(self.parts):
            return row, column
        return None

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for column, part in enumerate(self.parts):
            painter.drawText(self._cell_rect(-1, column), Qt.AlignmentFlag.AlignCenter, self._part_label(part))
        for row, day in enumerate(self.days):
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(self._cell_rect(row, -1).adjusted(4, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._day_label(day))
            for column in range(len(self.parts)):
                self._paint_cell(painter, palette, row, column)
        painter.end()

    def _paint_cell(self, painter: QPainter, palette: QPalette, row: int, column: int) -> None:
        rect = self._cell_rect(row, column).adjusted(2, 2, -2, -2)
        slot = self.slot_at(row, column)
        if slot is None:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
            return
        chosen = slot in self._selected
        role = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Base
        painter.fillRect(rect, palette.color(role))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(rect)
        if chosen:
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "✓")
        if self.hasFocus() and (row, column) == self._cursor:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))

    # -- mouse and keyboard ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self._hit(event.position().toPoint())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return
        row, column = hit
        if row == -1 and column >= 0:
            self._set_many([s for r in range(len(self.days)) if (s := self.slot_at(r, column))])
        elif column == -1 and row >= 0:
            self._set_many([s for c in range(len(self.parts)) if (s := self.slot_at(row, c))])
        elif (slot := self.slot_at(row, column)) is not None:
            self._cursor = (row, column)
            self._drag_value = slot not in self._selected
            self._set(slot, self._drag_value)
            self._announce()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self._hit(event.position().toPoint())
        if self._drag_value is None or hit is None:
            return
        slot = self.slot_at(*hit)
        if slot is not None and (slot in self._selected) != self._drag_value:
            self._cursor = hit
            self._set(slot, self._drag_value)
            self._announce()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._drag_value = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
                 Qt.Key.Key_Right: (0, 1)}
        row, column = self._cursor
        if event.key() in moves:
            dr, dc = moves[event.key()]
            self._cursor = (min(max(row + dr, 0), len(self.days) - 1), min(max(column + dc, 0), len(self.parts) - 1))
            self.update()
        elif event.key() == Qt.Key.Key_Space:
            self.toggle(row, column)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()
