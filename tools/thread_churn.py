"""Count crashes of the window's background work: widgets and pages deleted while their work runs (issue 11).

A measurement, not a test: each run is a fresh process that repeats one scenario many times; a run that dies
(a segfault) is counted, and its thread stacks (faulthandler, every thread) are kept in the log folder.

    .venv/bin/python tools/thread_churn.py SCENARIO --runs 20 --rounds 300 [--logs build/churn] [--gc-anywhere]
                                           [--delete now|later|dropped]

Scenarios:
  operations   a widget starts three background operations and is deleted (at once, later, or dropped) at a
               random point of their lives; the work reports progress as fast as it can
  pages        Pairing pages of the sample program (with a run) made, shown and deleted (the window at once
               or later) while their state reads and alternatives run, as ui.app.main sets the process up
  exports      export dialogs writing the PDF sheets, deleted with their window while writing or after;
               fails if anything is left half-written
  gc           two workers make cyclic garbage while the GUI thread deletes trees of widgets

Run it under load to see rare crashes: e.g. two busy loops (`nice -n 19 sh -c 'while :; do :; done' &`, one
per core) and the loop itself under `nice -n 19`.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _application():
    """The QApplication, set up as ui.app.main does (where the code measured has the GUI-thread collector:
    the tool also measures older checkouts, copied into their tools/ folder)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if os.environ.get("THREAD_CHURN_GC_ANYWHERE"):  # --gc-anywhere: leave automatic collection on, to compare
        return app
    try:
        from ui.responsiveness import collect_on_gui_thread
    except ImportError:
        return app
    collect_on_gui_thread(app)
    return app


def _settle(app) -> None:
    from PySide6.QtCore import QEvent, QThreadPool

    QThreadPool.globalInstance().waitForDone()
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _spin(app, times: int) -> None:
    for _ in range(times):
        app.processEvents()


def _delete(app, widget) -> None:
    """Delete a widget as the window or pytest-qt would: at once, later, or by dropping the last reference."""
    from PySide6.QtCore import QEvent
    from shiboken6 import Shiboken

    how = os.environ.get("THREAD_CHURN_DELETE") or random.choice(("now", "later", "dropped"))
    if how == "now":
        Shiboken.delete(widget)
    elif how == "later":
        widget.deleteLater()
        _spin(app, random.randrange(0, 3))
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def operations(rounds: int) -> str:
    from PySide6.QtWidgets import QWidget
    from shiboken6 import Shiboken

    from ui.operations import run_in_background

    app = _application()
    dead = []

    class Asker(QWidget):
        def got(self, value) -> None:
            if not Shiboken.isValid(self):
                dead.append(value)

    def work(report, cancel):
        for step in range(random.choice((0, 1, 5, 50))):
            if cancel.is_set():
                return None
            report(step)
        return "done"

    for _ in range(rounds):
        asker = Asker()
        for _ in range(3):
            run_in_background(work, on_finished=asker.got, on_progress=asker.got,
                              on_failed=lambda message, a=asker: a.setWindowTitle(message), parent=asker)
        _spin(app, random.randrange(0, 4))
        _delete(app, asker)
        del asker
        _spin(app, random.randrange(0, 4))
    _settle(app)
    return f"callbacks after their widget was deleted: {len(dead)}"


def pages(rounds: int) -> str:
    sys.path[:0] = [str(ROOT / "tests" / "integration"), str(ROOT / "tests")]
    from PySide6.QtWidgets import QWidget

    app = _application()
    from gui_walk import make_program
    from ui.document import ProgramDocument
    from ui.pairing_page import PairingPage

    with tempfile.TemporaryDirectory() as folder:
        document = ProgramDocument.open(make_program(Path(folder) / "sample.pairing"))
        for _ in range(rounds):
            window = QWidget()
            page = PairingPage(document, window)
            window.show()
            for _ in range(random.randrange(0, 30)):
                app.processEvents()
                if page.run is not None and random.random() < 0.3:  # a team selected: its alternatives
                    page.team_view.selectRow(random.randrange(page.team_model.rowCount()))
            del page
            _delete(app, window)
            del window
        _settle(app)
        document.close()
    return "pages made and deleted"


def exports(rounds: int) -> str:
    """Export dialogs writing the PDF sheets, deleted with their window while writing or after: nothing may
    be left half-written, and a finished file is whole."""
    sys.path[:0] = [str(ROOT / "tests" / "integration"), str(ROOT / "tests")]
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QWidget

    app = _application()
    from gui_walk import make_program
    from ui.document import ProgramDocument
    from ui.export_dialog import ExportDialog

    with tempfile.TemporaryDirectory() as folder:
        document = ProgramDocument.open(make_program(Path(folder) / "sample.pairing"))
        while_writing = 0
        for number in range(rounds):
            window = QWidget()
            dialog = ExportDialog(document, window)
            dialog.set_format("pdf")
            dialog.path_edit.setText(str(Path(folder) / f"sheets-{number}.pdf"))
            dialog.start_export()
            if random.random() < 0.3:
                QThreadPool.globalInstance().waitForDone()
            _spin(app, random.randrange(0, 40))
            while_writing += dialog.operation is not None
            del dialog
            _delete(app, window)
            del window
        _settle(app)
        document.close()
        files = [p for p in Path(folder).iterdir() if p.suffix != ".pairing"]
        whole = [p for p in files if p.suffix == ".pdf" and p.read_bytes().rstrip().endswith(b"%%EOF")]
    assert len(whole) == len(files), f"left behind: {sorted(p.name for p in set(files) - set(whole))}"
    return f"{rounds} exports, {while_writing} deleted while writing, {len(whole)} whole files, nothing else"


def gc_race(rounds: int) -> str:
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

    from ui.operations import run_in_background

    app = _application()
    stop = threading.Event()

    def garbage(report, cancel):
        while not stop.is_set():
            node = [None]
            node[0] = node  # only the cyclic collector frees it
        return None

    for _ in range(2):
        run_in_background(garbage)
    for _ in range(rounds):
        top = QWidget()
        for _ in range(3):
            form = QFormLayout(QWidget(top))
            for k in range(15):
                form.addRow(QLabel(f"label {k}"), QLineEdit(f"text {k}"))
        top.itself = top  # a reference cycle, as pages hold
        _delete(app, top)
        del top
    stop.set()
    _settle(app)
    return "widget trees deleted while workers made garbage"


SCENARIOS = {"operations": operations, "pages": pages, "exports": exports, "gc": gc_race}


def one_run(scenario: str, rounds: int) -> None:
    import faulthandler

    faulthandler.enable(all_threads=True)
    print(SCENARIOS[scenario](rounds), flush=True)


def loop(scenario: str, runs: int, rounds: int, logs: Path, gc_anywhere: bool = False,
         delete: str | None = None) -> int:
    logs.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, **({"THREAD_CHURN_GC_ANYWHERE": "1"} if gc_anywhere else {}),
               **({"THREAD_CHURN_DELETE": delete} if delete else {}))
    crashes = 0
    started = time.monotonic()
    for number in range(1, runs + 1):
        log = logs / f"{scenario}-{number}.log"
        with log.open("w") as out:
            code = subprocess.call([sys.executable, "-X", "faulthandler", __file__, scenario, "--one",
                                    "--rounds", str(rounds)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env=env)
        if code != 0:
            crashes += 1
            print(f"run {number}: exit {code}, stacks in {log}", flush=True)
    print(f"{scenario}: {runs} runs of {rounds} rounds, {crashes} crashed "
          f"({time.monotonic() - started:.0f} s)", flush=True)
    return 1 if crashes else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--logs", type=Path, default=ROOT / "build" / "thread-churn")
    parser.add_argument("--gc-anywhere", action="store_true",
                        help="leave Python's automatic collection on (any thread), as before issue 11's fix")
    parser.add_argument("--delete", choices=("now", "later", "dropped"),
                        help="delete widgets only this way (default: each time one of the three at random)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # one run, in this process
    args = parser.parse_args(argv)
    if args.one:
        sys.path.insert(0, str(ROOT))
        one_run(args.scenario, args.rounds)
        return 0
    return loop(args.scenario, args.runs, args.rounds, args.logs, args.gc_anywhere, args.delete)


if __name__ == "__main__":
    sys.exit(main())
