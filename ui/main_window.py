"""The main window: the open program's pages, its menus, and the New/Open/Save As document flow."""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QFileDialog, QLineEdit, QMainWindow, QMenu, QMessageBox,
    QPlainTextEdit, QStackedWidget, QTabWidget, QTextEdit, QWidget,
)

from pairing.domain import Role
from ui.i18n import fmt, say_fault
from ui.responsiveness import QUIT_WAIT_MS
from ui.settings_store import SettingsStore
from ui.undo_focus import ProgramUndoFirst, redo_shortcuts, undo_shortcuts
from ui.welcome_page import WelcomePage
from ui.widgets.lazy_page import LazyPage
from ui.plain import as_written, plain_label, tip

if TYPE_CHECKING:  # the storage stack is imported on first use, so the window shows before it loads
    from ui.document import ProgramDocument
    from ui.roster_page import RosterPage

APP_NAME = "Talent Pairing"
ROSTER_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")
PROGRAM_SUFFIXES = (".pairing",)


class MainWindow(QMainWindow):
    """One window, one open program at a time."""

    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document: "ProgramDocument | None" = None
        self.pages: dict[str, QWidget] = {}
        self.work_question: QMessageBox | None = None  # "stop, wait or stay?" while closing during work
        self.undo_group = QUndoGroup(self)
        self.undo_first = ProgramUndoFirst(self)  # Ctrl+Z undoes the program's action, whatever has focus
        QApplication.instance().installEventFilter(self.undo_first)
        self.welcome = WelcomePage(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Program pages"))
        self.stack = QStackedWidget(self)
        self.opening = plain_label(parent=self)
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.opening)
        self.setCentralWidget(self.stack)
        self.setAcceptDrops(True)
        self._create_actions()
        self._create_menus()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.statusBar()
        self._restore_window()
        self._show_welcome()

    # -- actions and menus ----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        k = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New…"), self.new_program, k.New, self.tr("Start a new program file"))
        self.open_action = self._action(self.tr("&Open…"), self.open_program_dialog, k.Open,
                                        self.tr("Open a program file"))
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as, "Ctrl+Shift+S",
                                           self.tr("Save a copy of the program and continue in the copy"))
        self.import_action = self._action(self.tr("&Import Roster…"), lambda: self.open_import_wizard(), "Ctrl+I",
                                          self.tr("Import people from a CSV or Excel file"))
        self.export_action = self._action(self.tr("&Export…"), self.open_export, "Ctrl+E",
                                          self.tr("Export the pairing as sheets, PDF or calendar invitations"))
        self.program_action = self._action(self.tr("&Program…"), self.open_program_properties, "Ctrl+Shift+P",
                                           self.tr("Name, dates, meeting cadence and role names of the program"))
        self.preferences_action = self._action(self.tr("Pre&ferences…"), self.open_preferences, "Ctrl+,",
                                               self.tr("Language, default weights and solver time limit"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, k.Quit)
        # Undo and Redo go through the document: a step that cannot apply (another viewer changed what it
        # restores) is refused with a sentence and the stack stays as it was (issue 11).
        self.undo_action = self._action(self.tr("&Undo"), self.undo, None)
        self.undo_action.setShortcuts(undo_shortcuts())
        self.redo_action = self._action(self.tr("&Redo"), self.redo, None)
        self.redo_action.setShortcuts(redo_shortcuts())
        self.undo_group.canUndoChanged.connect(lambda _can: self._update_undo_actions())
        self.undo_group.canRedoChanged.connect(lambda _can: self._update_undo_actions())
        self.undo_group.undoTextChanged.connect(lambda _text: self._update_undo_actions())
        self.undo_group.redoTextChanged.connect(lambda _text: self._update_undo_actions())
        self._update_undo_actions()
        self.cut_action = self._action(self.tr("Cu&t"), lambda: self._edit("cut"), k.Cut,
                                       self.tr("Cut the selected people (or, in a team, the mentor to move)"))
        self.copy_action = self._action(self.tr("&Copy"), lambda: self._edit("copy"), k.Copy,
                                        self.tr("Copy the selected people or teams as a table for Excel or WPS"))
        self.paste_action = self._action(self.tr("&Paste"), lambda: self._edit("paste"), k.Paste,
                                         self.tr("Paste rows copied from a spreadsheet (checked like an import)"))
        self.add_action = self._action(self.tr("&Add Person…"), lambda: self._on_page("add_person"), "Ctrl+Shift+N")
        self.edit_action = self._action(self.tr("&Edit Person…"), lambda: self._on_page("edit_selected"), "F2")
        self.duplicate_action = self._action(self.tr("Dup&licate"), lambda: self._on_page("duplicate_selected"),
                                             "Ctrl+D")
        self.delete_action = self._action(self.tr("&Delete"), lambda: self._on_page("delete_selected"), k.Delete)
        self.find_action = self._action(self.tr("&Find"), lambda: self._on_page("focus_filter"), k.Find,
                                        self.tr("Filter the roster"))
        self.shortcuts_action = self._action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, k.HelpContents)
        self.about_action = self._action(self.tr("&About Talent Pairing"), self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addActions([self.new_action, self.open_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_action, self.export_action])
        self.file_menu.addAction(self.program_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.preferences_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.cut_action, self.copy_action, self.paste_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.add_action, self.edit_action, self.duplicate_action, self.delete_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addActions([self.shortcuts_action, self.about_action])

    def _fill_view_menu(self) -> None:
        self.view_menu.clear()
        for number, title in enumerate(self.pages, start=1):
            action = self.view_menu.addAction(self.tabs.tabText(number - 1).split(" (")[0])
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, i=number - 1: self.tabs.setCurrentIndex(i))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_programs()
        for number, location in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(location).name}")
            action.setToolTip(tip(location))
            action.triggered.connect(lambda _c=False, loc=location: self.open_program(loc))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent programs")).setEnabled(False)

    # -- pages ----------------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        return self.tabs.currentWidget() if self.document is not None else None

    def page(self, key: str) -> QWidget:
        """A page by key (`director`, `producer`, `instructor`, `pairing`, `pictures`), built if still lazy."""
        page = self.pages[key]
        return page.materialise() if isinstance(page, LazyPage) else page

    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, LazyPage):
            page.materialise()
        self._update_actions()

    def roster_page(self, role: Role) -> "RosterPage":
        return self.pages[str(role)]

    def _is_roster_page(self, page: QWidget | None) -> bool:
        return page is not None and any(self.pages.get(str(role)) is page for role in Role)

    def undo(self) -> bool:
        return self.document.undo() if self.document is not None else False

    def redo(self) -> bool:
        return self.document.redo() if self.document is not None else False

    def _update_undo_actions(self) -> None:
        group = self.undo_group
        read_only = self.document is not None and self.document.read_only
        self.undo_action.setEnabled(group.canUndo() and not read_only)
        self.redo_action.setEnabled(group.canRedo() and not read_only)
        undo, redo = group.undoText(), group.redoText()
        self.undo_action.setText(fmt(self.tr("&Undo %1"), undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(fmt(self.tr("&Redo %1"), redo) if redo else self.tr("&Redo"))

    def _edit(self, verb: str) -> None:
        """Edit ▸ Cut/Copy/Paste: a text field with the focus does it to its text; else the page to its rows."""
        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)):
            target = focus.lineEdit() if isinstance(focus, QAbstractSpinBox) else focus
            getattr(target, verb)()
            return
        page = self.current_page()
        if isinstance(page, LazyPage):
            page = page.page
        method = getattr(page, f"{verb}_selection", None)
        if method is not None:
            method()

    def _on_page(self, method: str) -> None:
        page = self.current_page()
        if self._is_roster_page(page):
            getattr(page, method)()

    def _build_pages(self, document: "ProgramDocument") -> None:
        from ui.roster_page import RosterPage

        titles = self._role_titles(document)
        document.settingsChanged.connect(self._retitle_roster_pages)  # the Program dialog renames roles
        for role, title in titles.items():
            page = RosterPage(document, role, self.tabs)
            page.reloaded.connect(self._update_tab_counts)  # a big roster finishes loading later
            page.importRequested.connect(lambda path: self.open_import_wizard(path or None))
            page.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._add_page(str(role), page, title)
        self._add_page("pairing", LazyPage(lambda parent: _pairing_page(document, parent), self.tabs),
                       self.tr("Pairing"))
        self._add_page("schedule", LazyPage(lambda parent: _schedule_page(document, parent), self.tabs),
                       self.tr("Schedule"))
        self._add_page("pictures", LazyPage(lambda parent: _pictures_page(document, parent), self.tabs),
                       self.tr("Pictures"))
        self._fill_view_menu()
        self._update_tab_counts()

    def _role_titles(self, document: "ProgramDocument") -> dict:
        """Roster tab titles in the program's own words, e.g. a screenwriting camp's "Screenwriters" /
        "编剧学员" (issue 10)."""
        from pairing.actions import properties
        from ui.i18n import role_title

        names = document.read(properties.role_names)
        return {role: role_title(names, role, plural=True) for role in Role}

    def _retitle_roster_pages(self) -> None:
        if self.document is None:
            return
        for role, title in self._role_titles(self.document).items():
            page = self.pages.get(str(role))
            if page is not None:
                page.setProperty("base_title", title)
        self._update_tab_counts()
        self._fill_view_menu()

    def _add_page(self, key: str, page: QWidget, title: str) -> None:
        self.pages[key] = page
        page.setProperty("base_title", title)
        self.tabs.addTab(page, title)

    def _update_tab_counts(self) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            title = page.property("base_title")
            if self._is_roster_page(page):
                title = f"{title} ({page.model.rowCount()})"
            self.tabs.setTabText(index, title)

    def _clear_pages(self) -> None:
        self.tabs.blockSignals(True)  # removing tabs must not build the lazy pages on the way out
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        self.tabs.blockSignals(False)
        self.pages.clear()

    # -- document -------------------------------------------------------------------------------

    def open_program(self, location: str) -> bool:
        """Open a program file (created if missing); on failure say why and keep what was open."""
        from pairing.actions.program import ProgramFileError
        from ui.document import ProgramDocument

        if self._busy_page() is not None:
            QMessageBox.information(self, self.tr("Teams are being proposed"),
                                    self.tr("A proposal is running in this program. Stop it (Esc on the Pairing "
                                            "page) or wait until it ends, then open the other program."))
            return False
        try:
            document = ProgramDocument.open(location, self)
        except (ProgramFileError, OSError) as exc:
            self.settings.remove_recent_program(str(location))
            if self.document is None:
                self._show_welcome()
            QMessageBox.warning(self, self.tr("Cannot open the program"),
                                as_written(fmt(self.tr("%1\n\nChoose another file, or create a new program with "
                                                       "File ▸ New."), say_fault(exc))))
            return False
        read_only = self._open_elsewhere(document)
        if read_only is None:
            document.close()
            document.deleteLater()
            return False
        document.read_only = read_only
        document.register_viewer(read_only)
        self.set_document(document)
        self.settings.add_recent_program(str(location))
        return True

    def _open_elsewhere(self, document) -> bool | None:
        """A program another window has open: warn and offer read-only. True: read-only, False: editable,
        None: not opened."""
        others = document.other_viewers()
        if not others:
            return False
        return self.ask_open_elsewhere(others)

    def ask_open_elsewhere(self, others) -> bool | None:
        who = "\n".join(fmt(self.tr("• %1 on %2 (process %3), open since %4"), v.user or "?", v.host, v.pid,
                             v.started.strftime("%Y-%m-%d %H:%M")) for v in others)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Open elsewhere too"),
                          fmt(self.tr("This program is already open in another window:\n%1\n\nBoth windows show "
                                      "what the other changes, and a change to something the other window changed "
                                      "meanwhile is refused. To only look, open it read-only."), who),
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user and host names: shown as written
        read_only = box.addButton(self.tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
        editable = box.addButton(self.tr("Open and &edit"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is read_only else False if clicked is editable else None

    def _refused(self, error) -> None:
        """An action, undo or redo that was not done: say why; offer to reload when the program changed
        elsewhere (nothing is written over what the curator has not seen)."""
        from pairing.actions.viewers import StaleRows
        from ui.document import ReadOnly

        if isinstance(error, ReadOnly):
            QMessageBox.information(self, self.tr("Read-only"),
                                    self.tr("This program is open read-only here, so nothing was changed. Close it "
                                            "and open it again to edit it."))
            return
        if not isinstance(error, StaleRows):
            QMessageBox.warning(self, self.tr("Not done"), as_written(refusal_sentence(error)))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed elsewhere"),
                          self._stale_sentence(error), QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names people: shown as written
        self.reload_button = box.addButton(self.tr("&Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(self.reload_button)
        box.buttonClicked.connect(lambda button: button is self.reload_button and self.reload_program())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refusal_box = box
        box.open()

    def _stale_sentence(self, error) -> str:
        names = self._names_of(error.changed + error.gone)
        if error.gone and not error.changed:
            text = self.tr("%1 was deleted in another window or program, so your change was not made.")
        elif error.changed or error.gone:
            text = self.tr("%1 was changed in another window or program since you saw it, so your change was "
                           "not saved (it would have overwritten theirs).")
        else:
            text = self.tr("The pairing settings were changed in another window or program since you saw them, so "
                           "your change was not saved.")
        return fmt(text, names) + "\n\n" + self.tr("Reload to see the program as it is now, then make your "
                                                     "change again if it is still needed.")

    def _names_of(self, ids) -> str:
        from pairing import actions

        people = {p.id: p.name for p in self.document.read(actions.reading.people)} if self.document else {}
        return ", ".join(f"{people[i]} ({i})" if i in people else i for i in ids)

    def reload_program(self) -> None:
        """Every view reads the program again, as stored now."""
        if self.document is not None:
            self.document.reload_all()
            self.statusBar().showMessage(self.tr("Reloaded: the window shows the program as it is now."), 8000)

    def show_opening(self, location: str) -> None:
        """Shown while the program loads right after start-up."""
        self.opening.setText(fmt(self.tr("Opening %1…"), Path(location).name))
        self.stack.setCurrentWidget(self.opening)

    def set_document(self, document: "ProgramDocument") -> None:
        self.close_document()
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.undo_stack.indexChanged.connect(self._announce_step)
        document.undo_stack.indexChanged.connect(self.undo_first.program_acted)
        self._undo_index = document.undo_stack.index()
        document.settingsChanged.connect(self._update_title)
        document.refused.connect(self._refused)
        document.elsewhere.connect(self._changed_elsewhere)
        self._build_pages(document)
        self.stack.setCurrentWidget(self.tabs)
        self._update_title()
        self._update_actions()

    def _changed_elsewhere(self, tables) -> None:
        self.statusBar().showMessage(self.tr("Another window or program changed this program; the pages show "
                                             "it as it is now."), 8000)

    def _announce_step(self, index: int) -> None:
        """Say in the status bar what was just done or undone, and how to reverse it."""
        stack = self.sender()
        forward = index > self._undo_index
        self._undo_index = index
        command = stack.command(index - 1 if forward else index)
        if command is None:  # the stack was cleared (closing the program)
            return
        template = self.tr("%1 — Edit ▸ Undo reverses it.") if forward else self.tr("Undone: %1")
        self.statusBar().showMessage(fmt(template, command.text()), 8000)

    def close_document(self) -> None:
        if self.document is None:
            return
        # Background reads end within moments; their results must not reach pages being deleted.
        QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)
        self._clear_pages()
        self.undo_group.removeStack(self.document.undo_stack)
        self.document.close()
        self.document.deleteLater()
        self.document = None
        self._show_welcome()

    def _show_welcome(self) -> None:
        self.welcome.show_recent(self.settings.recent_programs())
        self.stack.setCurrentWidget(self.welcome)
        self._update_title()
        self._update_actions()

    def _update_title(self, *_args) -> None:
        if self.document is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        suffix = self.tr(" (read-only)") if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.title}{suffix}[*] — {APP_NAME}")
        self.setWindowModified(not self.document.undo_stack.isClean())

    def _update_actions(self, *_args) -> None:
        has_document = self.document is not None
        on_roster = self._is_roster_page(self.current_page())
        for action in (self.save_as_action, self.import_action, self.export_action, self.program_action):
            action.setEnabled(has_document)
        for action in (self.add_action, self.edit_action, self.duplicate_action, self.delete_action,
                       self.find_action):
            action.setEnabled(on_roster)
        for action in (self.cut_action, self.copy_action, self.paste_action):
            action.setEnabled(has_document)
        if has_document and self.document.read_only:
            for action in (self.import_action, self.add_action, self.edit_action, self.duplicate_action,
                           self.delete_action, self.cut_action, self.paste_action):
                action.setEnabled(False)
        self._update_undo_actions()

    def _program_filter(self) -> str:
        return self.tr("Talent programs (*.pairing);;All files (*)")

    def new_program(self):
        """File ▸ New: ask the program's name and kind and where to keep it (then `create_program`)."""
        from ui.new_program import NewProgramDialog
        from ui.export_dialog import documents_folder

        folder = Path(self.settings.last_folder()) if self.settings.last_folder() else documents_folder()
        dialog = NewProgramDialog(folder if folder.is_dir() else documents_folder(), self)
        dialog.accepted.connect(lambda: self.create_program(dialog.chosen()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def create_program(self, choice) -> bool:
        """Create the program asked for: its file, its name and kind (the role names' template), the curator's
        default weights; then, if asked, the import wizard."""
        from dataclasses import replace

        from pairing import actions
        from pairing.domain import template_roles

        target = choice.path
        if self.document is not None and Path(self.document.location).resolve() == target.resolve():
            QMessageBox.warning(self, self.tr("Program is open"),
                                as_written(fmt(self.tr("%1 is the program you have open. Choose another name for "
                                                       "the new program."), target.name)))
            return False
        self.settings.set_last_folder(str(target.parent))
        if not self.open_program(str(target)):
            return False
        self._apply_default_preferences()
        before = self.document.read(actions.properties.properties)
        self.document.perform("", actions.properties.save_properties, replace(
            before, name=choice.name, kind=choice.kind, roles=template_roles(choice.kind)), undoable=False)
        self._update_title()
        if choice.import_next:
            self.open_import_wizard()
        return True

    def _apply_default_preferences(self) -> None:
        """A new program starts with the curator's default weights and solver time limit."""
        from pairing import actions

        preferences = self.settings.preferences()
        settings = self.document.read(actions.reading.settings)
        self.document.perform("", actions.settings.save_settings, dataclasses.replace(
            settings, weights=preferences.weights, time_limit_s=preferences.time_limit_s), undoable=False)

    def open_program_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open program"), self.settings.last_folder(),
                                              self._program_filter())
        if path:
            self.settings.set_last_folder(str(Path(path).parent))
            self.open_program(path)

    def save_as(self) -> None:
        """Copy the program to a new file and continue working in the copy (undo history kept)."""
        if self.document is None:
            return
        if "://" in self.document.location:
            QMessageBox.information(self, self.tr("Save As"),
                                    self.tr("This program lives in a shared database, not in a file. Copy it "
                                            "with the database's own backup tools."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save program as"), self.settings.last_folder(),
                                              self._program_filter())
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".pairing")
        if target.resolve() == Path(self.document.location).resolve():
            return
        import sqlite3

        from pairing.actions.program import ProgramFileError, open_program, storage_fault

        try:
            if not target.parent.is_dir():  # SQLite would only say it cannot open the file
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
            self.document.save_as(target)
            new_store = open_program(target, create=False)
        except (OSError, ProgramFileError, sqlite3.Error) as exc:
            fault = storage_fault(exc, target) if isinstance(exc, sqlite3.Error) else exc
            QMessageBox.warning(self, self.tr("Cannot save the program"),
                                as_written(fmt(self.tr("%1\n\nYour program is unchanged; choose another folder."),
                                               say_fault(fault))))
            return
        old_store, self.document.store = self.document.store, new_store
        old_store.close()
        self.document.undo_stack.setClean()
        self.settings.add_recent_program(str(target))
        self._update_title()
        self.statusBar().showMessage(fmt(self.tr("Saved a copy as %1; you are now working in it."), target), 8000)

    # -- other windows --------------------------------------------------------------------------

    def open_import_wizard(self, path: str | None = None):
        if self.document is None:
            QMessageBox.information(self, self.tr("No program open"),
                                    self.tr("Open or create a program first, then import a roster into it."))
            return None
        from ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.document, path, parent=self)
        wizard.open()
        self.import_wizard = wizard
        return wizard

    def open_export(self):
        if self.document is not None:
            from ui.export_dialog import open_export_dialog

            dialog = open_export_dialog(self.document, self, settings=self.settings)
            dialog.exported.connect(self._exported)
            self.export_dialog = dialog
            return dialog
        return None

    def _exported(self, report) -> None:
        self.statusBar().showMessage(fmt(self.tr("Wrote %1"), str(report.path)), 15000)

    def open_program_properties(self) -> None:
        """The Program dialog (issue 10): name, dates, cadence, role names; saved as one undoable step."""
        from ui.program_dialog import ProgramDialog

        if self.document is not None:
            ProgramDialog(self.document, self).exec()
            self._update_title()

    def open_preferences(self):
        from ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        before = self.settings.preferences().language
        dialog.accepted.connect(lambda: self._language_chosen(before))
        dialog.open()
        self.preferences_dialog = dialog
        return dialog

    def _language_chosen(self, before: str) -> None:
        chosen = self.settings.preferences().language
        if chosen != before:
            self.change_language(chosen)

    def change_language(self, preference: str) -> None:
        """Switch the interface language now: new translators, then menus and pages built again."""
        from ui.app import switch_language
        from ui.i18n import resolve_language

        switch_language(resolve_language(preference))
        self._retranslate()

    def _retranslate(self) -> None:
        """Qt widgets keep the text they were given, so everything with text is made again (data stays)."""
        current = self.tabs.currentIndex()
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu, self.recent_menu):
            menu.deleteLater()
        for action in self.actions() + [self.undo_action, self.redo_action]:
            self.removeAction(action)
            action.deleteLater()
        self.menuBar().clear()
        self._create_actions()
        self._create_menus()
        self.stack.removeWidget(self.welcome)
        self.welcome.deleteLater()
        self.welcome = WelcomePage(self)
        self.stack.insertWidget(0, self.welcome)
        self.tabs.setAccessibleName(self.tr("Program pages"))
        if self.document is not None:
            self.document.say_steps_again()  # Edit ▸ Undo names its step in the new language (issue 11)
            self._clear_pages()
            self._build_pages(self.document)
            self.tabs.setCurrentIndex(current)
        else:
            self._show_welcome()
        self._update_title()
        self._update_actions()

    def show_shortcuts(self) -> None:
        rows = [(a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in self.actions() + [self.undo_action, self.redo_action] if not a.shortcut().isEmpty()]
        table = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>" for name, keys in rows)
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{table}</table>"
                                + self.tr("<p>In a roster table, start typing to filter it.</p>"))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Talent Pairing"),
                          self.tr("<b>Talent Pairing</b><p>Pairs young directors with senior producers and "
                                  "instructors for film talent programs.</p>"))

    # -- drag and drop, closing ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_file(event.mimeData(), ROSTER_SUFFIXES + PROGRAM_SUFFIXES):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """A dropped program opens; a dropped roster goes to the import wizard."""
        path = _dropped_file(event.mimeData(), ROSTER_SUFFIXES + PROGRAM_SUFFIXES)
        if not path:
            return
        event.acceptProposedAction()
        if Path(path).suffix.lower() in PROGRAM_SUFFIXES:
            self.open_program(path)
        else:
            self.open_import_wizard(path)

    def _restore_window(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing while a proposal runs asks first: stop and keep the best teams, wait, or stay (issue 11)."""
        if self._busy_page() is not None:
            event.ignore()
            self._ask_about_running_work()
            return
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.close_document()
        event.accept()

    def _busy_page(self):
        """The Pairing page while its proposal runs, else None (a page never built runs nothing)."""
        page = self.pages.get("pairing")
        if page is None or (isinstance(page, LazyPage) and page.page is None):
            return None
        page = self.page("pairing")
        return page if page.operation is not None else None

    def _ask_about_running_work(self) -> None:
        if self.work_question is not None:
            self.work_question.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Teams are being proposed"),
                          self.tr("A proposal is still running. Stop it and keep the best teams found so far, "
                                  "or wait until it ends? Either way the run is saved before the window closes."),
                          QMessageBox.StandardButton.NoButton, self)
        self.stop_button = box.addButton(self.tr("&Stop and keep the best"), QMessageBox.ButtonRole.AcceptRole)
        self.wait_button = box.addButton(self.tr("&Wait, then close"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("&Don't close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.stop_button)
        box.setEscapeButton(stay)
        box.buttonClicked.connect(self._work_question_answered)
        box.finished.connect(self._forget_work_question)
        self.work_question = box
        box.open()

    def _forget_work_question(self, *_args) -> None:
        self.work_question.deleteLater()
        self.work_question = None

    def _work_question_answered(self, button) -> None:
        page = self._busy_page()
        if page is None or button not in (self.stop_button, self.wait_button):
            return
        if button is self.stop_button:
            page.cancel()
            self.statusBar().showMessage(self.tr("Stopping the proposal; the window closes once its best teams "
                                                 "are saved."))
        else:
            self.statusBar().showMessage(self.tr("The window closes when the proposal ends."))
        page.proposalEnded.connect(self._close_after_work, Qt.ConnectionType.SingleShotConnection)

    def _close_after_work(self, *_args) -> None:
        QTimer.singleShot(0, self.close)  # after every other slot of the proposal's end has run


def refusal_sentence(error) -> str:
    """An action's refusal in the interface language (its message, then every rule it would break)."""
    from pairing.errors import UserError
    from pairing.words import Renderer
    from ui.i18n import data_lang

    if isinstance(error, UserError):
        return error.sentence(Renderer.for_lang(data_lang()))
    return str(error)


def _dropped_file(mime, suffixes: tuple[str, ...]) -> str | None:
    """The first local file in a drop whose name ends in one of the suffixes, if any."""
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in suffixes:
            return url.toLocalFile()
    return None


def _remove_program_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _pairing_page(document: "ProgramDocument", parent: QWidget) -> QWidget:
    from ui.pairing_page import PairingPage

    return PairingPage(document, parent)


def _schedule_page(document: "ProgramDocument", parent: QWidget) -> QWidget:
    from ui.schedule_page import SchedulePage

    return SchedulePage(document, parent)


def _pictures_page(document: "ProgramDocument", parent: QWidget) -> QWidget:
    from ui.charts import PicturesPage

    return PicturesPage(document, parent)
