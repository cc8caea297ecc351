"""The Chinese window shows no English sentence (issue 8): every page, dialog and message box is walked in
Chinese, and any three English words in a row — people's names, ids and file names aside — fail the test."""

from __future__ import annotations

import csv
import re

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QTabBar, QTextEdit, QWidget,
)

from gui_walk import SAMPLE, copy_program, every_screen, make_program, message_boxes, open_window
from pairing.importer import HEADER_NAMES
from ui.app import install_translators, remove_translators

ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")
ROWS_READ = 40  # cells of the first rows of each table: the words of a column are the same below


@pytest.fixture(scope="module")
def program_with_run(tmp_path_factory):
    return make_program(tmp_path_factory.mktemp("zh") / "sample.pairing")


@pytest.fixture
def chinese():
    translators = install_translators(QApplication.instance(), "zh_CN")
    yield
    remove_translators(QApplication.instance(), translators)


def texts_of(widget: QWidget) -> list[str]:
    """What a person reads on a widget: its text, title, items, placeholder, tooltip."""
    found = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
    if isinstance(widget, (QLabel, QAbstractButton)):
        found.append(widget.text())
    if isinstance(widget, QGroupBox):
        found.append(widget.title())
    if isinstance(widget, QLineEdit):
        found.append(widget.placeholderText())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        found.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        found += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        found += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
        found += model_texts(widget.model())
    return [t for t in found if t]


def model_texts(model) -> list[str]:
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    found = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    for row in range(min(model.rowCount(QModelIndex()), ROWS_READ)):
        found += [str(model.index(row, c, QModelIndex()).data() or "") for c in range(columns)]
    return found


def english_sentences(text: str, names: list[str]) -> list[str]:
    for name in names:  # longest first: "Ana Lucía Torres" before "Ana"
        text = text.replace(name, " · ")
    text = re.sub(r"<[^>]+>", " ", text)  # markup of rich-text labels
    return ENGLISH_RUN.findall(text)


def test_no_english_sentence_on_any_page_or_dialog(program_with_run, tmp_path, qtbot, chinese):
    program = copy_program(program_with_run, tmp_path)
    window = open_window(qtbot, tmp_path, program)
    people = window.document.program().people
    # What the curator typed (names, organizations, notes) and the column names a roster file may use are data,
    # not the window's sentences.
    typed = {p.name for p in people} | {p.organization for p in people} | {p.notes for p in people}
    headers = {h for names in HEADER_NAMES.values() for h in names}
    with open(SAMPLE, encoding="utf-8", newline="") as handle:  # the import preview shows the file's own cells
        cells = {cell for row in csv.reader(handle) for cell in row}
    typed |= cells | {cell[:length] for cell in cells for length in range(20, 41)}  # samples are cut short
    names = sorted({t for t in typed | headers if t} | {program.name, "Talent Pairing", str(program)},
                   key=len, reverse=True)
    found = {}

    def look(screen_name: str, screen: QWidget) -> None:
        widgets = [w for w in [screen, *screen.findChildren(QWidget)] if w.isVisibleTo(screen) or w is screen]
        english = sorted({s for w in widgets for t in texts_of(w) for s in english_sentences(t, names)})
        if english:
            found[screen_name] = english

    for screen_name, screen in every_screen(window, qtbot):
        QApplication.processEvents()
        look(screen_name, screen)
    assert len(message_boxes(window, qtbot, tmp_path, look)) >= 21
    menus = [a.text() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)
             for a in m.actions()]
    english = sorted({s for t in menus for s in english_sentences(t, names)})
    if english:
        found["menus"] = english
    assert found == {}, "\n".join(f"{screen}: {sentences}" for screen, sentences in found.items())


def test_the_check_sees_an_english_sentence_and_spares_names():
    assert english_sentences("请选择 Open the file now", []) == ["Open the file now"]
    assert english_sentences("Ana Lucía Torres 的团队", ["Ana Lucía Torres"]) == []
    assert english_sentences("D01, P03", []) == []


def test_undo_steps_made_before_a_language_switch_are_said_in_the_new_language(program_with_run, tmp_path, qtbot):
    """Issue 11 (honest undo): after switching to 中文, Edit ▸ Undo said "Undo Delete …" in English. The steps are
    values (a source text and its arguments) said again in the window's language on every switch."""
    from PySide6.QtWidgets import QUndoView

    from pairing.domain import Role
    from ui.app import switch_language
    from ui.commands import edit_person

    window = open_window(qtbot, tmp_path, copy_program(program_with_run, tmp_path))
    page = window.roster_page(Role.DIRECTOR)
    window.tabs.setCurrentWidget(page)
    deleted = page.model.person(page.model.row_of("D03")).name
    page.select_ids(["D03"])
    page.delete_selected()
    seen = page.model.person(page.model.row_of("D04"))
    assert edit_person(window.document, seen, seen.with_changes(notes="Met at the festival")) is not None
    assert window.undo()  # the edit can be redone, the delete undone
    assert window.undo_action.text() == f"&Undo Delete {deleted}"
    assert window.redo_action.text() == f"&Redo Edit {seen.name}"
    history = QUndoView(window.document.undo_stack)  # what an undo history shows: every step's name
    qtbot.addWidget(history)

    def steps() -> list[str]:
        model = history.model()
        return [model.index(row, 0).data() for row in range(1, model.rowCount())]  # row 0: the empty state

    assert steps() == [f"Delete {deleted}", f"Edit {seen.name}"]
    try:
        window.change_language("zh_CN")
        assert window.undo_action.text() == f"撤销(&U) 删除 {deleted}"
        assert window.redo_action.text() == f"重做(&R) 编辑 {seen.name}"
        assert steps() == [f"删除 {deleted}", f"编辑 {seen.name}"]
        assert window.undo()
        assert window.statusBar().currentMessage().startswith(f"已撤销：删除 {deleted}")
        window.change_language("en")
        assert window.redo_action.text().startswith(f"&Redo Delete {deleted}")
        assert steps() == [f"Delete {deleted}", f"Edit {seen.name}"]
    finally:
        switch_language("en")
