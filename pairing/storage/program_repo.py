"""Data functions for the program's properties and the meeting schedules of runs (issue 10).

Like `repo`, each takes the caller's session and never commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pairing.domain import (
    PROGRAM_ROLES, Cadence, Frame, Meeting, ProgramKind, ProgramProperties, Schedule, Unscheduled, template_roles,
)
from pairing.storage.models import MeetingRow, ProgramRow, RunRow, ScheduleRow
from pairing.storage.repo import NotFound, _program_row
from pairing.words import from_json, to_json


# -- properties -------------------------------------------------------------------------------

def get_properties(session: Session) -> ProgramProperties:
    return properties_from_row(_program_row(session))


def save_properties(session: Session, properties: ProgramProperties) -> None:
    row = _program_row(session)
    row.name, row.start_date, row.weeks = properties.name, properties.start, properties.weeks
    row.cadence, row.meeting_minutes = str(properties.cadence), properties.meeting_minutes
    row.language, row.time_zone, row.kind = properties.language, properties.time_zone, str(properties.kind)
    row.roles = {role: {"en": en, "zh": zh} for role, en, zh in properties.roles}


def program_uid(session: Session) -> str:
    """A random id of the program, stable for its life: calendar invitations are named after it."""
    return _program_row(session).uid


def properties_from_row(row: ProgramRow) -> ProgramProperties:
    kind = ProgramKind(row.kind or "talent")
    defaults = {role: (en, zh) for role, en, zh in template_roles(kind)}
    stored = row.roles or {}
    roles = tuple((role, stored.get(role, {}).get("en") or defaults[role][0],
                   stored.get(role, {}).get("zh") or defaults[role][1]) for role in PROGRAM_ROLES)
    return ProgramProperties(
        name=row.name, start=row.start_date, weeks=row.weeks, cadence=Cadence(row.cadence),
        meeting_minutes=row.meeting_minutes, language=row.language, time_zone=row.time_zone, kind=kind,
        roles=roles,
    )


# -- schedules --------------------------------------------------------------------------------

def save_schedule(session: Session, schedule: Schedule) -> None:
    """Store the schedule of its run, replacing the one it had."""
    if session.get(RunRow, schedule.run_id) is None:
        raise NotFound(f"No run number {schedule.run_id} in this program.")
    old = session.scalars(select(ScheduleRow).where(ScheduleRow.run_id == schedule.run_id)).first()
    if old is not None:
        session.delete(old)
        session.flush()
    session.add(ScheduleRow(
        run_id=schedule.run_id, frame=schedule.frame.to_json(), sequences=dict(schedule.sequences),
        unscheduled=[{"team": u.team, "missing": u.missing, "why": to_json(u.why)} for u in schedule.unscheduled],
        wall_s=schedule.wall_s, cancelled=schedule.cancelled,
        meetings=[MeetingRow(team=m.team, period=m.period, week=m.week, slot=m.slot, start=m.start, end=m.end,
                             people=list(m.people), pinned=m.pinned) for m in schedule.meetings],
    ))
    session.flush()


def get_schedule(session: Session, run_id: int) -> Schedule | None:
    row = session.scalars(select(ScheduleRow).where(ScheduleRow.run_id == run_id)).first()
    return schedule_from_row(row) if row else None


def latest_schedule(session: Session) -> Schedule | None:
    """The schedule of the most recent run that has one (the previous plan a re-schedule keeps)."""
    row = session.scalars(select(ScheduleRow).order_by(ScheduleRow.run_id.desc()).limit(1)).first()
    return schedule_from_row(row) if row else None


def schedule_from_row(row: ScheduleRow) -> Schedule:
    meetings = tuple(Meeting(m.team, m.period, m.week, m.slot, m.start, m.end, tuple(m.people), m.pinned)
                     for m in row.meetings)
    unscheduled = tuple(Unscheduled(u["team"], int(u["missing"]), from_json(u["why"])) for u in row.unscheduled)
    return Schedule(row.run_id, Frame.from_json(row.frame), meetings, unscheduled, dict(row.sequences),
                    row.wall_s, row.cancelled)


def delete_schedule(session: Session, run_id: int) -> None:
    row = session.scalars(select(ScheduleRow).where(ScheduleRow.run_id == run_id)).first()
    if row is not None:
        session.delete(row)
        session.flush()
