"""Room to read (issue 11): a list or table that always shows at least a given number of rows."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROWS_SHOWN = 6


def row_height(view: QAbstractItemView) -> int:
    """The height of one row: a line of text with its margins (tables are set to it, so it holds)."""
    return view.fontMetrics().height() + 10


def show_rows(view: QAbstractItemView, rows: int = ROWS_SHOWN) -> None:
    """Make the view at least tall enough for `rows` rows below its header."""
    header = 0
    if isinstance(view, QTableView):
        header = view.horizontalHeader().sizeHint().height()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(row_height(view))
    scroll = view.horizontalScrollBar().sizeHint().height()  # a wide table shows one below its rows
    view.setMinimumHeight(header + rows * row_height(view) + scroll + 2 * view.frameWidth() + 4)
