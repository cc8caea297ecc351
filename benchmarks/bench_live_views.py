"""What a change costs the GUI thread when the views change rows instead of resetting (issue 11).

`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_live_views [--teams 2000] [--people 10000] [--repeat 7]`

For each view, the in-place update a change now makes (the shown run's 2,000 teams after one team changed
and one person was renamed; the run history with five runs of 2,000 teams read again after one run
changed; a 10,000-person roster read again after a rename and a deletion elsewhere) is timed beside the
reset it replaced (the baseline, measured in the same run on the same data), shown in a view so that
the reset's re-layout is paid too. Medians of `--repeat` runs; the ratio is update / reset.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from dataclasses import replace

from PySide6.QtWidgets import QApplication, QTableView

from pairing.domain import Person, Role, RunResult, RunStatus, SavedRun, Settings, Team
from ui.models.roster_model import RosterModel, prepare_rows
from ui.models.run_history_model import RunHistoryModel
from ui.models.team_model import TeamTableModel


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication([])
    rows = [("teams view: one team changed, one person renamed", *teams_case(args.teams, args.repeat)),
            ("run history: five runs read again, one changed", *history_case(args.teams, args.repeat)),
            ("roster: read again after a rename and a deletion", *roster_case(args.people, args.repeat))]
    print(f"{'change (GUI thread, median of ' + str(args.repeat) + ')':<52} {'in place ms':>11} {'reset ms':>9} "
          f"{'ratio':>6}")
    for name, update, reset in rows:
        print(f"{name:<52} {update:>11.1f} {reset:>9.1f} {update / reset:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
