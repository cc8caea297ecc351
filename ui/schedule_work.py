"""The Schedule page's reading as plain functions (no Qt): the latest run, its schedule indexed by cell, and how
the schedule is out of date with the run and the roster (issue 11). Runs on a worker thread; only plain
values cross threads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

from pairing.actions import properties, reading, scheduling
from pairing.domain import Meeting, Program, SavedRun, Schedule
from pairing.errors import UserError
from pairing.schedule.frame import make_frame

Cell = tuple[int, str]  # (week, slot), as `Meeting.cell`


@dataclass(frozen=True)
class ScheduleProblems:
    """How the shown schedule is out of date: teams of the run whose people changed since their meetings were
    placed, meetings now at a time a member is not free, people of the meetings who left the roster, and
    whether the program's dates (start, weeks, cadence, meeting length, time zone) changed."""

    stale_teams: tuple[str, ...] = ()
    not_free: tuple[Meeting, ...] = ()
    left: tuple[str, ...] = ()
    dates_changed: bool = False

    def __bool__(self) -> bool:
        return bool(self.stale_teams or self.not_free or self.left or self.dates_changed)

    @property
    def only_teams(self) -> bool:
        """Only teams changed: placing those teams' meetings again (keeping the others) mends it."""
        return bool(self.stale_teams) and not (self.not_free or self.left or self.dates_changed)


@dataclass(frozen=True)
class ScheduleState:
    """What the page shows, read off the GUI thread: the program, its latest run and that run's schedule, its
    meetings by cell, and how the schedule is out of date. `generation`: the page's count of changes when the
    read was asked for (an older one is never shown)."""

    generation: int
    program: Program | None
    run: SavedRun | None
    schedule: Schedule | None
    by_cell: Mapping[Cell, tuple[Meeting, ...]] = field(default_factory=dict)
    problems: ScheduleProblems = ScheduleProblems()


def meetings_by_cell(schedule: Schedule | None) -> dict[Cell, tuple[Meeting, ...]]:
    """The meetings of each cell (week, slot), in the schedule's order."""
    cells: dict[Cell, list[Meeting]] = {}
    for meeting in (schedule.meetings if schedule else ()):
        cells.setdefault(meeting.cell, []).append(meeting)
    return {cell: tuple(found) for cell, found in cells.items()}


def schedule_problems(program: Program, run: SavedRun | None, schedule: Schedule | None) -> ScheduleProblems:
    """Compare a run's schedule with the run and the roster as they are now."""
    if run is None or schedule is None:
        return ScheduleProblems()
    people = program.by_id()
    free = {p.id: frozenset(p.availability) for p in program.people}
    not_free = tuple(m for m in schedule.meetings
                     if any(person in free and m.slot not in free[person] for person in m.people))
    left = tuple(sorted({person for m in schedule.meetings for person in m.people if person not in people}))
    try:
        dates_changed = make_frame(program.properties, program.settings.calendar) != schedule.frame
    except UserError:  # the program has no start date any more
        dates_changed = True
    return ScheduleProblems(schedule.stale_teams(run.result), not_free, left, dates_changed)


def read_people(session) -> Program:
    """What the page needs of the program: settings (the calendar), people, properties (dates, role names) —
    not its locks nor its latest run's result, which `reading.program` reads too (a reading action)."""
    return Program(reading.settings(session), tuple(reading.people(session)),
                   properties=properties.properties(session))


def read_schedule_state(session) -> tuple[Program, SavedRun | None, Schedule | None]:
    """The program, its latest run and that run's schedule (a reading action, in a session of its own)."""
    run = reading.latest_run(session)
    return read_people(session), run, scheduling.schedule_of(session, run.id) if run else None


def schedule_state(program: Program, run: SavedRun | None, schedule: Schedule | None,
                   generation: int) -> ScheduleState:
    return ScheduleState(generation, program, run, schedule, meetings_by_cell(schedule),
                         schedule_problems(program, run, schedule))


def schedule_state_work(read: Callable[[], tuple], read_program: Callable[[], Program], basis: ScheduleState | None,
                        runs: bool, generation: int) -> Callable:
    """Background work: read, index and check the schedule; returns a `ScheduleState`. Unless `runs` (a run,
    its teams or a schedule changed since `basis` was read), only the program is read again: the run, its
    schedule and their index are the basis's (reading tens of thousands of meetings is most of a read)."""

    def work(report, cancel) -> ScheduleState:
        if runs or basis is None:
            return schedule_state(*read(), generation)
        program = read_program()
        return replace(basis, generation=generation, program=program,
                       problems=schedule_problems(program, basis.run, basis.schedule))

    return work


def concerns_schedule_here(changes) -> bool:
    """Whether this window's change (a `ChangeSet`) concerns the Schedule page: people (names, free slots),
    runs and their teams (a schedule is saved as a change of its run), settings and program properties
    (calendar, dates, role names). Locks alone do not."""
    return bool(changes.roster or changes.settings or runs_changed_here(changes))


def runs_changed_here(changes) -> bool:
    """Whether this window's change touched runs, teams or schedules (an id renamed is renamed in runs too)."""
    return bool(changes.runs or changes.teams or changes.renamed)


RUN_TABLES = frozenset({"run", "run_team", "schedule", "schedule_meeting"})
SCHEDULE_TABLES = RUN_TABLES | {"person", "program"}


def concerns_schedule_elsewhere(tables: frozenset[str]) -> bool:
    """Whether another viewer's change (the tables it wrote) concerns the Schedule page."""
    return bool(tables & SCHEDULE_TABLES)
