"""Moving one meeting by hand (issue 10): where it lands, what stands in its way, the schedule after.
Pure functions over plain values: the window calls them live while a meeting is dragged."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pairing.calendar import DAYS, is_dated, split_slot
from pairing.domain import Meeting, Program, Schedule
from pairing.schedule.explain import display
from pairing.schedule.frame import Cell, cell_date, cell_times, dated_week
from pairing.words import Message, SlotRef, msg


def target_cell(schedule: Schedule, meeting: Meeting, when: dt.date, part: str) -> Cell | None:
    """The cell a meeting lands in when dropped on a day and part of the day; None outside the program."""
    frame = schedule.frame
    days = (when - frame.start).days
    if days < 0 or days // 7 >= frame.weeks:
        return None
    slot = f"{when.isoformat()} {part}" if is_dated(meeting.slot) else f"{DAYS[when.weekday()]} {part}"
    week = dated_week(frame, slot) if is_dated(slot) else days // 7
    return (week, slot) if week is not None else None


def weekday_slot(slot: str) -> str:
    """`Mon PM` for a weekly or a dated slot."""
    if not is_dated(slot):
        return slot
    day, part = split_slot(slot)
    return f"{DAYS[dt.date.fromisoformat(day).weekday()]} {part}"


def move_problems(schedule: Schedule, program: Program, meeting: Meeting, cell: Cell | None) -> tuple[Message, ...]:
    """Why a meeting cannot move to a cell: outside its period, a member not free, a member booked then."""
    people = program.by_id()
    if cell is None or schedule.frame.period_of(cell[0]) != meeting.period:
        when = cell_date(schedule.frame, *cell).isoformat() if cell else "—"
        return (msg("schedule.outside", when=when),)
    problems = []
    for person_id in meeting.people:
        person = people.get(person_id)
        if person is not None and cell[1] not in person.availability:
            problems.append(msg("schedule.not_free", person=display(people, person_id),
                                slot=SlotRef(weekday_slot(cell[1]))))
    when = cell_date(schedule.frame, *cell).isoformat()
    for other in schedule.meetings:
        if other.cell == cell and other.team != meeting.team:
            for person_id in sorted(set(other.people) & set(meeting.people)):
                problems.append(msg("schedule.busy", person=display(people, person_id),
                                    team=display(people, other.team), when=when))
    return tuple(problems)


def moved(schedule: Schedule, meeting: Meeting, cell: Cell) -> Schedule:
    """The schedule with one meeting in another cell, pinned there (a re-schedule keeps it)."""
    start, end = cell_times(schedule.frame, *cell)
    new = replace(meeting, week=cell[0], slot=cell[1], start=start, end=end, pinned=True)
    meetings = sorted((new if m == meeting else m for m in schedule.meetings), key=lambda m: (m.start, m.team))
    changed = replace(schedule, meetings=tuple(meetings))
    return replace(changed, sequences=sequences(schedule, changed))


def sequences(previous: Schedule | None, schedule: Schedule) -> dict[str, int]:
    """Per team, how often its meetings changed: the previous count, plus one if they changed now."""
    if previous is None:
        return {team: 0 for team in dict.fromkeys(m.team for m in schedule.meetings)}
    old = {t: _times(previous, t) for t in dict.fromkeys(m.team for m in previous.meetings)}
    result = {}
    for team in dict.fromkeys(m.team for m in schedule.meetings):
        before = previous.sequences.get(team, 0)
        result[team] = before if old.get(team) == _times(schedule, team) else before + (team in old)
    return result


def _times(schedule: Schedule, team: str) -> tuple:
    return tuple(sorted((m.start, m.end, m.people) for m in schedule.of_team(team)))
