"""The Pictures page: compatibility heatmap, mentor load bars and the distribution of team scores."""

from __future__ import annotations

import math
from typing import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QGroupBox, QScrollArea, QSizePolicy, QSplitter, QToolTip, QVBoxLayout, QWidget,
)

from pairing import actions
from pairing.domain import Role
from ui.i18n import fmt, role_title, role_word
from ui.operations import Operation, run_in_background
from ui.pictures_work import (
    Computed, MentorLoad, PicturesData, concerns_pictures_elsewhere, concerns_pictures_here, pictures_work,
)
from ui.responsiveness import freeze_loaded_state
from ui.widgets.score_bar import bar_colour, paint_bar
from ui.plain import plain_label, tip

NAME_MAX_PX = 160
HIST_BINS = 10


def read_pictures_input(session):
    """The program and the number of its latest run, whose result the program holds as `previous` (a reading
    action; the document gives it a session of its own: one transaction, so the two agree)."""
    numbers = actions.reading.run_numbers(session)
    return actions.reading.program(session), numbers[-1] if numbers else None


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = min(max(t, 0.0), 1.0)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class NameWidths:
    """Text widths in a widget's font, each name measured once (a change measures only the names it brought:
    measuring thousands of names is most of what showing new pictures costs the GUI thread)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.widths: dict[str, int] = {}

    def widest(self, names, at_least: int = 40) -> int:
        widths, measure = self.widths, self.widget.fontMetrics().horizontalAdvance
        widest = at_least
        for name in names:
            width = widths.get(name)
            if width is None:
                width = widths[name] = measure(name)
            widest = max(widest, width)
        return widest

    def forget(self) -> None:  # the font changed
        self.widths.clear()


def _elided(widget: QWidget, text: str, width: int) -> str:
    return widget.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)


class Heatmap(QWidget):
    """Directors (rows) × producers (columns): colour is the pair score; chosen pairs framed; forbidden hatched.

    A cell is selected by a click or the arrow keys and stays selected, like the hovered cell stays marked,
    by its pair of ids when the pictures change (issue 11)."""

    CELL = 18
    selectionChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data = PicturesData()
        self.cell = self.CELL
        self._widths = NameWidths(self)
        self._palette_key = None
        self._shades: list[QColor] = []
        self._margin_cache = self._measure_margins()
        self._low, self._high = 0.0, 1.0
        self.selected: tuple[str, str] | None = None  # (director, producer)
        self.hovered: tuple[str, str] | None = None
        self._name_roles(None)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_data(self, data: PicturesData) -> None:
        names_moved = (data.directors, data.producers) != (self.data.directors, self.data.producers)
        self.data = data
        self._low, self._high = data.low, data.high
        if names_moved:  # measuring thousands of names: only when they changed
            self._margin_cache = self._measure_margins()
        # Small programs get larger cells (easier to hover); large ones stay compact and scroll.
        self.cell = self.CELL + 8 if max(len(data.directors), len(data.producers)) <= 40 else self.CELL
        self._name_roles(data.roles)
        self.setAccessibleDescription(fmt(
            self.tr("%1 %2, %3 %4, %5 chosen pairs"), len(data.directors), role_word(data.roles, "director", True),
            len(data.producers), role_word(data.roles, "producer", True), len(data.chosen)))
        if self.selected is not None and self.position_of(self.selected) is None:
            self.selected = None  # one of the pair left the roster
            self.selectionChanged.emit()
        if self.hovered is not None and self.position_of(self.hovered) is None:
            self.hovered = None
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def position_of(self, pair: tuple[str, str]) -> tuple[int, int] | None:
        """The (row, column) of a (director, producer) pair, None when either is not shown."""
        row, column = self.data.row_of.get(pair[0]), self.data.column_of.get(pair[1])
        return None if row is None or column is None else (row, column)

    def cell_rect(self, row: int, column: int) -> QRect:
        left, top = self._margins()
        return QRect(left + column * self.cell, top + row * self.cell, self.cell, self.cell)

    def _name_roles(self, roles) -> None:
        self.setAccessibleName(fmt(self.tr("Compatibility heatmap of %1 and %2"), role_word(roles, "director", True),
                                   role_word(roles, "producer", True)))

    def _margins(self) -> tuple[int, int]:
        return self._margin_cache

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._widths.forget()
            self._margin_cache = self._measure_margins()
        super().changeEvent(event)

    def _measure_margins(self) -> tuple[int, int]:
        """Room for the names, measured when they change (not per paint: thousands of names)."""
        left = min(NAME_MAX_PX, self._widths.widest(n for _, n in self.data.directors)) + 8
        top = min(NAME_MAX_PX, self._widths.widest(n for _, n in self.data.producers)) + 8
        return left, top

    def sizeHint(self) -> QSize:
        left, top = self._margins()
        return QSize(left + self.cell * len(self.data.producers) + 2, top + self.cell * len(self.data.directors) + 2)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        left, top = self._margins()
        shown = self._shown()
        row, column = (pos.y() - top) // self.cell, (pos.x() - left) // self.cell
        if pos.x() < shown.left() + left or pos.y() < shown.top() + top:
            return None  # over the names
        if 0 <= row < len(self.data.directors) and 0 <= column < len(self.data.producers):
            return row, column
        return None

    def pair_at(self, row: int, column: int) -> tuple[str, str]:
        return self.data.directors[row][0], self.data.producers[column][0]

    SHADES = 64  # colours of the scale: finer than the eye tells apart in a cell

    def colour(self, score: float | None) -> QColor:
        palette = self.palette()
        if score is None:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window)
        span = self._high - self._low
        t = (score - self._low) / span if span > 1e-9 else 1.0
        return self._shade_table()[min(max(int(t * (self.SHADES - 1) + 0.5), 0), self.SHADES - 1)]

    def _shade_table(self) -> list[QColor]:
        """The scale's colours from the palette (Base to Highlight), made again when the palette changes."""
        palette = self.palette()
        base, highlight = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight)
        key = (base.rgba(), highlight.rgba())
        if key != self._palette_key:
            self._palette_key = key
            self._shades = [_mix(base, highlight, 0.1 + 0.9 * i / (self.SHADES - 1)) for i in range(self.SHADES)]
        return self._shades

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        left, top = self._margins()
        area = event.rect()
        rows = range(max(0, (area.top() - top) // self.cell),
                     min(len(self.data.directors), (area.bottom() - top) // self.cell + 1))
        columns = range(max(0, (area.left() - left) // self.cell),
                        min(len(self.data.producers), (area.right() - left) // self.cell + 1))
        self._paint_cells(painter, rows, columns, left, top)
        self._paint_marks(painter)
        self._paint_names(painter, rows, columns, left, top)
        painter.end()

    def _paint_marks(self, painter: QPainter) -> None:
        """The hovered cell (a thin frame) and the selected one (a thick dashed frame in the highlight colour)."""
        for pair, pen in ((self.hovered, QPen(self.palette().color(QPalette.ColorRole.Mid), 1)),
                          (self.selected, QPen(self.palette().color(QPalette.ColorRole.Highlight), 3,
                                               Qt.PenStyle.DashLine))):
            place = self.position_of(pair) if pair is not None else None
            if place is not None:
                painter.setPen(pen)
                painter.drawRect(self.cell_rect(*place).adjusted(0, 0, -1, -1))

    def _shown(self) -> QRect:
        """The part of the map the scroll area shows: names stay at its left and top edges."""
        shown = self.visibleRegion().boundingRect()
        return shown if not shown.isEmpty() else self.rect()

    def _paint_names(self, painter: QPainter, rows, columns, left: int, top: int) -> None:
        shown = self._shown()
        x0, y0 = shown.left(), shown.top()
        background = self.palette().color(QPalette.ColorRole.Window)
        painter.fillRect(QRect(x0, shown.top(), left, shown.height()), background)
        painter.fillRect(QRect(shown.left(), y0, shown.width(), top), background)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for r in rows:
            if top + r * self.cell >= y0 + top - self.cell // 2:
                text = _elided(self, self.data.directors[r][1], left - 8)
                painter.drawText(QRect(x0, top + r * self.cell, left - 6, self.cell),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        for c in columns:
            if left + c * self.cell < x0 + left - self.cell // 2:
                continue
            painter.save()
            painter.translate(left + c * self.cell + self.cell // 2, y0 + top - 6)
            painter.rotate(-90)
            text = _elided(self, self.data.producers[c][1], top - 8)
            painter.drawText(QRect(0, -self.cell // 2, top - 8, self.cell), Qt.AlignmentFlag.AlignVCenter, text)
            painter.restore()
        painter.fillRect(QRect(x0, y0, left, top), background)  # the corner stays empty

    def _paint_cells(self, painter: QPainter, rows: range, columns: range, left: int, top: int) -> None:
        """The cells in view: the scores read in one numpy call, the colours and brushes made once per paint."""
        palette, cell, data = self.palette(), self.cell, self.data
        shades, last = self._shade_table(), self.SHADES - 1
        span = self._high - self._low
        scale = last / span if span > 1e-9 else 0.0
        forbidden = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window)
        hatch = QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        frame = QPen(palette.color(QPalette.ColorRole.Text), 2)
        block = data.scores[rows.start:rows.stop, columns.start:columns.stop].tolist()
        producers = [data.producers[c][0] for c in columns]
        for r, values in zip(rows, block):
            director = data.directors[r][0]
            for c, producer, score in zip(columns, producers, values):
                rect = QRect(left + c * cell, top + r * cell, cell - 1, cell - 1)
                if score != score:  # NaN: the pair is forbidden
                    painter.fillRect(rect, forbidden)
                    painter.fillRect(rect, hatch)
                else:
                    shade = int((score - self._low) * scale + 0.5) if scale else last
                    painter.fillRect(rect, shades[min(max(shade, 0), last)])
                if (director, producer) in data.chosen:
                    painter.setPen(frame)
                    painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), tip(self.tooltip_at(event.pos())) or "", self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event) -> None:
        cell = self.cell_at(event.position().toPoint())
        self._set_hovered(self.pair_at(*cell) if cell is not None else None)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self._set_hovered(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(self.pair_at(*cell))
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        step = steps.get(event.key())
        if step is None or not self.data.directors or not self.data.producers:
            super().keyPressEvent(event)
            return
        row, column = self.position_of(self.selected) if self.selected and self.position_of(self.selected) else (0, 0)
        if self.selected is not None:
            row = min(max(row + step[0], 0), len(self.data.directors) - 1)
            column = min(max(column + step[1], 0), len(self.data.producers) - 1)
        self.select(self.pair_at(row, column))

    def select(self, pair: tuple[str, str] | None) -> None:
        """Select a (director, producer) cell (None: none) and bring it into view."""
        if pair == self.selected:
            return
        self.selected = pair
        place = self.position_of(pair) if pair is not None else None
        area = self._scroll_area()
        if place is not None and area is not None:
            rect = self.cell_rect(*place)
            left, top = self._margins()
            area.ensureVisible(rect.center().x(), rect.center().y(), left + self.cell, top + self.cell)
        self.update()
        self.selectionChanged.emit()

    def _set_hovered(self, pair: tuple[str, str] | None) -> None:
        if pair != self.hovered:
            self.hovered = pair
            self.update()

    def _scroll_area(self) -> QScrollArea | None:
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        return area if isinstance(area, QScrollArea) else None

    def tooltip_at(self, pos: QPoint) -> str | None:
        cell = self.cell_at(pos)
        return None if cell is None else self.describe(self.pair_at(*cell))

    def describe(self, pair: tuple[str, str] | None) -> str | None:
        """The names of a pair, its score or why it is forbidden, and whether the latest run chose it."""
        place = self.position_of(pair) if pair is not None else None
        if place is None:
            return None
        (d_id, d_name), (p_id, p_name) = self.data.directors[place[0]], self.data.producers[place[1]]
        score, chosen = self.data.cell(d_id, p_id)
        text = f"{d_name} — {p_name}\n"
        if score is None:
            return text + self.tr("Forbidden pair (avoid list, organization or no shared slot)")
        text += self.tr("Score %1").replace("%1", f"{score:.1f}")
        return text + ("\n" + self.tr("Chosen in the latest run") if chosen else "")


class HeatLegend(QWidget):
    """The heatmap's colour scale: lowest to highest pair score, and the forbidden swatch."""

    def __init__(self, heatmap: Heatmap, parent=None) -> None:
        super().__init__(parent)
        self.heatmap = heatmap
        self.setAccessibleName(self.tr("Colour scale of the heatmap"))
        self.setMinimumHeight(self.fontMetrics().height() + 10)

    def sizeHint(self) -> QSize:
        return QSize(360, self.fontMetrics().height() + 10)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        height = metrics.height()
        low, high = self.heatmap._low, self.heatmap._high
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        x = 0
        low_text, high_text = self.tr("low %1").replace("%1", f"{low:.0f}"), self.tr("high %1").replace("%1", f"{high:.0f}")
        painter.drawText(QRect(x, 0, metrics.horizontalAdvance(low_text) + 4, height + 6),
                         Qt.AlignmentFlag.AlignVCenter, low_text)
        x += metrics.horizontalAdvance(low_text) + 8
        steps = 12
        for i in range(steps):
            score = low + (high - low) * i / (steps - 1)
            painter.fillRect(QRect(x + i * 12, 3, 12, height), self.heatmap.colour(score))
        x += steps * 12 + 6
        painter.drawText(QRect(x, 0, metrics.horizontalAdvance(high_text) + 4, height + 6),
                         Qt.AlignmentFlag.AlignVCenter, high_text)
        x += metrics.horizontalAdvance(high_text) + 16
        swatch = QRect(x, 3, 14, height)
        painter.fillRect(swatch, self.heatmap.colour(None))
        painter.fillRect(swatch, QBrush(self.palette().color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern))
        forbidden = self.tr("forbidden")
        painter.drawText(QRect(x + 20, 0, metrics.horizontalAdvance(forbidden) + 4, height + 6),
                         Qt.AlignmentFlag.AlignVCenter, forbidden)
        x += 20 + metrics.horizontalAdvance(forbidden) + 16
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
        painter.drawRect(QRect(x + 1, 4, 12, height - 2))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        chosen = self.tr("chosen")
        painter.drawText(QRect(x + 20, 0, metrics.horizontalAdvance(chosen) + 4, height + 6),
                         Qt.AlignmentFlag.AlignVCenter, chosen)
        painter.end()


class LoadBars(QWidget):
    """One bar per mentor: directors taken over capacity; producers first, then instructors, each headed."""

    ROW = 22

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loads: tuple[MentorLoad, ...] = ()
        self._rows: list[MentorLoad | str] = []
        self._label_width = 52
        self._widths = NameWidths(self)
        self._name_roles(None)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_loads(self, loads: Sequence[MentorLoad], roles=None) -> None:
        """The mentors' loads, headed by their role in the program's words (`roles`, issue 10)."""
        self.loads = tuple(loads)
        self._rows = []
        self._name_roles(roles)
        for role in (Role.PRODUCER, Role.INSTRUCTOR):
            heading = role_title(roles, role, plural=True) if roles is not None else (
                self.tr("Producers") if role is Role.PRODUCER else self.tr("Instructors"))
            group = [m for m in self.loads if m.role is role]
            if group:
                self._rows += [heading, *group]
        self._label_width = min(NAME_MAX_PX, self._widths.widest(m.name for m in self.loads)) + 12
        full = sum(1 for m in self.loads if m.capacity and m.used >= m.capacity)
        self.setAccessibleDescription(self.tr("%1 mentors, %2 full").replace("%1", str(len(self.loads)))
                                      .replace("%2", str(full)))
        self.updateGeometry()
        self.update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._widths.forget()
            self._label_width = min(NAME_MAX_PX, self._widths.widest(m.name for m in self.loads)) + 12
        super().changeEvent(event)

    def _name_roles(self, roles) -> None:
        self.setAccessibleName(fmt(self.tr("%1 load: %2 taken out of capacity"), role_title(roles, "mentor"),
                                   role_word(roles, "director", True)))

    def sizeHint(self) -> QSize:
        return QSize(260, max(1, len(self._rows)) * self.ROW + 4)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        label_width = self._label_width
        first = max(0, event.rect().top() // self.ROW)
        last = min(len(self._rows), event.rect().bottom() // self.ROW + 1)
        for i in range(first, last):
            row, y = self._rows[i], i * self.ROW
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            if isinstance(row, str):
                font = painter.font()
                font.setBold(True)
                painter.setFont(font)
                painter.drawText(QRect(0, y, self.width(), self.ROW), Qt.AlignmentFlag.AlignBottom, row)
                font.setBold(False)
                painter.setFont(font)
                continue
            painter.drawText(QRect(8, y, label_width - 14, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                             _elided(self, row.name, label_width - 16))
            fraction = row.used / row.capacity if row.capacity else 0.0
            paint_bar(painter, QRect(label_width, y, self.width() - label_width, self.ROW), fraction, palette,
                      f"{row.used} / {row.capacity}")
        if not self.loads:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No mentors yet."))
        painter.end()


def histogram_bins(scores: Sequence[float], bins: int = HIST_BINS) -> tuple[float, float, list[int]]:
    """Equal-width bins from the lowest to the highest score: (low, high, counts)."""
    if not scores:
        return 0.0, 0.0, [0] * bins
    low, high = min(scores), max(scores)
    width = (high - low) / bins if high > low else 1.0
    counts = [0] * bins
    for score in scores:
        counts[min(bins - 1, int(math.floor((score - low) / width)))] += 1
    return low, high, counts


class ScoreHistogram(QWidget):
    """How many teams fall in each score band."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.low, self.high, self.counts = 0.0, 0.0, [0] * HIST_BINS
        self.setAccessibleName(self.tr("Distribution of team scores"))
        self.setMinimumSize(220, 140)

    def set_scores(self, scores: Sequence[float]) -> None:
        self.low, self.high, self.counts = histogram_bins(scores)
        self.setAccessibleDescription(self.tr("%1 teams, scores from %2 to %3").replace("%1", str(len(scores)))
                                      .replace("%2", f"{self.low:.1f}").replace("%3", f"{self.high:.1f}"))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height()
        plot = self.rect().adjusted(8, line + 4, -8, -line - 6)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        if not any(self.counts):
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No teams yet."))
            painter.end()
            return
        top = max(self.counts)
        width = plot.width() / len(self.counts)
        fill = bar_colour(palette, 200)
        for i, count in enumerate(self.counts):
            height = int(plot.height() * count / top)
            bar = QRect(int(plot.left() + i * width) + 1, plot.bottom() - height, max(1, int(width) - 2), height)
            painter.fillRect(bar, fill)
            if count:
                painter.drawText(QRect(bar.left(), bar.top() - line - 2, bar.width(), line),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), line), Qt.AlignmentFlag.AlignLeft,
                         f"{self.low:.1f}")
        painter.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), line), Qt.AlignmentFlag.AlignRight,
                         f"{self.high:.1f}")
        painter.end()


def _scrolled(widget: QWidget, name: str, resizable: bool) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(resizable)
    area.setAccessibleName(name)
    return area


def _boxed(title: str, widget: QWidget, note: str = "") -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget, 1)
    if note:
        label = plain_label(note)
        label.setWordWrap(True)
        layout.addWidget(label)
    return box


class PicturesPage(QWidget):
    """The three pictures of the program, following its changes in place (issue 11).

    A change that concerns the pictures — this window's (`document.changed`, by id) or another viewer's
    (`document.elsewhere`, by table) — moves the page to a new generation and, when the page is seen, starts a
    background computation of what the change affects (`ui.pictures_work`: the rows and columns of the people
    it touched, the whole matrix only for a setting that decides teams). One computation runs at a time; an
    answer to an older generation is never shown (the program no longer holds that state) but is kept as the
    basis of the next one, which then only computes what changed after it. Scroll position, the selected cell
    and the hovered cell stay on the same people."""

    dataReady = Signal()
    resultDropped = Signal(int)  # the generation of an answer that arrived after a newer change

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.data = PicturesData()
        self.operation: Operation | None = None
        self.generation = 0            # counts the changes that concern the pictures
        self._basis: Computed | None = None  # the newest computation, shown or not: the next one starts from it
        self._shown_generation = -1
        self._asked_generation = -1
        self.last_affected = None      # what the shown computation recomputed (for the tests and the benchmark)
        self.heatmap = Heatmap()
        self.load_bars = LoadBars()
        self.histogram = ScoreHistogram()
        self.status = plain_label(self.tr("Computing the pictures…"))
        self.status.setWordWrap(True)
        self._build()
        self._dirty = False
        document.changed.connect(self._changed_here)
        document.elsewhere.connect(self._changed_elsewhere)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        heat_area = self.heat_area = _scrolled(self.heatmap, self.tr("Heatmap, scrollable"), False)
        for bar in (heat_area.horizontalScrollBar(), heat_area.verticalScrollBar()):
            bar.valueChanged.connect(lambda _value: self.heatmap.update())  # names follow the view's edges
        heat = self.heat_box = _boxed(self._heat_title(), heat_area,
                      self.tr("Stronger colour: better match. Framed: chosen in the latest run. "
                              "Grey hatched: the pair is forbidden. Hover a cell for names and score."))
        self.legend = HeatLegend(self.heatmap)
        heat.layout().insertWidget(1, self.legend)
        self.selected_label = plain_label()
        self.selected_label.setWordWrap(True)
        self.selected_label.setAccessibleName(self.tr("Selected pair"))
        heat.layout().insertWidget(3, self.selected_label)
        self.heatmap.selectionChanged.connect(self._show_selected)
        self._show_selected()
        splitter.addWidget(heat)
        right = QSplitter(Qt.Orientation.Vertical)
        self.load_area = _scrolled(self.load_bars, self.tr("Mentor load, scrollable"), True)
        self.load_box = _boxed(self._load_title(), self.load_area)
        right.addWidget(self.load_box)
        right.addWidget(_boxed(self.tr("Team scores (number of teams per score band)"), self.histogram))
        right.setSizes([400, 300])
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _heat_title(self, roles=None) -> str:
        """The heatmap's heading in the program's words: "Who fits whom: screenwriters × lead mentors"."""
        return fmt(self.tr("Who fits whom: %1 × %2"), role_word(roles, "director", True),
                   role_word(roles, "producer", True))

    def _load_title(self, roles=None) -> str:
        return fmt(self.tr("%1 load (%2 / capacity)"), role_title(roles, "mentor"), role_word(roles, "director", True))

    # -- following the program's changes --------------------------------------------------------

    def _changed_here(self, changes) -> None:
        if concerns_pictures_here(changes):
            self._changed()

    def _changed_elsewhere(self, tables: frozenset[str]) -> None:
        if concerns_pictures_elsewhere(tables):
            self._changed()

    def _changed(self) -> None:
        """The program changed: what is shown is out of date from now on. Compute now if the page is seen,
        else when it is next shown."""
        self.generation += 1
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def refresh(self) -> None:
        """Compute the current generation in the background from the newest computation; while one runs,
        the next starts when it ends (its answer, if older than the program now, only serves as the basis)."""
        if self.operation is not None or self._shown_generation == self.generation:
            return
        self._asked_generation = self.generation
        work = pictures_work(self.document.reader(read_pictures_input), self._basis, self.generation)
        self.operation = run_in_background(work, on_finished=self._loaded, on_failed=self._failed,
                                           on_cancelled=self._cancelled, parent=self, quit_cancels=True)

    def _cancelled(self) -> None:
        self.operation = None

    def _loaded(self, computed: Computed) -> None:
        self.operation = None
        self._basis = computed
        if computed.generation != self.generation:  # the program changed while it was computed
            self.resultDropped.emit(computed.generation)
            self._again()
            return
        self._shown_generation = computed.generation
        self.last_affected = computed.affected
        self.set_data(computed.data)
        freeze_loaded_state(len(computed.data.directors))

    def _again(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def _failed(self, message: str) -> None:
        self.operation = None
        self.status.setText(self.tr("The pictures could not be computed: %1").replace("%1", message))
        if self.generation != self._asked_generation:
            self._again()  # the program changed meanwhile: its state may well be computable
        else:
            self._dirty = True  # tried again at the next change, or when the page is shown again

    # -- showing --------------------------------------------------------------------------------

    def set_data(self, data: PicturesData) -> None:
        """Show new pictures with the view where the curator left it: the same people at the top left of the
        heatmap, the same selected and hovered cells, the load bars scrolled as they were."""
        anchor = self._scroll_anchor()
        load_scroll = self.load_area.verticalScrollBar().value()
        self.data = data
        self.heatmap.set_data(data)
        self._restore_scroll(anchor)
        self.legend.update()
        self.load_bars.set_loads(data.loads, data.roles)
        self.load_area.widget().adjustSize()
        self.load_area.verticalScrollBar().setValue(load_scroll)
        self.heat_box.setTitle(self._heat_title(data.roles))
        self.load_box.setTitle(self._load_title(data.roles))
        self.histogram.set_scores(data.team_scores)
        self._show_selected()
        if QToolTip.isVisible() and self.heatmap.hovered is not None:  # the hovered pair's new numbers
            QToolTip.showText(QCursor.pos(), tip(self.heatmap.describe(self.heatmap.hovered)) or "", self.heatmap)
        if data.run_id is None:
            self.status.setText(self.tr("No run yet: the heatmap shows how well each pair fits; "
                                        "press Propose on the Pairing page to see chosen pairs and loads."))
        else:
            self.status.setText(self.tr("Latest run: %1 (%2 teams).").replace("%1", str(data.run_id))
                                .replace("%2", str(len(data.team_scores))))
        self.dataReady.emit()

    def _scroll_anchor(self) -> tuple[str | None, str | None, int, int]:
        """The director and producer at the top left of the shown part of the heatmap, and how far into their
        cells the view is scrolled."""
        x, y = self.heat_area.horizontalScrollBar().value(), self.heat_area.verticalScrollBar().value()
        cell = self.heatmap.cell
        row, column = y // cell, x // cell
        director = self.data.directors[row][0] if 0 <= row < len(self.data.directors) else None
        producer = self.data.producers[column][0] if 0 <= column < len(self.data.producers) else None
        return director, producer, y - row * cell, x - column * cell

    def _restore_scroll(self, anchor) -> None:
        director, producer, dy, dx = anchor
        cell = self.heatmap.cell
        row, column = self.data.row_of.get(director), self.data.column_of.get(producer)
        if row is not None:
            self.heat_area.verticalScrollBar().setValue(row * cell + min(dy, cell - 1))
        if column is not None:
            self.heat_area.horizontalScrollBar().setValue(column * cell + min(dx, cell - 1))

    def _show_selected(self) -> None:
        text = self.heatmap.describe(self.heatmap.selected)
        self.selected_label.setText(text.replace("\n", " · ") if text else
                                    self.tr("Click a cell (or use the arrow keys) to select a pair."))
