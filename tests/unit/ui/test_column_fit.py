"""Columns fitted to their table (issue 11, room to read): the arithmetic alone, then a real table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from ui.widgets.column_fit import ColumnFitter, fit_widths


def test_room_enough_every_column_its_width_and_the_rest_to_the_stretch_columns():
    assert fit_widths([40, 100, 200, 60], [40, 60, 80, 60], 500, stretch=(1, 2)) == [40, 150, 250, 60]
    assert fit_widths([40, 100], [40, 60], 140) == [40, 100]  # no stretch column: the rest stays unused


def test_too_little_room_cuts_the_widest_first_and_never_below_a_minimum():
    # 460 wanted in 400: the 250-pixel column is cut to 190, the others stay whole.
    assert fit_widths([40, 100, 250, 70], [40, 60, 80, 70], 400) == [40, 100, 190, 70]
    # 300: both long columns are cut to one width (the number and the slots never shrink).
    assert fit_widths([40, 100, 250, 70], [40, 60, 80, 70], 300) == [40, 95, 95, 70]
    # Not even the minimums fit: the minimums (the table scrolls).
    assert fit_widths([40, 100, 250, 70], [40, 60, 80, 70], 200) == [40, 60, 80, 70]


@given(st.lists(st.tuples(st.integers(10, 400), st.integers(0, 200)), min_size=1, max_size=9), st.integers(0, 3000))
def test_fitted_widths_fill_the_room_exactly_between_minimum_and_wanted(columns, room):
    wanted = [w for w, _m in columns]
    minimum = [min(m, w) for w, m in columns]
    widths = fit_widths(wanted, minimum, room)
    assert all(m <= x <= w for x, w, m in zip(widths, wanted, minimum))
    if sum(minimum) < room <= sum(wanted):
        assert sum(widths) == room
        cut = [x for x, w, m in zip(widths, wanted, minimum) if m < x < w]  # cut, above their minimum
        assert not cut or max(cut) - min(cut) <= 1  # to one common width…
        assert all(w <= max(cut) + 1 for x, w, m in zip(widths, wanted, minimum) if m < x == w) if cut else True  # widest


def test_a_table_keeps_its_columns_in_view_and_elides_only_what_does_not_fit(qtbot):
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["#", "Name", "Organisation"])
    for n, (name, organisation) in enumerate([("Ana", "Harbour Lane Productions"), ("Bo Li", "Independent")]):
        model.appendRow([QStandardItem(str(n + 1)), QStandardItem(name), QStandardItem(organisation)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    texts = lambda column: [model.item(r, column).text() for r in range(model.rowCount())]  # noqa: E731
    fitter = ColumnFitter(view, texts, minimum_em={1: 4, 2: 4}, stretch=(1, 2))
    view.resize(600, 200)
    view.show()
    qtbot.waitExposed(view)
    fitter.measure()
    widest = view.fontMetrics().horizontalAdvance("Harbour Lane Productions")
    assert view.columnWidth(2) > widest and not fitter.needs_scrolling()
    view.resize(view.width() - view.viewport().width() + fitter.wanted[0] + fitter.wanted[1] + widest // 2, 200)
    qtbot.wait_until(lambda: view.columnWidth(2) < widest)  # too narrow: the organisation is elided…
    assert view.columnWidth(1) == fitter.wanted[1]  # …the short names stay whole
    assert not fitter.needs_scrolling()
