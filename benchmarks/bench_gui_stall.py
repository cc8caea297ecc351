"""GUI-thread stalls while the Pairing page proposes teams for 2,000 directors, beside an idle baseline.

A QTimer probe on the GUI thread fires every 10 ms and records the longest gap between two firings
(a stall the curator would feel). Measured in the same run: the probe alone (baseline), the probe while
the Pairing page's Propose runs in the background (the page's own Operation path), and the probe while
the page shows the finished run. Target: max stall ≤ 100 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_gui_stall [--directors 2000] [--time-limit 20]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pairing.storage import open_program, repo  # noqa: E402
from pairing.synthetic import synthetic_program  # noqa: E402

PROBE_MS = 10
TARGET_MS = 100.0


@dataclass
class Probe:
    """Records the gaps between firings of a 10 ms GUI-thread timer."""

    gaps: list[float] = field(default_factory=list)
    stalls_at: list[tuple[float, float]] = field(default_factory=list)  # (seconds since start, gap ms)

    def __post_init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.stalls_at.clear()
        self.started = time.perf_counter()
        self.clock.start()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.gaps)

    def _tick(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(gap)
        if gap - PROBE_MS > TARGET_MS:
            self.stalls_at.append((time.perf_counter() - self.started, gap))
        self.clock.restart()


def build_program(path: Path, directors: int) -> None:
    program = synthetic_program(directors, seed=7)
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            repo.add_people(session, program.people)
            repo.save_settings(session, program.settings)
    finally:
        store.close()


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def summary(name: str, gaps: list[float], seconds: float) -> dict:
    stalls = [g - PROBE_MS for g in gaps] or [0.0]
    return {
        "phase": name, "seconds": seconds, "ticks": len(gaps), "max_stall_ms": max(stalls),
        "p99_stall_ms": sorted(stalls)[int(len(stalls) * 0.99) - 1 if len(stalls) > 1 else 0],
        "median_gap_ms": statistics.median(gaps) if gaps else 0.0,
        "over_100ms": sum(1 for s in stalls if s > TARGET_MS),
    }


def measure(directors: int, time_limit: float, idle_s: float, folder: Path, modes: list[str],
            freeze: bool = True) -> list[dict]:
    from ui.document import ProgramDocument
    from ui.pairing_page import PairingPage

    path = folder / "bench.pairing"
    build_program(path, directors)
    document = ProgramDocument.open(path)
    loaded = QEventLoop()
    page = PairingPage(document)
    page.stateLoaded.connect(loaded.quit)
    loaded.exec()  # the page reads the program in the background; the baseline starts once it is shown
    page.solve_overrides = {"time_limit_s": time_limit}
    page.resize(1400, 900)
    page.show()
    if not freeze:
        gc.unfreeze()  # undo what the page did when built, to measure the stalls it prevents
    probe = Probe()
    rows = []

    probe.start()
    spin(idle_s)
    rows.append(summary("baseline: probe alone", probe.stop(), idle_s))

    for mode in modes:
        page.solve_mode = mode
        rows.append(propose_once(page, probe, f"Propose {directors} directors, solver in a {mode}"))
    rows.append(select_team(page, probe))
    probe.start()
    spin(idle_s)
    rows.append(summary("after the run: probe alone", probe.stop(), idle_s))
    page.close()
    document.close()
    return rows


def propose_once(page, probe: Probe, name: str) -> dict:
    """Probe the GUI thread from Propose until the page shows the new run."""
    loop = QEventLoop()
    start = time.perf_counter()
    probe.start()
    page.propose()
    page.proposalEnded.connect(loop.quit)
    loop.exec()
    page.proposalEnded.disconnect(loop.quit)
    row = summary(name, probe.stop(), time.perf_counter() - start)
    row["teams"] = page.team_model.rowCount()
    print(f"{name}: stalls over {TARGET_MS:.0f} ms at (s, ms): "
          + (", ".join(f"({at:.2f}, {gap:.0f})" for at, gap in probe.stalls_at) or "none"), file=sys.stderr)
    return row


def select_team(page, probe: Probe) -> dict:
    """Probe the GUI thread while a selected team's alternatives are searched in the background."""
    loop = QEventLoop()
    page.alternativesReady.connect(loop.quit)
    start = time.perf_counter()
    probe.start()
    page.select_director(page.team_model.team(0).director)
    loop.exec()
    row = summary("select a team: alternatives found in the background", probe.stop(), time.perf_counter() - start)
    print(f"select a team: stalls over {TARGET_MS:.0f} ms at (s, ms): "
          + (", ".join(f"({at:.2f}, {gap:.0f})" for at, gap in probe.stalls_at) or "none"), file=sys.stderr)
    row["teams"] = page.team_model.rowCount()
    return row


def print_table(rows: list[dict]) -> None:
    print(f"{'phase':58} {'s':>6} {'ticks':>6} {'max stall ms':>13} {'p99 ms':>8} {'>100ms':>7}")
    for row in rows:
        print(f"{row['phase']:58} {row['seconds']:6.1f} {row['ticks']:6d} {row['max_stall_ms']:13.1f} "
              f"{row['p99_stall_ms']:8.1f} {row['over_100ms']:7d}")
    base = rows[0]["max_stall_ms"]
    print()
    for row in rows[1:-2]:
        solve = row["max_stall_ms"]
        ratio = solve / base if base > 0 else float("inf")
        verdict = "meets" if solve <= TARGET_MS else "MISSES"
        print(f"{row['phase']}: max stall {solve:.1f} ms ({ratio:.1f}× the idle baseline of {base:.1f} ms), "
              f"{row['teams']} teams shown; target ≤ {TARGET_MS:.0f} ms: {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directors", type=int, default=2000)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds of the baseline probe")
    parser.add_argument("--modes", default="process,thread",
                        help="where the solver runs, comma-separated: process (the page's choice at this size), thread")
    parser.add_argument("--no-freeze", action="store_true", help="leave start-up objects to the garbage collector")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        rows = measure(args.directors, args.time_limit, args.idle, Path(folder), args.modes.split(","), not args.no_freeze)
    print_table(rows)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
