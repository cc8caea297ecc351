"""Scheduling a saved run: read what it needs in one short transaction, place without a session, save
in another; move one meeting by hand with the clash and availability checks (issue 10)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session, sessionmaker

from pairing.calendar import DAYS, is_dated, refused, split_slot
from pairing.domain import Program, ProgramProperties, SavedRun
from pairing.schedule.explain import display
from pairing.schedule.frame import cell_date, cell_times, dated_week
from pairing.schedule.model import Meeting, Schedule
from pairing.schedule.service import make_schedule, sequences
from pairing.schedule.solver import Progress, ScheduleOptions
from pairing.storage import program_repo, repo
from pairing.words import Message, SlotRef, msg


@dataclass(frozen=True)
class ScheduleInput:
    """Plain values a schedule is made from (safe to hand to a background thread)."""

    program: Program
    properties: ProgramProperties
    run: SavedRun
    previous: Schedule | None


def read_input(session: Session, run_id: int | None = None) -> ScheduleInput:
    """The program, the run (the latest unless one is given) and the schedule to keep meetings from."""
    try:
        run = repo.latest_run(session) if run_id is None else repo.get_run(session, run_id)
    except repo.NotFound:
        run = None
    if run is None:
        raise refused(msg("schedule.no_run", command="pairing solve"))
    if not run.result.teams:
        raise refused(msg("schedule.no_teams", run=run.id))
    program = repo.load_program(session)
    previous = program_repo.get_schedule(session, run.id) or program_repo.latest_schedule(session)
    return ScheduleInput(program, program.properties, run, previous)


def schedule_input(data: ScheduleInput, *, fresh: bool = False, options: ScheduleOptions = ScheduleOptions(),
                   cancel: threading.Event | None = None, progress: Progress | None = None) -> Schedule:
    """Place the meetings (no storage). Unless `fresh`, teams unchanged since the previous schedule keep
    their meetings and only changed teams and the teams of their mentors move."""
    return make_schedule(data.program, data.properties, data.run, previous=data.previous, incremental=not fresh,
                         options=options, cancel=cancel, progress=progress)


def schedule_run(sessions: sessionmaker[Session], run_id: int | None = None, *, fresh: bool = False,
                 options: ScheduleOptions = ScheduleOptions(), cancel: threading.Event | None = None,
                 progress: Progress | None = None) -> tuple[Schedule, ScheduleInput]:
    """Read, place and save the schedule of a run: what `pairing schedule` and the Schedule page do."""
    with sessions() as session:
        data = read_input(session, run_id)
    schedule = schedule_input(data, fresh=fresh, options=options, cancel=cancel, progress=progress)
    with sessions.begin() as session:
        program_repo.save_schedule(session, schedule)
    return schedule, data


# -- moving one meeting by hand -----------------------------------------------------------------

def target_cell(schedule: Schedule, meeting: Meeting, when: dt.date, part: str) -> tuple[int, str] | None:
    """The cell a meeting lands in when dropped on a day and part of the day; None outside the program."""
    frame = schedule.frame
    days = (when - frame.start).days
    if days < 0 or days // 7 >= frame.weeks:
        return None
    slot = f"{when.isoformat()} {part}" if is_dated(meeting.slot) else f"{DAYS[when.weekday()]} {part}"
    week = dated_week(frame, slot) if is_dated(slot) else days // 7
    return (week, slot) if week is not None else None


def move_problems(schedule: Schedule, program: Program, meeting: Meeting, cell: tuple[int, str] | None) -> tuple[Message, ...]:
    """Why a meeting cannot move to a cell: outside its period, a member not free, a member booked then.
    Pure: the window calls it live while a meeting is dragged."""
    people = program.by_id()
    if cell is None or schedule.frame.period_of(cell[0]) != meeting.period:
        when = cell_date(schedule.frame, *cell).isoformat() if cell else "—"
        return (msg("schedule.outside", when=when),)
    week, slot = cell
    problems = []
    weekly = slot if not is_dated(slot) else f"{DAYS[dt.date.fromisoformat(split_slot(slot)[0]).weekday()]} {split_slot(slot)[1]}"
    for person_id in meeting.people:
        person = people.get(person_id)
        if person is not None and slot not in person.availability:
            problems.append(msg("schedule.not_free", person=display(people, person_id), slot=SlotRef(weekly)))
    for other in schedule.meetings:
        if other.cell == cell and other is not meeting and other.team != meeting.team:
            for person_id in sorted(set(other.people) & set(meeting.people)):
                when = f"{cell_date(schedule.frame, week, slot).isoformat()}"
                problems.append(msg("schedule.busy", person=display(people, person_id),
                                    team=display(people, other.team), when=when))
    return tuple(problems)


def moved(schedule: Schedule, meeting: Meeting, cell: tuple[int, str]) -> Schedule:
    """The schedule with one meeting in another cell, pinned there (a re-schedule keeps it)."""
    start, end = cell_times(schedule.frame, *cell)
    new = replace(meeting, week=cell[0], slot=cell[1], start=start, end=end, pinned=True)
    meetings = sorted((new if m == meeting else m for m in schedule.meetings), key=lambda m: (m.start, m.team))
    changed = replace(schedule, meetings=tuple(meetings))
    return replace(changed, sequences=sequences(schedule, changed))


def move_meeting(session: Session, run_id: int, meeting: Meeting, cell: tuple[int, str]) -> tuple[Schedule, Schedule]:
    """Move one meeting of a run's saved schedule, refusing with every problem; returns (before, after)."""
    before = program_repo.get_schedule(session, run_id)
    if before is None or meeting not in before.meetings:
        raise refused(msg("schedule.no_schedule", run=run_id, command="pairing schedule"))
    problems = move_problems(before, repo.load_program(session), meeting, cell)
    if problems:
        raise refused(problems[0])
    after = moved(before, meeting, cell)
    program_repo.save_schedule(session, after)
    return before, after


def restore_schedule(session: Session, schedule: Schedule) -> None:
    """Put a schedule back as it was (the undo of a move)."""
    program_repo.save_schedule(session, schedule)
