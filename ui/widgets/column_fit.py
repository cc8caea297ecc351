"""Columns as wide as what they show, fitted to their table (issue 11, room to read).

Every column stays in view without sideways scrolling: a column is as wide as its header and its widest cell;
when the table lacks the room for all of them, the widest texts give up width first (elided, their tooltips
hold them in full) and never below a sensible minimum; room to spare goes to the columns that read better
wider (names, organisations). Only when even the minimums do not fit does the table scroll sideways.

`fit_widths` is the arithmetic (plain Python, tested alone); `ColumnFitter` keeps a Qt table fitted as its
rows change and as it is resized. A column the curator resized by hand stops the fitting of that table.
"""

from __future__ import annotations

import heapq
from typing import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionHeader, QTableView


def fit_widths(wanted: Sequence[int], minimum: Sequence[int], room: int, stretch: Iterable[int] = ()) -> list[int]:
    """Widths of columns that want `wanted` pixels and may shrink to `minimum`, in `room` pixels.

    Room enough: every column its wanted width, and what is left goes to the `stretch` columns in equal parts.
    Too little: the widest columns are cut to one common width (never below their minimum), so the short
    texts stay whole and only the longest are elided; the sum is then exactly `room`. Below the minimums:
    the minimums (the table scrolls)."""
    widths = list(wanted)
    spare = room - sum(widths)
    if spare >= 0:
        targets = [c for c in stretch if 0 <= c < len(widths)]
        for n, column in enumerate(targets):
            widths[column] += spare // len(targets) + (1 if n < spare % len(targets) else 0)
        return widths
    floor = [min(m, w) for m, w in zip(minimum, wanted)]
    if sum(floor) >= room:
        return floor
    level = _water_level(wanted, floor, room)
    widths = [max(min(w, level), f) for w, f in zip(wanted, floor)]
    left = room - sum(widths)  # a few pixels short of the room: one more to each column cut at the level
    for column, (w, f) in enumerate(zip(wanted, floor)):
        if left <= 0:
            break
        if w > level >= f:
            widths[column] += 1
            left -= 1
    return widths


def _water_level(wanted: Sequence[int], floor: Sequence[int], room: int) -> int:
    """The largest common width L such that every column at min(wanted, max(L, its floor)) fits the room."""
    def total(level: int) -> int:
        return sum(max(min(w, level), f) for w, f in zip(wanted, floor))

    low, high = 0, max(wanted)
    while low < high:
        middle = (low + high + 1) // 2
        if total(middle) <= room:
            low = middle
        else:
            high = middle - 1
    return low


GROW_ROWS = 200  # rows changed at once above which a column is measured anew rather than row by row
MEASURED = 48  # texts of a column measured: the longest by letters (a proportional font barely reorders them)


def letters(text: str) -> int:
    """About how wide a text is, in Latin letters: a Chinese character (three bytes in UTF-8) counts as two."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


class ColumnFitter(QObject):
    """Keeps the columns of `view` fitted: measured again when its rows change, fitted again when it is resized.

    `texts(column)`: the cell texts to measure in a column (all of them, or the few longest for a big table);
    `extra`: pixels a column's cells need beside their text (an icon, a bar); `minimum_em`: how narrow a
    column may become (in widths of "M"), by default its wanted width (it never shrinks); `stretch`: the
    columns that take the room left over. `measured` is emitted once the wanted widths are known anew."""

    measured = Signal()

    def __init__(self, view: QTableView, texts: Callable[[int], Iterable[str]], *,
                 minimum_em: Mapping[int, float] | None = None, extra: Mapping[int, int] | None = None,
                 stretch: Iterable[int] = (), model: QAbstractItemModel | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.model = model or view.model()  # behind a filter proxy: the source (filtering changes no text)
        self.texts = texts
        self.minimum_em = dict(minimum_em or {})
        self.extra = dict(extra or {})
        self.stretch = tuple(stretch)
        self.manual = False  # the curator resized a column: the table keeps their widths
        self.wanted: list[int] = []
        self._cells: list[int] = []  # per column, the widest cell (text, margins, icon)
        self._fitting = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.measure)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("M"))  # a "#" column may be narrower
        header.sectionResized.connect(self._resized)
        header.sortIndicatorChanged.connect(lambda *_: self._update_wanted())
        view.viewport().installEventFilter(self)
        model = self.model
        for signal in (model.modelReset, model.rowsRemoved):  # the widest may have gone: measure every column
            signal.connect(self.measure_later)
        model.rowsInserted.connect(lambda _parent, first, last: self._grow(first, last, 0, model.columnCount() - 1))
        model.dataChanged.connect(lambda top, bottom, *_: self._grow(top.row(), bottom.row(), top.column(),
                                                                     bottom.column()))
        model.headerDataChanged.connect(lambda *_: self._update_wanted())

    # -- measuring ------------------------------------------------------------------------------

    def measure_later(self, *_args) -> None:
        """Measure once the current changes are done (many row changes in a row cost one measure)."""
        self._timer.start()

    def measure(self) -> None:
        """How wide each column's cells want to be: its widest text (of `texts`) with the cell's margins."""
        self._timer.stop()
        self._cells = [self._column_width(column) for column in range(self.model.columnCount())]
        self._update_wanted()

    def _column_width(self, column: int) -> int:
        """A column's widest text, measured on the longest few (by letters, a Chinese character as two): 2,000
        names cost a few dozen measures."""
        texts = [t for t in set(self.texts(column)) if t]
        if len(texts) > MEASURED:
            texts = heapq.nlargest(MEASURED, texts, key=letters)
        metrics = self.view.fontMetrics()
        return self._cell_width(column, max((metrics.horizontalAdvance(t) for t in texts), default=0))

    def _cell_width(self, column: int, text_width: int) -> int:
        view = self.view
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 2
        return text_width + margin + self.extra.get(column, 0)

    def _grow(self, first: int, last: int, left: int, right: int) -> None:
        """Cells changed or added: a column widens when one of their texts is wider than its widest (a column
        narrows at the next full measure). Many rows at once: those columns measured anew."""
        model, columns = self.model, self.model.columnCount()
        if self._timer.isActive() or len(self._cells) != columns:
            return
        metrics = self.view.fontMetrics()
        grown = False
        for column in range(max(left, 0), min(right, columns - 1) + 1):
            if last - first >= GROW_ROWS:
                widest = self._column_width(column)
            else:
                texts = {str(model.index(row, column).data() or "") for row in range(first, last + 1)}
                widest = self._cell_width(column, max(metrics.horizontalAdvance(t) for t in texts))
            if widest > self._cells[column]:
                self._cells[column], grown = widest, True
        if grown:
            self._update_wanted()

    def _update_wanted(self) -> None:
        """Each column wants its header's width or its widest cell's; then the columns are fitted again."""
        if len(self._cells) != self.model.columnCount():
            return
        self.wanted = [max(self._header_width(c), cell) for c, cell in enumerate(self._cells)]
        self.fit()
        self.measured.emit()

    def wanted_width(self) -> int:
        """The width the whole table wants: every column at its wanted width, with the frame and a vertical
        scroll bar."""
        view = self.view
        return sum(w for c, w in enumerate(self.wanted) if not view.isColumnHidden(c)) + 2 * view.frameWidth() \
            + view.verticalScrollBar().sizeHint().width()

    def _header_width(self, column: int) -> int:
        """A header's words in their section (bold when a selected row makes them so), and room for the sort arrow
        on the sorted column only (Qt's own
        size hint keeps that room on every column: a seventh of a 1280-pixel table for arrows not shown)."""
        header = self.view.horizontalHeader()
        option = QStyleOptionHeader()
        option.initFrom(header)
        if header.highlightSections():  # a selected row's headers are drawn bold (wider)
            font = header.font()
            font.setBold(True)
            option.fontMetrics = QFontMetrics(font)
        option.text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
        size = header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header)
        width = size.width() + 8  # the style elides a label a few pixels before its margins
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += size.height() + header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
        return width

    def minimums(self) -> list[int]:
        em = self.view.fontMetrics().horizontalAdvance("M")
        return [min(w, round(self.minimum_em[c] * em)) if c in self.minimum_em else w
                for c, w in enumerate(self.wanted)]

    # -- fitting --------------------------------------------------------------------------------

    def fit(self) -> None:
        if self.manual or not self.wanted or len(self.wanted) != self.model.columnCount():
            return
        header = self.view.horizontalHeader()
        widths = fit_widths(self.wanted, self.minimums(), self.view.viewport().width(), self.stretch)
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                if not self.view.isColumnHidden(column):
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def needs_scrolling(self) -> bool:
        """Whether the columns are wider than the table shows (the table scrolls sideways)."""
        header = self.view.horizontalHeader()
        return header.length() > self.view.viewport().width()

    def _resized(self, *_args) -> None:
        """A section resized while the mouse button is down on the header: the curator dragged it."""
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.manual = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
