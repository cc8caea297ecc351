"""Walk every page, dialog and message box of the window on a program with a run: the tests that must look at
all of it (hostile names, clipping at 1280×800, no English in the Chinese window) share this walk.

Pages and dialogs are yielded by `every_screen`. Message boxes are reached through the real flows that show
them (`message_boxes`): a modal box runs an event loop of its own, so the walk cannot yield from inside it;
instead a timer finds the box from inside that loop, hands it to the test's `look`, then answers it."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator
from unittest import mock

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QMessageBox, QWidget

from backends import fresh_program_location, on_server
from pairing.domain import ProgramKind, Role
from pairing.engine import SolveOptions, solve
from pairing.importer import import_roster
from pairing.storage import open_program, repo
from ui.main_window import MainWindow
from ui.settings_store import SettingsStore

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "roster.csv"
WAIT_MS = 60_000
# Names a curator's spreadsheet may well hold; shown as markup they would be bold, an image, a link.
HOSTILE = {"D01": "<b>Bold</b> Chen", "D02": "<img src=x> Li", "P01": "<a href='x'>Link</a> Wu",
           "I01": "Tom & <i>Jerry</i>"}


def sample_program(path: Path | str) -> Path | str:
    """A program file holding the bundled sample roster, no run yet."""
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            assert import_roster(session, SAMPLE).ok
    finally:
        store.close()
    return path


def make_program(path: Path, *, names: dict[str, str] | None = None) -> Path:
    """The sample roster (people renamed as given) with one saved run, as a curator would have it."""
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            assert import_roster(session, SAMPLE).ok
            renamed = [p.with_changes(name=names[p.id]) for p in repo.list_people(session) if p.id in (names or {})]
            repo.update_people(session, renamed)
        with store.sessions.begin() as session:
            program = repo.load_program(session)
            result = solve(program, SolveOptions.from_settings(program.settings, time_limit_s=2.0, workers=1))
            repo.save_run(session, program.settings, result)
    finally:
        store.close()
    return path


def copy_program(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copy(source, target)
    return target


def open_window(qtbot, folder: Path, program: Path, size=(1280, 800)) -> MainWindow:
    window = MainWindow(SettingsStore.at(folder / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_program(str(program))
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def pages(window: MainWindow, qtbot) -> Iterator[tuple[str, QWidget]]:
    """Each page of the window in turn, ready to be looked at (background reads done, a team selected)."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        key = next(k for k, page in window.pages.items() if page is window.tabs.widget(index))
        page = window.page(key)
        if key == "pairing":
            _ready_pairing(page, qtbot)
        elif key == "pictures":
            _ready_pictures(page, qtbot)
        elif key == "schedule":  # it reads in the background (issue 11)
            qtbot.wait_until(lambda: page.loader is None and page.program is not None, timeout=WAIT_MS)
        QApplication.processEvents()
        yield key, window


def _ready_pairing(page, qtbot) -> None:
    if page.loader is not None or page.run is None:
        qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=WAIT_MS)
    first = page.run.result.teams[0].director
    with qtbot.wait_signal(page.alternativesReady, timeout=WAIT_MS):
        page.select_director(first)


def _ready_pictures(page, qtbot) -> None:
    if page.operation is not None:
        with qtbot.wait_signal(page.dataReady, timeout=WAIT_MS):
            pass


def dialogs(window: MainWindow, qtbot) -> Iterator[tuple[str, QWidget]]:
    """Each dialog the window opens, shown, then closed again."""
    for role in (Role.DIRECTOR, Role.PRODUCER):
        page = window.roster_page(role)
        window.tabs.setCurrentWidget(page)
        page.table.selectRow(0)
        page.edit_selected()
        yield f"editor-{role}", page.editor
        page.editor.reject()
    export = window.open_export()
    yield "export", export
    export.reject()
    preferences = window.open_preferences()
    yield "preferences", preferences
    preferences.reject()
    from ui.new_program import NewProgramDialog
    from ui.program_dialog import ProgramDialog

    new = NewProgramDialog(Path(window.document.location).parent, window)
    new.show()
    yield "new-program", new
    new.reject()

    program = ProgramDialog(window.document, window)
    program.show()
    yield "program", program
    program.reject()
    wizard = window.open_import_wizard(str(SAMPLE))
    yield "import-file", wizard
    with qtbot.wait_signal(wizard.tableRead, timeout=WAIT_MS):
        wizard.next()
    yield "import-preview", wizard
    wizard.next()
    yield "import-mapping", wizard
    with qtbot.wait_signal(wizard.planReady, timeout=WAIT_MS):
        wizard.next()
    yield "import-review", wizard
    wizard.reject()
    yield from _import_failures(window, qtbot)


# A roster with what goes wrong: a row without a name, a capacity that is not a number, an unknown genre.
ROSTER_WITH_ERRORS = "姓名,角色,名额,题材\n陈一,青年导演,,科幻\n,监制,3,剧情\n王二,导师,很多,赛博朋克\n"


def _import_failures(window: MainWindow, qtbot) -> Iterator[tuple[str, QWidget]]:
    """The import wizard on a file it cannot read, and on a roster with errors (its review lists them)."""
    folder = Path(window.document.location).parent
    broken = folder / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)  # cut short: not a workbook
    wizard = window.open_import_wizard(str(broken))
    with qtbot.wait_signal(wizard.failed, timeout=WAIT_MS):
        wizard.next()
    yield "import-unreadable", wizard
    wizard.reject()
    errors = folder / "errors.csv"
    errors.write_text(ROSTER_WITH_ERRORS, encoding="utf-8")
    wizard = window.open_import_wizard(str(errors))
    with qtbot.wait_signal(wizard.tableRead, timeout=WAIT_MS):
        wizard.next()
    wizard.next()
    with qtbot.wait_signal(wizard.planReady, timeout=WAIT_MS):
        wizard.next()
    assert wizard.plan.errors, "the roster's errors are on the review page"
    yield "import-errors", wizard
    wizard.reject()


def every_screen(window: MainWindow, qtbot) -> Iterator[tuple[str, QWidget]]:
    yield from pages(window, qtbot)
    yield from dialogs(window, qtbot)


# -- message boxes ------------------------------------------------------------------------------------

Look = Callable[[str, QWidget], None]
Answer = Callable[[QMessageBox], QAbstractButton]


class BoxCatcher:
    """Catches the message box a flow shows, lets `look` read it (shown and laid out), then answers it.

    `look` must not raise (it runs inside the box's own event loop): it records what it finds."""

    def __init__(self, qtbot, look: Look) -> None:
        self.qtbot = qtbot
        self.look = look
        self.seen: list[str] = []
        self._busy = False

    @contextmanager
    def expect(self, name: str, answer: Answer | None = None) -> Iterator[list[str]]:
        caught: list[str] = []

        def catch() -> None:
            if self._busy:
                return
            box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
                       None)
            if box is None:
                return
            self._busy = True
            try:
                QApplication.processEvents()
                self.look(name, box)
                caught.append(box.text())
            finally:
                try:
                    button = answer(box) if answer else None
                finally:  # whatever happened, the box is answered: a box left open would wait for ever
                    (button or box.escapeButton() or box.defaultButton() or box.buttons()[0]).click()
                    self._busy = False

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(catch)
        timer.start()
        try:
            yield caught
            catch()  # a window-modal box (`open()`) is up once the flow has returned
        finally:
            timer.stop()
        assert len(caught) == 1, f"{name}: the flow showed {len(caught)} message boxes, not one"
        self.seen.append(name)


def button_of(kind: QMessageBox.StandardButton) -> Answer:
    return lambda box: box.button(kind)


def button_with(text: str) -> Answer:
    """The box's button showing `text` (the window's `tr` of the button's source text)."""
    def find(box: QMessageBox) -> QAbstractButton:
        return next(b for b in box.buttons() if b.text() == text)
    return find


def message_boxes(window: MainWindow, qtbot, folder: Path, look: Look) -> list[str]:
    """Trigger every message box of the window through the flow that shows it, on `window` (a program with a
    run) and on other windows it opens; `look` reads each box before it is answered. Returns their names."""
    boxes = BoxCatcher(qtbot, look)
    _boxes_without_a_program(boxes, folder)
    _boxes_of_the_window(boxes, window, folder)
    _boxes_of_the_editor(boxes, window)
    _boxes_of_exports(boxes, window, qtbot, folder)
    _boxes_of_the_pairing_page(boxes, window, qtbot, folder)
    _boxes_of_proposals_that_fail(boxes, window, qtbot)
    _boxes_of_many_viewers(boxes, window, qtbot, folder)
    _boxes_of_a_shared_database(boxes, qtbot, folder)
    settle_background_work()
    return boxes.seen


def settle_background_work() -> None:
    """Let every background read the walk set off end and be delivered before the test tears the windows
    down: a worker that reports to an operation whose window is being deleted can crash the process (seen
    once in make test under load; the product's own race, reported in docs/window.md)."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(WAIT_MS)
        QApplication.processEvents()


def _boxes_without_a_program(boxes: BoxCatcher, folder: Path) -> None:
    empty = MainWindow(SettingsStore.at(folder / "empty-settings.ini"))
    boxes.qtbot.addWidget(empty)
    empty.show()
    with boxes.expect("no-program-open"):
        assert empty.open_import_wizard() is None
    empty.close()


def _boxes_of_the_window(boxes: BoxCatcher, window: MainWindow, folder: Path) -> None:
    from ui.new_program import NewProgram

    with boxes.expect("shortcuts"):
        window.show_shortcuts()
    with boxes.expect("about"):
        window.show_about()
    not_a_program = folder / "notes.pairing"
    not_a_program.write_text("Not a program: a curator's notes saved under the wrong name.\n", encoding="utf-8")
    with boxes.expect("cannot-open"):
        assert not window.open_program(str(not_a_program))
    here = Path(window.document.location)
    with boxes.expect("program-is-open"):
        assert not window.create_program(NewProgram("Again", ProgramKind.TALENT, here, False))
    nowhere = folder / "missing" / "copy.pairing"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(nowhere), "")):
        with boxes.expect("cannot-save-as"):
            window.save_as()
    assert Path(window.document.location) == here


def _boxes_of_the_editor(boxes: BoxCatcher, window: MainWindow) -> None:
    page = window.roster_page(Role.DIRECTOR)
    window.tabs.setCurrentWidget(page)
    page.table.selectRow(0)
    page.edit_selected()
    page.editor.name_edit.setText(page.editor.name_edit.text() + " Jr")
    with boxes.expect("editor-discard-changes", button_of(QMessageBox.StandardButton.Discard)):
        page.editor.reject()


def _boxes_of_exports(boxes: BoxCatcher, window: MainWindow, qtbot, folder: Path) -> None:
    export = window.open_export()
    export.set_format("csv")
    export.path_edit.setText(str(folder / "missing" / "teams.csv"))
    with boxes.expect("export-no-folder"):
        export.start_export()
    export.set_format("ics")  # the sample's run has no schedule yet: written, with notes about it
    export.path_edit.setText(str(folder / "meetings.ics"))
    with boxes.expect("export-written-with-notes") as caught:
        export.start_export()
        qtbot.wait_until(lambda: bool(caught), timeout=WAIT_MS)
    export.set_format("csv")
    export.path_edit.setText(str(folder / ("x" * 300 + ".csv")))  # longer than a file name may be
    with boxes.expect("export-name-too-long"):
        export.start_export()
    # A name that fits, whose temporary file beside it does not: the writing itself fails, in the background.
    export.path_edit.setText(str(folder / ("x" * 240 + ".csv")))
    with boxes.expect("export-failed") as caught:
        export.start_export()
        qtbot.wait_until(lambda: bool(caught), timeout=WAIT_MS)
    export.reject()


def _boxes_of_the_pairing_page(boxes: BoxCatcher, window: MainWindow, qtbot, folder: Path) -> None:
    from ui.models.team_model import MentorPayload

    window.tabs.setCurrentWidget(window.pages["pairing"])
    page = window.page("pairing")
    qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=WAIT_MS)
    teams = page.run.result.teams
    full = max(teams, key=lambda t: len(t.instructors))  # one more instructor than a team may have
    extra = next(i for t in teams for i in t.instructors if i not in full.instructors)
    with boxes.expect("move-breaks-a-rule"):
        assert not page.apply(MentorPayload(extra, "instructor", source=None), full.director)
    with _a_long_search():
        page.solve_overrides, page.solve_mode = {"workers": 1, "time_limit_s": 60.0}, "thread"
        page.propose()
        with boxes.expect("open-while-proposing"):
            assert not window.open_program(str(folder / "other.pairing"))
        with boxes.expect("close-while-proposing", lambda box: box.escapeButton()):
            assert not window.close()
        with qtbot.wait_signal(page.proposalEnded, timeout=WAIT_MS):
            page.cancel()


def _boxes_of_proposals_that_fail(boxes: BoxCatcher, window: MainWindow, qtbot) -> None:
    """Propose when it cannot end well, for real: another program keeps the program's write lock while the teams
    are searched (the run is set aside in a file), and the search's process is killed as the system's
    out-of-memory killer would (nothing is saved)."""
    from pairing.actions.program import open_program as open_store

    page = window.page("pairing")
    store, other = window.document.store, open_store(window.document.location)
    busy, store.busy_limit_s = store.busy_limit_s, 0.1
    page.solve_overrides, page.solve_mode = {"workers": 1, "time_limit_s": 2.0}, "thread"
    try:
        with mock.patch("pairing.storage.saving.ATTEMPTS", 1), other.writing():
            with boxes.expect("propose-set-aside") as caught:
                page.propose()
                qtbot.wait_until(lambda: bool(caught), timeout=WAIT_MS)
    finally:
        store.busy_limit_s = busy
        other.close()
    assert Path(page.aside_box.property("aside_path")).exists(), "the run was written beside the program"
    qtbot.wait_until(lambda: page.operation is None, timeout=WAIT_MS)
    page.solve_overrides, page.solve_mode = {"workers": 1, "time_limit_s": 60.0}, "process"
    with boxes.expect("propose-failed") as caught:
        page.propose()
        _kill_the_search(qtbot)
        qtbot.wait_until(lambda: bool(caught), timeout=WAIT_MS)
    assert f"-{int(signal.SIGKILL)}" in caught[0], "the box says how the search's process ended"
    assert page.operation is None and page.propose_button.isEnabled()


def _kill_the_search(qtbot) -> None:
    """SIGKILL the search's child process (ui/solve_process.py) as soon as it has started."""
    found: list = []

    def started() -> bool:
        found[:] = [c for c in multiprocessing.active_children() if c.name == "pairing-solver"]
        return bool(found)

    qtbot.wait_until(started, timeout=WAIT_MS)
    os.kill(found[0].pid, signal.SIGKILL)


def _boxes_of_a_shared_database(boxes: BoxCatcher, qtbot, folder: Path) -> None:
    """With PAIRING_TEST_DB (.ci/run's PostgreSQL subset): Save As of a program in a shared database says how such
    a program is copied, and asks for no file. Without a server there is no shared database to walk."""
    if not on_server():
        return
    location = str(fresh_program_location(folder / "unused.pairing"))
    sample_program(location)
    shared = MainWindow(SettingsStore.at(folder / "shared.ini"))
    boxes.qtbot.addWidget(shared)
    assert shared.open_program(location)
    shared.show()
    with mock.patch.object(QFileDialog, "getSaveFileName", side_effect=AssertionError("no file is asked")):
        with boxes.expect("save-as-shared-database"):
            shared.save_as()
    assert shared.document.location == location
    shared.close()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


@contextmanager
def _a_long_search() -> Iterator[None]:
    """The engine searches until the curator stops it (the sample alone may be solved before the walk has
    looked at the boxes a running proposal shows); then it returns its best as the real engine does."""
    from dataclasses import replace

    from pairing import engine

    real = engine.solve

    def searching(program, options, *, progress=None, cancel=None):
        cancel.wait(WAIT_MS / 1000)
        return real(program, replace(options, time_limit_s=2.0), progress=progress, cancel=cancel)

    with mock.patch.object(engine, "solve", searching):
        yield


def _boxes_of_many_viewers(boxes: BoxCatcher, window: MainWindow, qtbot, folder: Path) -> None:
    from pairing import actions
    from ui.commands import edit_person

    program = window.document.location
    second = MainWindow(SettingsStore.at(folder / "second.ini"))
    qtbot.addWidget(second)
    with boxes.expect("open-elsewhere", button_with(second.tr("Open and &edit"))):
        assert second.open_program(program)
    second.show()
    window.document.poll_timer.stop()  # this window has not looked yet: it still shows the old D01
    page = window.roster_page(Role.DIRECTOR)
    seen = page.model.person(page.model.row_of("D01"))
    assert edit_person(second.document, seen, seen.with_changes(notes="Changed in the second window")) is not None
    with boxes.expect("changed-elsewhere", lambda box: box.escapeButton() or box.button(QMessageBox.StandardButton.Close)):
        assert edit_person(window.document, seen, seen.with_changes(notes="Changed in the first")) is None
    window.reload_program()
    window.document.poll_timer.start()
    theirs = second.roster_page(Role.DIRECTOR)
    gone = theirs.model.person(theirs.model.row_of("D03"))
    theirs.select_ids(["D03"])
    theirs.delete_selected()
    with window.document.store.sessions.begin() as session:  # meanwhile someone adds a new D03
        actions.people.add_people(session, [gone.with_changes(name="Someone new")])
    with boxes.expect("undo-cannot-apply"):
        second.undo_action.trigger()
    third = MainWindow(SettingsStore.at(folder / "third.ini"))
    qtbot.addWidget(third)
    with boxes.expect("open-elsewhere-read-only", button_with(third.tr("Open &read-only"))):
        assert third.open_program(program)
    third.show()
    viewer = third.roster_page(Role.DIRECTOR)
    viewer.select_ids(["D01"])
    with boxes.expect("read-only"):
        viewer.delete_selected()
    for other in (second, third):
        other.close()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
