"""Schedule a run's meetings, move one by hand, put a schedule back (issue 10).

`schedule` reads in one short transaction, places meetings without a session (CP-SAT, `pairing.schedule`)
and saves in another, like `propose`. `move_meeting` checks the clash and availability first and refuses
with every problem. Both return `Done` with an undo value: the run's schedule as it was."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pairing.actions.changes import ChangeSet, Done, Undo, undo_step
from pairing.calendar import refused
from pairing.domain import Meeting, Program, ProgramProperties, SavedRun, Schedule
from pairing.errors import ActionRefused
from pairing.schedule.edit import move_problems, moved
from pairing.storage import program_repo, repo
from pairing.words import msg


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


def place(data: ScheduleInput, *, fresh: bool = False, time_limit_s: float = 20.0, workers: int = 2,
          cancel: threading.Event | None = None, progress=None, fallback_start: dt.date | None = None) -> Schedule:
    """Place the meetings (no storage). Unless `fresh`, teams unchanged since the previous schedule keep their
    meetings, and only changed teams and the teams of their mentors move; hand-placed meetings stay."""
    from pairing.schedule.service import make_schedule  # OR-Tools loads slowly: only when a schedule is made
    from pairing.schedule.solver import ScheduleOptions

    return make_schedule(data.program, data.properties, data.run, previous=data.previous, incremental=not fresh,
                         options=ScheduleOptions(time_limit_s=time_limit_s, workers=workers), cancel=cancel,
                         progress=progress, fallback_start=fallback_start)


def schedule(sessions: sessionmaker[Session], run_id: int | None = None, *, fresh: bool = False,
             time_limit_s: float = 20.0, cancel: threading.Event | None = None, progress=None) -> Done:
    """Read, place and save the schedule of a run: what `pairing schedule` and the Schedule page do.
    `Done.value` is the schedule."""
    with sessions() as session:
        data = read_input(session, run_id)
    made = place(data, fresh=fresh, time_limit_s=time_limit_s, cancel=cancel, progress=progress)
    with sessions.begin() as session:
        return save_schedule(session, made)


def schedule_of(session: Session, run_id: int) -> Schedule | None:
    return program_repo.get_schedule(session, run_id)


@undo_step("schedule.save")
def save_schedule(session: Session, new: Schedule) -> Done:
    """Store a run's schedule; undo puts back the one it had (or none)."""
    before = program_repo.get_schedule(session, new.run_id)
    program_repo.save_schedule(session, new)
    undo = Undo("schedule.restore", {"run_id": new.run_id, "schedule": before})
    return Done(ChangeSet.of(runs_changed=[new.run_id]), undo, new)


@undo_step("schedule.restore")
def restore_schedule(session: Session, run_id: int, schedule: Schedule | None) -> Done:
    """A run's schedule as given (None: no schedule); its undo puts back what it found."""
    before = program_repo.get_schedule(session, run_id)
    if schedule is None:
        program_repo.delete_schedule(session, run_id)
    else:
        program_repo.save_schedule(session, schedule)
    return Done(ChangeSet.of(runs_changed=[run_id]), Undo("schedule.restore", {"run_id": run_id, "schedule": before}),
                schedule)


def move_meeting(session: Session, run_id: int, meeting: Meeting, cell: tuple[int, str]) -> Done:
    """Move one meeting of a run's saved schedule to a cell (week, slot), pinned there; refuses with every
    problem (a member not free, a member booked then, outside the meeting's period) and changes nothing."""
    before = program_repo.get_schedule(session, run_id)
    if before is None or meeting not in before.meetings:
        raise refused(msg("schedule.no_schedule", run=run_id, command="pairing schedule"))
    problems = move_problems(before, repo.load_program(session), meeting, cell)
    if problems:
        raise ActionRefused(msg("schedule.move_refused"), problems)
    return save_schedule(session, moved(before, meeting, cell))
