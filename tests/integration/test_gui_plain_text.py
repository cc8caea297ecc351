"""Names such as `<b>Bold</b> Chen` or `<img src=x> Li` are shown as written on every page and dialog: never
as markup in a label, a tooltip, a header or a cell (issue 11, item 8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QWidget

from gui_walk import HOSTILE, copy_program, every_screen, make_program, message_boxes, open_window
from ui.plain import tip

MARKUP = tuple(HOSTILE.values())
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole)


@pytest.fixture(scope="module")
def hostile_program(tmp_path_factory):
    return make_program(tmp_path_factory.mktemp("hostile") / "hostile.pairing", names=HOSTILE)


def rendered_as_markup(text, plain_format: bool = False) -> bool:
    """Would Qt draw this text as rich text with one of the hostile names' tags in it?"""
    if not isinstance(text, str) or plain_format or not GuiQt.mightBeRichText(text):
        return False
    return any(name in text for name in MARKUP)


def labels_with_markup(widget: QWidget) -> list[str]:
    found = []
    for label in widget.findChildren(QLabel):
        if rendered_as_markup(label.text(), label.textFormat() == Qt.TextFormat.PlainText):
            found.append(label.text())
    for child in [widget, *widget.findChildren(QWidget)]:
        if rendered_as_markup(child.toolTip()):
            found.append(child.toolTip())
    return found


def cells_with_markup(widget: QWidget) -> list[str]:
    found = []
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view, QHeaderView):  # a header shows its table's model
            continue
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for row in range(min(model.rowCount(QModelIndex()), 300)):
            for column in range(columns):
                index = model.index(row, column, QModelIndex())
                found += [str(model.data(index, role)) for role in (Qt.ItemDataRole.ToolTipRole,)
                          if rendered_as_markup(model.data(index, role))]
        for section in range(columns):
            for role in TEXT_ROLES:
                value = model.headerData(section, Qt.Orientation.Horizontal, role)
                if rendered_as_markup(value):
                    found.append(value)
    return found


def test_the_walk_sees_the_hostile_names(hostile_program, tmp_path, qtbot):
    """The check below is only worth something if the names are on screen: they are, in the roster."""
    window = open_window(qtbot, tmp_path, copy_program(hostile_program, tmp_path))
    page = window.roster_page("director")
    shown = {page.model.data(page.model.index(row, 1)) for row in range(page.model.rowCount())}
    assert {"<b>Bold</b> Chen", "<img src=x> Li"} <= shown


def test_no_label_tooltip_header_or_cell_renders_a_name_as_markup(hostile_program, tmp_path, qtbot):
    window = open_window(qtbot, tmp_path, copy_program(hostile_program, tmp_path))
    problems = {}
    for name, screen in every_screen(window, qtbot):
        found = labels_with_markup(screen) + cells_with_markup(screen)
        if found:
            problems[name] = found

    def look(name: str, box: QWidget) -> None:  # message boxes name people: "<b>Bold</b> Chen (D01) was changed…"
        found = labels_with_markup(box)
        if found:
            problems[name] = found

    assert len(message_boxes(window, qtbot, tmp_path, look)) >= 21
    assert problems == {}


def test_a_team_tooltip_shows_the_full_names_escaped(hostile_program, tmp_path, qtbot):
    window = open_window(qtbot, tmp_path, copy_program(hostile_program, tmp_path))
    window.tabs.setCurrentWidget(window.page("pairing"))
    page = window.page("pairing")
    qtbot.wait_until(lambda: page.run is not None, timeout=60_000)
    model = page.team_model
    rows = [r for r in range(model.rowCount()) if model.data(model.index(r, model.DIRECTOR)) == "<b>Bold</b> Chen"]
    assert rows, "D01 has a team in the sample's run"
    assert model.data(model.index(rows[0], model.DIRECTOR), Qt.ItemDataRole.ToolTipRole) == tip(
        "<b>Bold</b> Chen (D01)")


def test_tip_escapes_and_keeps_line_breaks():
    assert tip("<b>x</b> & y\nz") == "<qt>&lt;b&gt;x&lt;/b&gt; &amp; y<br>z</qt>"
    assert tip("") == "" and tip(None) is None
