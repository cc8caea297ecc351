"""Placing meetings with CP-SAT, in two stages that read like a recipe.

1. **Homes** (weekly calendars, recurring cadence): each team gets at most one stable weekly time, a
   slot and a phase (which week of its period: alternate weeks for a fortnightly program). No person
   has two teams on the same slot and phase, so every meeting of every home is clash-free by
   construction. A mentor whose teams share their only free slot gets them on alternate weeks.
2. **Single meetings** for every period a team still lacks (no home, a home that loses the last,
   shorter period, or a dated calendar): each period is an independent model over its own weeks,
   avoiding every cell already taken by a member.

Data in, plain values out; no printing; fixed seed and workers so the same input gives the same plan.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from ortools.sat.python import cp_model

from pairing.calendar import is_dated
from pairing.domain import Cadence
from pairing.schedule.frame import Cell, TeamSlots, cells_in_period, cell_times
from pairing.domain import Frame, Meeting


@dataclass(frozen=True)
class ScheduleOptions:
    time_limit_s: float = 20.0
    seed: int = 0
    workers: int = 2


@dataclass
class Placement:
    """What the stages placed: cells per (team, period), and whether the curator cancelled."""

    cells: dict[tuple[str, int], Cell] = field(default_factory=dict)
    homes: dict[str, tuple[str, int]] = field(default_factory=dict)
    cancelled: bool = False


Progress = Callable[[float], None]


def place(frame: Frame, teams: list[TeamSlots], *, fixed: tuple[Meeting, ...] = (),
          options: ScheduleOptions = ScheduleOptions(), cancel: threading.Event | None = None,
          progress: Progress | None = None) -> Placement:
    """Cells for the meetings of `teams`, around the `fixed` meetings (kept as they are)."""
    cancel = cancel or threading.Event()
    busy = _busy(fixed)
    placement = Placement()
    covered = {(m.team, m.period) for m in fixed}
    if _has_homes(frame, teams):
        free_teams = [t for t in teams if not any(team == t.team for team, _ in covered)]
        _place_homes(frame, free_teams, busy, placement, options.time_limit_s / 2, options, cancel)
    _report(progress, 0.5)
    for period in range(frame.periods):
        if cancel.is_set():
            placement.cancelled = True
            break
        wanting = [t for t in teams if (t.team, period) not in covered and (t.team, period) not in placement.cells]
        budget = options.time_limit_s / 2 / max(frame.periods, 1)
        _place_period(frame, period, wanting, busy, placement, budget, options, cancel)
        _report(progress, 0.5 + 0.5 * (period + 1) / max(frame.periods, 1))
    placement.cancelled = placement.cancelled or cancel.is_set()
    return placement


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None:
        progress(fraction)


def _busy(meetings) -> dict[str, set[Cell]]:
    busy: dict[str, set[Cell]] = defaultdict(set)
    for meeting in meetings:
        for person in meeting.people:
            busy[person].add(meeting.cell)
    return busy


def _has_homes(frame: Frame, teams: list[TeamSlots]) -> bool:
    weekly = not any(is_dated(s) for t in teams for s in t.free)
    return weekly and frame.cadence is not Cadence.ONCE and frame.periods > 0


# -- stage 1: one stable weekly time per team ---------------------------------------------------

def _home_weeks(frame: Frame, phase: int) -> list[int]:
    return list(range(phase, frame.weeks, frame.period_weeks))


def _home_options(frame: Frame, team: TeamSlots, busy) -> list[tuple[str, int]]:
    options = []
    for slot in team.free:
        for phase in range(min(frame.period_weeks, frame.weeks)):
            cells = [(week, slot) for week in _home_weeks(frame, phase)]
            if not any(cell in busy.get(p, ()) for p in team.people for cell in cells):
                options.append((slot, phase))
    return options


def _place_homes(frame, teams, busy, placement, time_limit, options, cancel) -> None:
    # data
    choices = {t.team: _home_options(frame, t, busy) for t in teams}
    by_id = {t.team: t for t in teams}
    # model and variables: x[team, slot, phase]
    model = cp_model.CpModel()
    x = {(team, slot, phase): model.new_bool_var(f"home_{team}_{slot}_{phase}")
         for team, opts in choices.items() for slot, phase in opts}
    # constraints: one home per team; nobody has two teams on one slot and phase
    for team, opts in choices.items():
        model.add_at_most_one(x[team, s, ph] for s, ph in opts)
    per_person = defaultdict(list)
    for (team, slot, phase), var in x.items():
        for person in by_id[team].people:
            per_person[person, slot, phase].append(var)
    for group in per_person.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    # objective: as many meetings as possible, then early first meetings and each team's first free slot
    model.maximize(sum(var * _home_value(frame, by_id[team], slot, phase) for (team, slot, phase), var in x.items()))
    _hint(model, x, _greedy_homes(choices, by_id))
    # solve and read the result
    values = _solve(model, x, time_limit, options, cancel)
    for (team, slot, phase), chosen in values.items():
        if chosen:
            placement.homes[team] = (slot, phase)
            for week in _home_weeks(frame, phase):
                placement.cells[team, frame.period_of(week)] = (week, slot)
                for person in by_id[team].people:
                    busy[person].add((week, slot))


def _home_value(frame: Frame, team: TeamSlots, slot: str, phase: int) -> int:
    return 1000 * len(_home_weeks(frame, phase)) - 10 * phase - team.free.index(slot) % 10


def _greedy_homes(choices, by_id) -> dict:
    taken: set = set()
    chosen = {}
    for team, opts in choices.items():
        for slot, phase in opts:
            keys = {(p, slot, phase) for p in by_id[team].people}
            if not keys & taken:
                taken |= keys
                chosen[team, slot, phase] = 1
                break
    return chosen


# -- stage 2: the meetings still missing, one period at a time -----------------------------------

def _place_period(frame, period, teams, busy, placement, time_limit, options, cancel) -> None:
    # data: the free cells of each team in this period that none of its people is booked in
    cells = {t.team: [c for c in cells_in_period(frame, period, t.free)
                      if not any(c in busy.get(p, ()) for p in t.people)] for t in teams}
    cells = {team: found for team, found in cells.items() if found}
    if not cells:
        return
    by_id = {t.team: t for t in teams}
    # model and variables: y[team, week, slot]
    model = cp_model.CpModel()
    y = {(team, cell): model.new_bool_var(f"meet_{team}_{cell[0]}_{cell[1]}")
         for team, found in cells.items() for cell in found}
    # constraints: one meeting per team in the period; nobody in two meetings in one cell
    for team, found in cells.items():
        model.add_at_most_one(y[team, c] for c in found)
    per_person = defaultdict(list)
    for (team, cell), var in y.items():
        for person in by_id[team].people:
            per_person[person, cell].append(var)
    for group in per_person.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    # objective: as many meetings as possible, then at the team's usual time, then early in the period
    usual = {team: _usual_slot(placement, team, by_id[team]) for team in cells}
    model.maximize(sum(var * _meeting_value(frame, period, cell, usual[team]) for (team, cell), var in y.items()))
    _hint(model, y, _greedy_period(cells, by_id))
    values = _solve(model, y, time_limit, options, cancel)
    for (team, cell), chosen in values.items():
        if chosen:
            placement.cells[team, period] = cell
            for person in by_id[team].people:
                busy[person].add(cell)


def _usual_slot(placement: Placement, team: str, slots: TeamSlots) -> str | None:
    if team in placement.homes:
        return placement.homes[team][0]
    placed = [cell[1] for (t, _), cell in placement.cells.items() if t == team]
    return max(set(placed), key=placed.count) if placed else (slots.free[0] if slots.free else None)


def _meeting_value(frame: Frame, period: int, cell: Cell, usual: str | None) -> int:
    week, slot = cell
    same_time = 5 if slot == usual else 0
    return 100 + same_time - (week - period * frame.period_weeks)


def _greedy_period(cells, by_id) -> dict:
    taken: set = set()
    chosen = {}
    for team, found in cells.items():
        for cell in found:
            keys = {(p, cell) for p in by_id[team].people}
            if not keys & taken:
                taken |= keys
                chosen[team, cell] = 1
                break
    return chosen


# -- solving --------------------------------------------------------------------------------------

def _hint(model: cp_model.CpModel, variables: dict, chosen: dict) -> None:
    for key, var in variables.items():
        model.add_hint(var, chosen.get(key, 0))


class _Stopper(cp_model.CpSolverSolutionCallback):
    """Stops the search when the curator cancels (checked at every improving solution)."""

    def __init__(self, cancel: threading.Event) -> None:
        super().__init__()
        self.cancel = cancel

    def on_solution_callback(self) -> None:
        if self.cancel.is_set():
            self.stop_search()


def _solve(model, variables: dict, time_limit: float, options: ScheduleOptions, cancel) -> dict:
    """The chosen value of each variable; nothing chosen when no solution was found."""
    if not variables:
        return {}
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    status = solver.solve(model, _Stopper(cancel))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {}
    return {key: solver.boolean_value(var) for key, var in variables.items()}


def meeting_of(frame: Frame, team: TeamSlots, period: int, cell: Cell, *, pinned: bool = False) -> Meeting:
    start, end = cell_times(frame, *cell)
    return Meeting(team.team, period, cell[0], cell[1], start, end, team.people, pinned)
