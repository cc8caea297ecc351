"""One roster page per role: a type-to-filter line, the sortable people table and its actions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QMenu, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from pairing import actions
from pairing.actions import ChangeSet, viewers
from pairing.domain import Person, Role
from pairing.vocabulary import BUILTIN, Vocabulary
from ui.clipboard import clipboard_text, looks_like_rows, pasted_file, people_tsv, put_text, with_role_column
from ui.cell_edit import CellProblem, edited
from ui.commands import add_people, delete_people, edit_person, update_people
from ui.document import ProgramDocument, step_text
from ui.i18n import fmt, say
from ui.models.roles import PERSON_ROLE
from ui.models.roster_model import RosterFilterProxy, RosterModel, RosterRows, prepare_rows
from ui.operations import run_in_background
from ui.plain import plain_label
from ui.widgets.column_fit import ColumnFitter


class RosterTableView(QTableView):
    """A table whose typed letters go to the filter line instead of jumping between rows."""

    typed = Signal(str)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt override
        self.typed.emit(search)


BACKGROUND_RELOAD_AT = 2000  # people of one role; below this a read takes well under 100 ms
CHANGES_IN_PLACE_UP_TO = 200  # people changed by one action; more (a large import) re-read the whole roster


def read_roster(session, role: Role, sort_column: int, descending: bool) -> tuple[RosterRows, dict[str, int]]:
    """The people of a role, sorted and ready to filter, with the versions of their rows (a reading action's
    shape: the document gives it a session of its own, on any thread)."""
    people = actions.reading.people(session, role)
    versions = viewers.person_versions(session, [p.id for p in people])
    rows = prepare_rows(people, role, actions.reading.vocabulary(session), sort_column, descending)
    return rows, versions


def read_people(session, ids) -> tuple[list[Person], dict[str, int]]:
    """The people with these ids that still exist, and the versions of their rows."""
    found = [p for p in actions.reading.people(session) if p.id in ids]
    return found, viewers.person_versions(session, ids)


class FilterLineEdit(QLineEdit):
    """The filter line: Escape clears it, Down (or Enter) goes to the table."""

    leave = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave.emit()
        else:
            super().keyPressEvent(event)


class RosterPage(QWidget):
    """The people of one role. Edits go through undo commands; the table refreshes on rosterChanged."""

    reloaded = Signal()  # the table shows the roster as stored (tests and benchmarks await it)
    importRequested = Signal(str)  # pasted rows, written to a file for the import wizard to check
    said = Signal(str)  # a sentence for the status bar
    cellRefused = Signal(str)  # a value typed in a cell could not be read (the sentence why)

    def __init__(self, document: ProgramDocument, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.role = role
        self.editor = None  # the open person editor, if any (tests drive it)
        self._loading = None  # the background read of a big roster, while it runs
        self._stale = False
        self.vocabulary: Vocabulary = BUILTIN
        self.model = RosterModel(role, self)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()
        self.reload()

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter_edit = FilterLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, genre or skill (English or 中文)…"))
        self.filter_edit.setAccessibleName(self.tr("Filter people"))
        self.count_label = plain_label(parent=self)
        self.table = self._build_table()
        self.add_button = self._button(self.tr("&Add…"), self.tr("Add a person"))
        self.edit_button = self._button(self.tr("&Edit…"), self.tr("Edit the selected person"))
        self.duplicate_button = self._button(self.tr("D&uplicate"), self.tr("Duplicate the selected people"))
        self.delete_button = self._button(self.tr("&Delete"), self.tr("Delete the selected people"))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._empty_hint())
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _build_table(self) -> RosterTableView:
        table = RosterTableView(self)
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("People"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A click on a selected cell edits it in place (double-click opens the whole person; issue 11).
        table.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.verticalHeader().setVisible(False)
        # Uniform row heights: the view never measures rows, so 10,000 people scroll smoothly.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._fit_columns(table)
        return table

    def _fit_columns(self, table: QTableView) -> None:
        """Columns as wide as their widest text, measured on the few people about the widest in each (issue 11:
        long organisations were cut while the languages had room to spare); the room left goes to the name and
        the organisation; a text is elided (full in its tooltip) only when the table truly lacks the room."""
        headers = [spec.header for spec in self.model.columns]
        elastic = {"Name": 8, "Organization": 8, "Genres": 8, "Needs": 8, "Skills": 8, "Languages": 6}
        self.column_fit = ColumnFitter(
            table, self.model.column_texts,
            minimum_em={c: elastic[h] for c, h in enumerate(headers) if h in elastic},
            stretch=[c for c, h in enumerate(headers) if h in ("Name", "Organization")], model=self.model)

    def _empty_hint(self) -> QWidget:
        """What to do next in an empty program (issue 11, item 7): import the roster, paste it, or add people."""
        self.empty = QWidget(self)
        self.empty_label = plain_label(self.tr("Nobody here yet. Import the roster a sign-up form or a colleague sent "
                                               "you (CSV or Excel, English or Chinese), paste rows copied from a "
                                               "spreadsheet with Ctrl+V, or add people one by one."), self.empty)
        self.empty_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import a roster…"), self.empty)
        self.import_button.clicked.connect(lambda: self.importRequested.emit(""))
        row = QHBoxLayout(self.empty)
        row.addWidget(self.empty_label, 1)
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        self.empty.hide()
        return self.empty

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        return button

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.set_filter)
        self.filter_edit.leave.connect(self._focus_table)
        self.table.typed.connect(self._type_to_filter)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.editRequested.connect(self.edit_cell)
        self.document.changed.connect(self._apply_changes)
        self.document.elsewhere.connect(self._changed_elsewhere)

    # -- data -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the role's people again, keeping the selection and current row on the same people.

        A small roster is read at once (no flicker); a big one off the GUI thread, so the window
        never freezes while thousands of people are read (#5).
        """
        count = self.document.read(actions.reading.count_people)[self.role]
        if count < BACKGROUND_RELOAD_AT:
            self._apply(self.document.read(read_roster, self.role, *self._sort_order()))
        else:
            self._reload_in_background()

    def _apply_changes(self, changes: ChangeSet) -> None:
        """This window's action (or its undo): the rows of the people it concerns change in place."""
        if not changes.roster and not changes.vocabulary:
            return
        touched = changes.people_added | changes.people_changed
        if changes.vocabulary or len(touched) + len(changes.people_removed) > CHANGES_IN_PLACE_UP_TO:
            self.reload()
            return
        gone = changes.people_removed | {old for old, _new in changes.renamed}
        people, versions = self.document.read(read_people, touched)
        self.document.saw(versions)
        selected, current = self.selected_ids(), self._current_id()
        self.model.remove_ids(gone | {p.id for p in people if p.role is not self.role})
        for person in people:
            if person.role is self.role:
                self.model.put(person)
        self.select_ids([i for i in selected if i not in gone], current)
        self._update_count()
        self._update_buttons()
        self.reloaded.emit()

    def _changed_elsewhere(self, tables) -> None:
        """Another window or process changed the program: read the roster again as it is now."""
        if {"person", "custom_term"} & set(tables):
            self.reload()

    def _reload_in_background(self) -> None:
        if self._loading is not None:
            self._stale = True  # read once more when this read is done
            return
        self._stale = False
        read = self.document.reader(read_roster, self.role, *self._sort_order())
        self.count_label.setText(self.tr("Loading…"))
        self._loading = run_in_background(lambda report, cancel: read(),
                                          on_finished=self._loaded, on_failed=self._load_failed, parent=self)

    def _loaded(self, result) -> None:
        self._loading = None
        if self._stale:
            self._reload_in_background()
        else:
            self._apply(result)

    def _load_failed(self, message: str) -> None:
        self._loading = None
        self.count_label.setText(fmt(self.tr("The roster could not be read: %1"), message))

    def _sort_order(self) -> tuple[int, bool]:
        header = self.table.horizontalHeader()
        return header.sortIndicatorSection(), header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def _apply(self, read: tuple[RosterRows, dict[str, int]]) -> None:
        rows, versions = read
        self.document.saw(versions)
        selected, current = self.selected_ids(), self._current_id()
        self.vocabulary = rows.vocabulary
        self.model.set_rows(rows)
        column, descending = self._sort_order()
        if (column, descending) != (rows.sort_column, rows.descending):  # the curator re-sorted meanwhile
            self.model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.select_ids(selected, current)
        self._update_count()
        self._update_buttons()
        self.reloaded.emit()

    def set_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()
        self._update_buttons()

    def _type_to_filter(self, text: str) -> None:
        if not text.strip():
            return
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.insert(text)

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.empty.setVisible(total == 0 and self._loading is None)
        if shown == total:
            self.count_label.setText(self.tr("%n people", "", total))
        else:
            self.count_label.setText(fmt(self.tr("%1 of %2 shown"), shown, total))

    # -- selection ------------------------------------------------------------------------------

    def selected_people(self) -> list[Person]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(row, 0).data(PERSON_ROLE) for row in rows]

    def selected_ids(self) -> list[str]:
        return [p.id for p in self.selected_people()]

    def _current_id(self) -> str | None:
        person = self.proxy.person_at(self.table.currentIndex())
        return person.id if person else None

    def select_ids(self, ids, current: str | None = None) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for person_id in ids:
            index = self._proxy_index(person_id)
            if index.isValid():
                selection.select(index, flags)
        target = self._proxy_index(current) if current else QModelIndex()
        if not target.isValid() and ids:
            target = self._proxy_index(ids[0])
        if target.isValid():
            selection.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(target)

    def _proxy_index(self, person_id: str) -> QModelIndex:
        row = self.model.row_of(person_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _update_buttons(self, *_args) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(count == 1)
        self.duplicate_button.setEnabled(count >= 1)
        self.delete_button.setEnabled(count >= 1)

    def _show_context_menu(self, position) -> None:
        menu = QMenu(self)
        count = len(self.table.selectionModel().selectedRows())
        entries = (
            (self.tr("&Add…"), self.add_person, True),
            (self.tr("&Edit…"), self.edit_selected, count == 1),
            (self.tr("D&uplicate"), self.duplicate_selected, count >= 1),
            (self.tr("&Delete"), self.delete_selected, count >= 1),
        )
        for text, slot, enabled in entries:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # -- actions --------------------------------------------------------------------------------

    def add_person(self) -> None:
        new_id = self.document.read(actions.people.new_id, self.role)
        self._open_editor(Person(new_id, "", self.role), is_new=True)

    def edit_selected(self) -> None:
        people = self.selected_people()
        if len(people) == 1:
            self._open_editor(people[0], is_new=False)

    def _open_editor(self, person: Person, *, is_new: bool) -> None:
        from ui.person_editor import PersonEditor  # imported on first use: start-up stays fast

        self.editor = PersonEditor(self.document, person, is_new=is_new, parent=self)
        self.editor.accepted.connect(lambda editor=self.editor, before=person, new=is_new:
                                     self._apply_editor(editor, before, new))
        self.editor.open()

    def _apply_editor(self, editor, before: Person, is_new: bool) -> None:
        after = editor.person()
        if is_new:
            add_people(self.document, [after])
        elif editor.has_changes():
            edit_person(self.document, before, after)
        self.select_ids([after.id], after.id)

    def duplicate_selected(self) -> None:
        people = self.selected_people()
        if not people:
            return
        copies, taken = [], set()
        for person in people:
            new_id = self.document.read(actions.people.new_id, self.role, taken)
            taken.add(new_id)
            copies.append(person.with_changes(id=new_id, name=fmt(self.tr("%1 (copy)"), person.name)))
        add_people(self.document, copies, duplicate=True)
        self.select_ids([p.id for p in copies])

    def edit_cell(self, person_id: str, field: str, text: str) -> bool:
        """A value typed in the table: read like an imported cell, then one undoable edit (refused over a
        change another window made); a value that cannot be read changes nothing and says why."""
        row = self.model.row_of(person_id)
        if row is None:
            return False
        before = self.model.person(row)
        calendar = self.document.read(actions.reading.settings).calendar
        try:
            after = edited(before, field, text, self.vocabulary, calendar)
        except CellProblem as problem:
            self.said.emit(fmt(self.tr("Not changed: %1"), say(problem.message)))
            self.cellRefused.emit(say(problem.message))
            return False
        if after == before:
            return False
        text = step_text("RosterPage", QT_TRANSLATE_NOOP("RosterPage", "Edit %1"), before.name or before.id)
        return update_people(self.document, [after], text) is not None

    # -- clipboard ------------------------------------------------------------------------------

    def copy_selection(self) -> bool:
        """Ctrl+C: the selected people as tab-separated rows in the import's columns (Excel/WPS paste them)."""
        people = self.selected_people()
        if people:
            put_text(people_tsv(people))
            self.said.emit(self.tr("Copied %n people as a table.", "", len(people)))
        return bool(people)

    def cut_selection(self) -> bool:
        """Ctrl+X: copy, then delete (one undoable step)."""
        if not self.copy_selection():
            return False
        self.delete_selected()
        return True

    def paste_selection(self) -> bool:
        """Ctrl+V of rows copied from a spreadsheet: they go through the import's checks and review."""
        text = clipboard_text()
        if not looks_like_rows(text):
            self.said.emit(self.tr("The clipboard holds no table: copy a header row and the people's rows from "
                                   "a spreadsheet, then paste again."))
            return False
        self.importRequested.emit(str(pasted_file(with_role_column(text, self.role))))
        return True

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            delete_people(self.document, ids)
