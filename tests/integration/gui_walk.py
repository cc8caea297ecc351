"""Walk every page and dialog of the window on a program with a run: the tests that must look at all of it
(hostile names, clipping at 1280×800, no English in the Chinese window) share this walk."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

from PySide6.QtWidgets import QApplication, QWidget

from pairing.domain import Role
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


def sample_program(path: Path) -> Path:
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


def every_screen(window: MainWindow, qtbot) -> Iterator[tuple[str, QWidget]]:
    yield from pages(window, qtbot)
    yield from dialogs(window, qtbot)
