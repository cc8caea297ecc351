"""Room to read (issue 11): a list or table that always shows at least a given number of rows."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView

ROWS_SHOWN = 6


def row_height(view: QAbstractItemView) -> int:
    """The height of one row: the table's default section size, else a line of text with its margins."""
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    return view.fontMetrics().height() + 8


def show_rows(view: QAbstractItemView, rows: int = ROWS_SHOWN) -> None:
    """Make the view at least tall enough for `rows` rows below its header."""
    header = view.horizontalHeader().sizeHint().height() if isinstance(view, QTableView) else 0
    view.setMinimumHeight(header + rows * row_height(view) + 2 * view.frameWidth() + 4)
