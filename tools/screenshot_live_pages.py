"""Screenshots of the Schedule and Pictures pages after another window changed the program (issue 11), at
1280×800 in English and Chinese: the schedule's out-of-date banner, the pictures with a selected pair.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshot_live_pages.py [OUT]   (default: docs)

It makes its own program from the bundled sample (a run, its meetings over four weeks), opens it in a window,
and changes it through a second document on the same file, as another window would.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer  # noqa: E402

from screenshots import LANGUAGES, SIZE, save  # noqa: E402
from ui.app import create_application, install_translators, remove_translators  # noqa: E402
from ui.settings_store import SettingsStore  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "roster.csv"


def make_program(path: Path) -> Path:
    """The sample roster, one run, its meetings weekly over four weeks from 1 March 2027."""
    from pairing import engine
    from pairing.actions import scheduling
    from pairing.actions.program import open_program
    from pairing.domain import Cadence
    from pairing.engine import SolveOptions
    from pairing.importer import import_roster
    from pairing.storage import program_repo, repo

    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            assert import_roster(session, SAMPLE).ok
            properties = program_repo.get_properties(session)
            program_repo.save_properties(session, replace(properties, start=dt.date(2027, 3, 1), weeks=4,
                                                          cadence=Cadence.WEEKLY))
        with store.sessions.begin() as session:
            program = repo.load_program(session)
            result = engine.solve(program, SolveOptions.from_settings(program.settings, time_limit_s=3.0, workers=1))
            repo.save_run(session, program.settings, result)
        scheduling.schedule(store.sessions, time_limit_s=10)
    finally:
        store.close()
    return path


def wait(signal, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def change_elsewhere(other) -> None:
    """Another window swaps the producers of the first two teams and makes a member of a meeting busy."""
    from pairing import actions

    run = other.read(actions.reading.latest_run)
    teams = list(run.result.teams)
    second = next(i for i, t in enumerate(teams) if t.producer != teams[0].producer)
    teams[0], teams[second] = (replace(teams[0], producer=teams[second].producer),
                               replace(teams[second], producer=teams[0].producer))
    other.perform("Swap", actions.runs.set_result, run.id, replace(run.result, teams=tuple(teams)))
    person = other.read(actions.people.person, teams[3].instructors[0])
    other.perform("Busy", actions.people.edit_person, person.with_changes(availability=person.availability[:1]))


def shoot(out: Path, suffix: str, language: str, folder: Path, app) -> None:
    from pairing import actions
    from ui.document import ProgramDocument
    from ui.main_window import MainWindow

    translators = install_translators(app, language)
    path = make_program(folder / f"{suffix}.pairing")
    window = MainWindow(SettingsStore.at(folder / f"{suffix}.ini"))
    window.resize(*SIZE)
    window.ask_open_elsewhere = lambda others: False  # the second document is this script's own
    window.open_program(str(path))
    window.show()
    other = ProgramDocument.open(path)
    try:
        window.tabs.setCurrentWidget(window.pages["schedule"])
        schedule = window.page("schedule")
        if schedule.loader is not None:
            wait(schedule.loaded)
        schedule.view.setCurrentIndex(schedule.model.index(1, 0))
        change_elsewhere(other)
        while not schedule.banner.isVisible():
            wait(schedule.loaded)
        save(window, out, f"schedule-stale-{suffix}")
        window.tabs.setCurrentWidget(window.pages["pictures"])
        pictures = window.page("pictures")
        while pictures.operation is not None or pictures.data.run_id is None:
            wait(pictures.dataReady)
        directors = [d for d, _name in pictures.data.directors]
        pictures.heatmap.select((directors[5], pictures.data.producers[2][0]))
        person = other.read(actions.people.person, directors[5])
        other.perform("Rename", actions.people.edit_person, person.with_changes(name=person.name + " ✎"))
        wait(pictures.dataReady)
        save(window, out, f"pictures-live-{suffix}")
    finally:
        QThreadPool.globalInstance().waitForDone(60_000)
        other.close()
        window.close()
        remove_translators(app, translators)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    with tempfile.TemporaryDirectory(prefix="live-pages-") as folder:
        for suffix, language in LANGUAGES.items():
            shoot(out, suffix, language, Path(folder), app)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
