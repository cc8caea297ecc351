"""Window benchmarks: start-up to a shown window, and filtering a 10,000-person roster per keystroke.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_ui [--people 10000] [--runs 5]
Targets (issue 5): start-up ≤ 1.5 s; filtering ≤ 100 ms per keystroke. Each is reported next to a
baseline measured in the same run: a bare QApplication + QWidget shown, and a plain Python substring
scan over the same 10,000 strings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "roster.csv"
STARTUP_TARGET_S, FILTER_TARGET_S = 1.5, 0.100
KEYSTROKES = ("w", "wa", "wan", "wang", "wang ", "wang w", "wang we", "wang wei", "wang we", "wang w", "wang ",
              "wang", "wan", "wa", "w", "", "科", "科幻", "科", "", "e", "ed", "edi", "edit", "editi", "editin",
              "editing", "")
BARE_WINDOW = """
import sys, time
start = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            print(f"shown {time.perf_counter() - start:.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
w = QWidget(); w.resize(1100, 720); w.show()
first = First(); w.windowHandle().installEventFilter(first)
app.exec()
"""


# -- start-up ------------------------------------------------------------------------------------

def _env(config_home: Path) -> dict[str, str]:
    """Offscreen, with settings in a throwaway folder so the user's are never touched."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(config_home), HOME=str(config_home))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _time_until_shown(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching the process to its `shown` line, and to its `ready` line (or `shown` again)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    times: dict[str, float] = {}
    for line in process.stdout:
        word = line.split(" ", 1)[0]
        if word in ("shown", "ready"):
            times[word] = time.perf_counter() - started
    process.wait(timeout=30)
    if "shown" not in times:
        raise RuntimeError(f"{command[:3]} never showed a window")
    return times["shown"], times.get("ready", times["shown"])


def build_sample(folder: Path) -> Path:
    program = folder / "sample.pairing"
    subprocess.run([sys.executable, "main.py", "import", str(SAMPLE), "--db", str(program)], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    return program


def bench_startup(runs: int, folder: Path) -> tuple[list[float], list[float], list[float]]:
    """Launch to shown window, launch to the program's roster on screen, and the bare-Qt baseline."""
    program = build_sample(folder)
    env = _env(folder / "config")
    app = [sys.executable, "main.py", "--open", str(program), "--benchmark-startup"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    _time_until_shown(app, env)  # warm the file cache once, as a second launch on a desktop would be
    app_times = [_time_until_shown(app, env) for _ in range(runs)]
    bare_times = [_time_until_shown(bare, env)[0] for _ in range(runs)]
    return [t[0] for t in app_times], [t[1] for t in app_times], bare_times


# -- filtering -----------------------------------------------------------------------------------

def _big_program(folder: Path, people: int) -> Path:
    from pairing.domain import Role
    from pairing.storage import open_program, repo
    from pairing.synthetic import synthetic_program

    program = synthetic_program(people, seed=7)
    path = folder / "big.pairing"
    store = open_program(path)
    with store.sessions.begin() as session:
        repo.add_people(session, program.of_role(Role.DIRECTOR))
    store.close()
    return path


def bench_filter(people: int, folder: Path) -> tuple[list[float], list[float], int]:
    from PySide6.QtWidgets import QApplication

    from pairing.domain import Role
    from ui.document import ProgramDocument
    from ui.roster_page import RosterPage

    app = QApplication.instance() or QApplication([])
    document = ProgramDocument.open(_big_program(folder, people))
    page = RosterPage(document, Role.DIRECTOR)
    _wait_for(page.reloaded)  # a big roster is read in the background
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    rows = page.model.rowCount()
    texts = list(page.model.search_texts())
    paints = _PaintCounter(page.table.viewport())
    window_times, scan_times = [], []
    for text in KEYSTROKES:
        paints.count = 0
        started = time.perf_counter()
        page.filter_edit.setText(text)     # the proxy filters, the count label updates
        app.processEvents()                # the view's delayed layout runs and it paints once
        if paints.count == 0:
            page.table.viewport().repaint()
        window_times.append(time.perf_counter() - started)
        needle = text.strip().casefold()
        started = time.perf_counter()
        _ = [needle in s for s in texts]
        scan_times.append(time.perf_counter() - started)
    edit_times = _edit_stalls(page, document)
    page.close()
    document.close()
    return window_times, scan_times, rows, edit_times


def _wait_for(signal) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()


def _edit_stalls(page, document, edits: int = 5) -> list[float]:
    """GUI-thread time of editing one person in the big roster: the command, then showing the re-read roster."""
    from ui.commands import EditPersonCommand

    applied: list[float] = []
    original_apply = page._apply

    def timed_apply(result):
        started = time.perf_counter()
        original_apply(result)
        applied.append(time.perf_counter() - started)

    page._apply = timed_apply
    stalls = []
    for n in range(edits):
        person = page.model.person(n)
        started = time.perf_counter()
        document.undo_stack.push(EditPersonCommand(document, person, person.with_changes(name=f"{person.name} ({n})")))
        command_time = time.perf_counter() - started
        _wait_for(page.reloaded)
        stalls.append(max(command_time, applied[-1]))
    return stalls


class _PaintCounter:
    """Counts paint events of a widget, so every keystroke is measured up to a painted view."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 - Qt override
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


# -- report --------------------------------------------------------------------------------------

def _row(name: str, values: list[float], baseline: list[float], target: float | None) -> str:
    median, worst = statistics.median(values), max(values)
    base = statistics.median(baseline)
    verdict = "" if target is None else ("ok" if worst <= target else "OVER TARGET")
    return (f"{name:<42} {median * 1000:>9.1f} {worst * 1000:>9.1f} {base * 1000:>10.2f} "
            f"{median / base if base else float('inf'):>7.1f}x  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Window start-up and roster filtering benchmarks")
    parser.add_argument("--people", type=int, default=10_000, help="directors in the filtered roster")
    parser.add_argument("--runs", type=int, default=5, help="start-up measurements")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    try:
        shown_times, ready_times, bare_times = bench_startup(args.runs, folder)
        window_times, scan_times, rows, edit_times = bench_filter(args.people, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'measurement':<42} {'median ms':>9} {'worst ms':>9} {'baseline ms':>10} {'ratio':>7}")
    print(_row(f"start-up to shown window ({args.runs} runs)", shown_times, bare_times, STARTUP_TARGET_S))
    print(_row("start-up to the sample's roster on screen", ready_times, bare_times, STARTUP_TARGET_S))
    print(f"{'  baseline: bare QApplication + QWidget shown':<42} {statistics.median(bare_times) * 1000:>9.1f}")
    print(_row(f"filter {rows} people, per keystroke ({len(KEYSTROKES)})", window_times, scan_times, FILTER_TARGET_S))
    print(f"{'  baseline: Python substring scan':<42} {statistics.median(scan_times) * 1000:>9.2f}")
    print(_row(f"edit 1 of {rows}: longest GUI-thread step", edit_times, window_times, FILTER_TARGET_S))
    print(f"{'  (baseline here: the filter keystroke)':<42}")
    print(f"targets: start-up ≤ {STARTUP_TARGET_S} s, filtering ≤ {FILTER_TARGET_S * 1000:.0f} ms per keystroke "
          "(worst case must meet the target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
