"""Render the main pages of the window, in English and Chinese, to docs/screenshot-*.png (offscreen).

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py build/sample.pairing docs
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pairing.domain import Role  # noqa: E402
from ui.app import create_application, install_translators, remove_translators  # noqa: E402
from ui.settings_store import SettingsStore  # noqa: E402

SIZE = (1280, 800)  # what issue 11 asks to be readable at
LANGUAGES = {"en": "en", "zh": "zh_CN"}


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / f"screenshot-{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def shoot_window(window, out: Path, suffix: str) -> None:
    """Every page of the main window: roster pages, and the pairing engineer's pages when present."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        key = next(k for k, page in window.pages.items() if page is window.tabs.widget(index))
        prepare = PAGE_HOOKS.get(key)
        if prepare is not None:
            prepare(window.page(key))
        save(window, out, f"{key}-{suffix}")
    window.tabs.setCurrentIndex(0)


def shoot_person_editor(window, out: Path, suffix: str) -> None:
    page = window.roster_page(Role.DIRECTOR)
    page.table.selectRow(0)
    page.edit_selected()
    editor = page.editor
    editor.adjustSize()
    save(editor, out, f"person-editor-{suffix}")
    editor.reject()
    page = window.roster_page(Role.PRODUCER)
    page.table.selectRow(0)
    page.edit_selected()
    page.editor.adjustSize()
    save(page.editor, out, f"mentor-editor-{suffix}")
    page.editor.reject()


def shoot_preferences(window, out: Path, suffix: str) -> None:
    dialog = window.open_preferences()
    dialog.adjustSize()
    save(dialog, out, f"preferences-{suffix}")
    dialog.reject()


# A roster with what curators really receive: a misspelt header, an unknown genre, a missing capacity,
# an extra column, and one row without a name (an error: the wizard will not apply the file).
MESSY_ROSTER = (
    "姓名,角色,题材,擅长,需求,availabilty,名额,微信\n"
    "许嘉宁,青年导演,科幻、悬疑,,剪辑、视效,周一至周五 晚上,,xjn_film\n"
    "Marta Kowalska,director,drama;mumblecore,,sound;editing,Mon-Wed PM,,\n"
    "罗斌,导师,,摄影:5、调色,,周六,,luobin\n"
    ",director,comedy,,acting,Tue AM,,\n"
    "Dev Patel,producer,drama,producing;financing,,any,2,\n"
)


def shoot_import_wizard(window, out: Path, suffix: str, folder: Path) -> None:
    from ui.import_wizard import render_pages

    roster = folder / "messy roster.csv"
    roster.write_text(MESSY_ROSTER, encoding="utf-8")
    for name, widget in render_pages(window, str(roster)):
        save(widget, out, f"import-{name}-{suffix}")


# The pairing engineer may register a function that fills their page before it is shot (e.g. a run).
PAGE_HOOKS: dict[str, object] = {}


# -- Pairing and Pictures pages, Export dialog (pairing engineer) -------------------------------------

def _wait(signal, timeout_ms: int = 60_000) -> None:
    """Run the event loop until `signal` fires (background work ends) or the timeout passes."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def prepare_pairing(page) -> None:
    """Propose teams (short time limit), then select a team so the detail and alternatives show."""
    if page.loader is not None:  # still reading the program
        _wait(page.stateLoaded)
    if page.run is None:
        page.solve_overrides = {"time_limit_s": 3.0}
        page.propose()
        _wait(page.proposalEnded)
    if page.team_model.rowCount():
        director = page.team_model.team(0).director
        page.select_director(director)
        _wait(page.alternativesReady)


def prepare_pictures(page) -> None:
    """Wait until the pictures show the latest run."""
    if page.operation is not None or page.data.run_id is None:
        _wait(page.dataReady)
    if page.operation is not None:  # a change during the first computation: one more
        _wait(page.dataReady)


def shoot_export_dialog(window, out: Path, suffix: str) -> None:
    from ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.document, window)
    dialog.set_format("pdf")
    dialog.adjustSize()
    dialog.show()
    save(dialog, out, f"export-{suffix}")
    dialog.reject()


PAGE_HOOKS.update({"pairing": prepare_pairing, "pictures": prepare_pictures})


def main(argv: list[str]) -> int:
    program = Path(argv[0]) if argv else Path("build/sample.pairing")
    out = Path(argv[1]) if len(argv) > 1 else Path("docs")
    out.mkdir(parents=True, exist_ok=True)
    app: QApplication = create_application([])
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    from ui.main_window import MainWindow

    for suffix, language in LANGUAGES.items():
        translators = install_translators(app, language)
        copy = work / f"{suffix}.pairing"
        shutil.copyfile(program, copy)  # never touch the real program
        window = MainWindow(SettingsStore.at(work / f"{suffix}.ini"))
        window.resize(*SIZE)
        window.open_program(str(copy))
        window.show()
        shoot_window(window, out, suffix)
        shoot_person_editor(window, out, suffix)
        shoot_preferences(window, out, suffix)
        shoot_import_wizard(window, out, suffix, work)
        shoot_export_dialog(window, out, suffix)
        window.close()
        remove_translators(app, translators)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
