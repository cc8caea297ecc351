"""What a change costs the GUI thread when the views change rows instead of resetting (issue 11).

`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_live_views [--teams 2000] [--people 10000] [--repeat 7]`

For each view, the in-place update a change now makes (the shown run's 2,000 teams after one team changed
and one person was renamed; the run history with five runs of 2,000 teams read again after one run
changed; a 10,000-person roster read again after a rename and a deletion elsewhere) is timed beside the
reset it replaced (the baseline, measured in the same run on the same data), shown in a view so that
the reset's re-layout is paid too. Medians of `--repeat` runs; the ratio is update / reset.

The Pictures and Schedule pages (`--pages`, on by default; `--directors 2000`, `--pages-repeat 3`) are measured
on a real program file (a synthetic roster, a run of as many teams, a schedule of 13 fortnightly meetings a
team over 26 weeks) beside the pages as they were before they changed in place — their code read from
`--baseline` (a git revision, default the last one before issue 11's in-place pages) and run in the same
process on the same file. After one director renamed and one producer's free time changed (a write another
viewer made), each page is timed from the change to the change shown (wall time, its background work
included) and on the GUI thread alone (the work there, and the events the view handles after it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
import types
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool
from PySide6.QtWidgets import QApplication, QTableView

from pairing.domain import Person, Role, RunResult, RunStatus, SavedRun, Settings, Team
from ui.models.roster_model import RosterModel, prepare_rows
from ui.models.run_history_model import RunHistoryModel
from ui.models.team_model import TeamTableModel

ROOT = Path(__file__).resolve().parents[1]


def _teams(count: int, shift: int = 0) -> list[Team]:
    return [Team(f"D{i:05}", f"P{(i + shift) % 700:03}", (f"I{i % 900:03}", f"I{(i + 1) % 900:03}"), float(i % 97),
                 breakdown={"genre": 1.0, "needs": 2.0}, meeting_slots=("Mon AM", "Tue PM")) for i in range(count)]


def _names(teams: list[Team]) -> dict[str, str]:
    return {m: f"Person {m}" for t in teams for m in (t.director, *t.mentors)}


def _timed(prepare, act, repeat: int) -> float:
    """Median milliseconds of `act(state)` over `repeat` runs, each on a fresh `prepare()`."""
    app, times = QApplication.instance(), []
    for _ in range(repeat):
        state = prepare()
        app.processEvents()
        start = time.perf_counter()
        act(state)
        app.processEvents()  # the view handles the model's signals and lays itself out
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _shown(model):
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    return view


def teams_case(count: int, repeat: int) -> tuple[float, float]:
    teams = _teams(count)
    names = _names(teams)
    changed = list(teams)
    changed[count // 2] = replace(changed[count // 2], producer="P999", score=1.0)
    renamed = dict(names, **{teams[10].director: "Renamed Elsewhere"})

    def prepare():
        model = TeamTableModel()
        model.set_teams(teams, names)
        return model, _shown(model)

    def update(state):
        state[0].set_names(renamed)
        state[0].update_teams(changed)

    def reset(state):
        state[0].set_teams(changed, renamed)

    return _timed(prepare, update, repeat), _timed(prepare, reset, repeat)


def history_case(count: int, repeat: int) -> tuple[float, float]:
    def runs(edited: bool) -> list[SavedRun]:
        made = [SavedRun(i, dt.datetime(2026, 3, 2), Settings(), RunResult(RunStatus.FEASIBLE, 1.0, 2.0,
                                                                           teams=tuple(_teams(count))))
                for i in range(1, 6)]
        if edited:
            made[2] = replace(made[2], result=replace(made[2].result, teams=tuple(_teams(count, shift=1))))
        return made

    def prepare():
        model = RunHistoryModel()
        model.set_runs(runs(False))
        return model, _shown(model), runs(True)

    return (_timed(prepare, lambda s: s[0].update_runs(None, s[2]), repeat),
            _timed(prepare, lambda s: s[0].set_runs(s[2]), repeat))


def roster_case(count: int, repeat: int) -> tuple[float, float]:
    people = [Person(f"D{i:05}", f"Name {i:05}", Role.DIRECTOR, genres=("drama",)) for i in range(count)]
    now = [p.with_changes(name="Zz Renamed") if p.id == "D00005" else p for p in people if p.id != "D00007"]
    again = prepare_rows(now, Role.DIRECTOR, sort_column=1)

    def prepare():
        model = RosterModel(Role.DIRECTOR)
        model.set_rows(prepare_rows(people, Role.DIRECTOR, sort_column=1))
        return model, _shown(model)

    def reset(state):
        state[0]._sort = (-1, False)  # as if in another order: set_rows resets, as it did for every read before
        state[0].set_rows(again)

    return _timed(prepare, lambda s: s[0].set_rows(again), repeat), _timed(prepare, reset, repeat)


# -- the Pictures and Schedule pages beside their code before issue 11 (same run, same program file) ----------

BASELINE = "f0506dc"  # main before the Pictures and Schedule pages changed in place
PEOPLE = frozenset({"person"})  # the tables another viewer's change of people writes


def _old_module(revision: str, path: str, name: str):
    """A module of the product as it was at `revision` (its own name; it imports today's other modules)."""
    source = subprocess.run(["git", "show", f"{revision}:{path}"], capture_output=True, text=True, check=True,
                            cwd=ROOT).stdout
    module = types.ModuleType(name)
    module.__file__ = f"{revision}:{path}"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def make_program_file(path: Path, directors: int) -> None:
    """A synthetic program of `directors` teams with a run and a fortnightly schedule over 26 weeks."""
    from benchmarks.bench_schedule import greedy, inputs
    from pairing.actions.program import open_program
    from pairing.storage import program_repo, repo

    program, properties, run = inputs(directors, 26, "fortnightly")
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            repo.add_people(session, program.people)
            program_repo.save_properties(session, replace(program_repo.get_properties(session), start=properties.start,
                                                          weeks=properties.weeks, cadence=properties.cadence))
            run_id = repo.save_run(session, program.settings, run.result)
        with store.sessions.begin() as session:
            program_repo.save_schedule(session, replace(greedy(program, properties, replace(run, id=run_id)),
                                                        run_id=run_id))
    finally:
        store.close()


def _change(store, turn: int) -> None:
    """What another viewer writes between two measurements: a director renamed, a producer's free time."""
    from pairing.storage import repo

    with store.sessions.begin() as session:
        people = {p.id: p for p in repo.list_people(session)}
        director = next(p for p in people.values() if p.role is Role.DIRECTOR)
        producer = next(p for p in people.values() if p.role is Role.PRODUCER)
        slots = ("Mon AM", "Tue PM") if turn % 2 else ("Wed PM", "Thu EVE", "Fri AM")
        repo.update_people(session, [director.with_changes(name=f"Renamed {turn}"),
                                     producer.with_changes(availability=slots)])


class GuiClock:
    """Time spent on the GUI thread by a page's handler of a finished read, and by the events after it."""

    def __init__(self) -> None:
        self.ms = 0.0

    def wrap(self, obj, name: str) -> None:
        handler = getattr(obj, name)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            result = handler(*args, **kwargs)
            QApplication.instance().processEvents()  # the view handles the signals and lays itself out
            self.ms += (time.perf_counter() - start) * 1000
            return result

        setattr(obj, name, timed)


def _until(condition, timeout_s: float = 600.0) -> None:
    app, end = QApplication.instance(), time.monotonic() + timeout_s
    while not condition():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if time.monotonic() > end:
            raise TimeoutError("the page did not show the change")


def _page_case(make_page, refresh, shown, handler: str, store, repeat: int, turn0: int) -> tuple[float, float]:
    """Median (wall ms, GUI-thread ms) from a change written elsewhere to the page showing it."""
    from ui.document import ProgramDocument

    walls, guis = [], []
    document = ProgramDocument.open(store.location)
    document.poll_timer.stop()  # the measurement says when the page reads, not the poll
    page = make_page(document)
    page.resize(1280, 800)
    page.show()
    _until(lambda: shown(page, None))
    for turn in range(turn0, turn0 + repeat):
        _change(store, turn)
        clock = GuiClock()
        clock.wrap(page, handler)
        start = time.perf_counter()
        refresh(page, clock)
        _until(lambda: shown(page, f"Renamed {turn}"))
        walls.append((time.perf_counter() - start) * 1000)
        guis.append(clock.ms)
        del page.__dict__[handler]  # the page's own method again
    page.close()
    page.deleteLater()
    QThreadPool.globalInstance().waitForDone(60_000)
    document.close()
    return statistics.median(walls), statistics.median(guis)


def _pictures_shows(page, name) -> bool:
    names = dict(page.data.directors)
    return page.operation is None and bool(names) and (name is None or name in names.values())


def _schedule_shows(page, name) -> bool:
    teams = page.run.result.teams if getattr(page, "run", None) else ()
    names = page.program.by_id() if getattr(page, "program", None) else {}
    return (getattr(page, "loader", None) is None and bool(teams)
            and (name is None or names[teams[0].director].name == name))


def pages_case(directors: int, repeat: int, baseline: str) -> list[tuple[str, float, float]]:
    from pairing.actions.program import open_program
    from ui.charts import PicturesPage
    from ui.schedule_page import SchedulePage

    old_charts = _old_module(baseline, "ui/charts.py", "baseline_charts")
    old_schedule = _old_module(baseline, "ui/schedule_page.py", "baseline_schedule_page")
    folder = Path(tempfile.mkdtemp(prefix="bench-live-pages-"))
    path = folder / "program.pairing"
    make_program_file(path, directors)
    store = open_program(path)
    try:
        # The pictures before: every change recomputed the whole matrix (in a child process from 100 directors).
        # Each page is told what its document would tell it of a person changed elsewhere (the poll's tables).
        old_pictures = _page_case(old_charts.PicturesPage, lambda page, clock: page._changed(), _pictures_shows,
                                  "set_data", store, repeat, 0)
        new_pictures = _page_case(PicturesPage, lambda page, clock: page._changed_elsewhere(PEOPLE), _pictures_shows,
                                  "set_data", store, repeat, 100)
        # The schedule before: every change read the program and reset the grid on the GUI thread.
        old_schedule_ms = _page_case(old_schedule.SchedulePage, _old_reload, _schedule_shows, "reload", store,
                                     repeat, 200)
        new_schedule_ms = _page_case(SchedulePage, lambda page, clock: page._changed_elsewhere(PEOPLE),
                                     _schedule_shows, "show_state", store, repeat, 300)
    finally:
        store.close()
    label = f"{directors:,} directors"
    return [(f"pictures ({label}): change to shown, wall", new_pictures[0], old_pictures[0]),
            (f"pictures ({label}): GUI thread", new_pictures[1], old_pictures[1]),
            (f"schedule ({label}): change to shown, wall", new_schedule_ms[0], old_schedule_ms[0]),
            (f"schedule ({label}): GUI thread", new_schedule_ms[1], old_schedule_ms[1])]


def _old_reload(page, clock) -> None:
    page.reload()  # what rosterChanged did: the read and the reset, all on the GUI thread (timed by the wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--directors", type=int, default=2000, help="the Pictures and Schedule pages' program")
    parser.add_argument("--pages-repeat", type=int, default=3)
    parser.add_argument("--baseline", default=BASELINE, help="git revision of the pages before issue 11")
    parser.add_argument("--no-pages", dest="pages", action="store_false")
    parser.add_argument("--only-pages", action="store_true")
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication([])
    rows = [] if args.only_pages else [
        ("teams view: one team changed, one person renamed", *teams_case(args.teams, args.repeat)),
        ("run history: five runs read again, one changed", *history_case(args.teams, args.repeat)),
        ("roster: read again after a rename and a deletion", *roster_case(args.people, args.repeat))]
    if rows:
        print(f"{'change (GUI thread, median of ' + str(args.repeat) + ')':<52} {'in place ms':>11} {'reset ms':>9} "
              f"{'ratio':>6}")
        for name, update, reset in rows:
            print(f"{name:<52} {update:>11.1f} {reset:>9.1f} {update / reset:>6.2f}")
    if args.pages:
        pages = pages_case(args.directors, args.pages_repeat, args.baseline)
        print(f"{'page (median of ' + str(args.pages_repeat) + ', vs ' + args.baseline + ')':<52} "
              f"{'in place ms':>11} {'before ms':>9} {'ratio':>6}")
        for name, update, before in pages:
            print(f"{name:<52} {update:>11.1f} {before:>9.1f} {update / before:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
