"""What fitting the columns to their contents costs (issue 11, room to read).

`QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_column_fit [--teams 2000] [--repeat 7]`

Each cost beside the work it adds to, measured in the same run on the same data (medians of `--repeat`):

- a roster read (`prepare_rows`: sorting and search texts, now also each column's few widest people) with
  and without the widest people, at 1,999 people (read on the GUI thread) and 10,000 (read off it);
- the teams shown (a run of `--teams` teams set in a shown table) with the column fitter's measure and fit,
  beside the same without a fitter;
- one team changed in place (a producer and a name), with and without a fitter.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from unittest import mock

from PySide6.QtWidgets import QApplication, QTableView

from pairing.domain import Role
from pairing.synthetic import synthetic_program
from ui.models import roster_model
from ui.models.team_model import TeamTableModel
from ui.widgets.column_fit import ColumnFitter

from benchmarks.bench_live_views import _names, _teams, _timed  # _timed processes events after the act: the fitter measures then


def roster_case(count: int, repeat: int) -> tuple[float, float]:
    people = [p for p in synthetic_program(count, seed=1).people if p.role is Role.DIRECTOR]
    read = lambda _state: roster_model.prepare_rows(people, Role.DIRECTOR, sort_column=1)  # noqa: E731
    with_widest = _timed(lambda: None, read, repeat)
    with mock.patch.object(roster_model, "widest_people", lambda *_args: ()):
        without = _timed(lambda: None, read, repeat)
    return with_widest, without


def _teams_view(fitted: bool):
    model = TeamTableModel()
    view = QTableView()
    view.setModel(model)
    view.resize(700, 600)
    if fitted:
        view.fitter = ColumnFitter(view, model.column_texts, minimum_em={1: 6, 2: 6, 3: 9}, stretch=(3,))
    view.show()
    return model, view


def teams_case(count: int, repeat: int) -> list[tuple[str, float, float]]:
    teams, changed = _teams(count), _teams(count)
    names = _names(teams)
    changed[count // 2] = replace(changed[count // 2], producer="P999", score=1.0)
    renamed = dict(names, **{teams[10].director: "Renamed Elsewhere With A Longer Name"})

    def shown(fitted: bool) -> float:
        return _timed(lambda: _teams_view(fitted), lambda state: state[0].set_teams(teams, names), repeat)

    def in_place(fitted: bool) -> float:
        def prepare():
            state = _teams_view(fitted)
            state[0].set_teams(teams, names)
            return state

        def change(state) -> None:
            state[0].set_names(renamed)
            state[0].update_teams(changed)
        return _timed(prepare, change, repeat)

    return [(f"{count} teams shown", shown(True), shown(False)),
            ("one team changed in place", in_place(True), in_place(False))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication([])
    rows = [(f"roster read, {n:,} people", *roster_case(n, args.repeat)) for n in (1999, 10000)]
    rows += teams_case(args.teams, args.repeat)
    print(f"{'work (median of ' + str(args.repeat) + ')':<36} {'fitted ms':>10} {'without ms':>11} {'ratio':>6}")
    for name, fitted, without in rows:
        print(f"{name:<36} {fitted:>10.1f} {without:>11.1f} {fitted / without:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
