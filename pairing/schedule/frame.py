"""The program's calendar as cells: (week of the program, slot), their dates and clock times.

A weekly calendar (`Mon PM`) repeats every week from the program's first day; a dated calendar
(`2026-03-02 PM`) uses its own dates, each falling in one week of the program."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pairing.calendar import DAYS, PART_HOURS, is_dated, refused, split_slot
from pairing.domain import ProgramProperties
from pairing.domain import Frame
from pairing.words import msg

Cell = tuple[int, str]


@dataclass(frozen=True)
class TeamSlots:
    """A team to schedule: its id (the director's), its people, and the calendar slots all are free in."""

    team: str
    people: tuple[str, ...]
    free: tuple[str, ...]


def is_dated_calendar(calendar) -> bool:
    return any(is_dated(slot) for slot in calendar)


def make_frame(properties: ProgramProperties, calendar, *, fallback_start: dt.date | None = None) -> Frame:
    """The frame of a program. A dated calendar without a start date starts on its first date; a weekly
    one needs the start date (or `fallback_start`, which an export uses when there is none)."""
    start = properties.start
    if start is None and is_dated_calendar(calendar):
        start = min(dt.date.fromisoformat(split_slot(s)[0]) for s in calendar if is_dated(s))
    start = start or fallback_start
    if start is None:
        raise refused(msg("schedule.no_start", command="pairing program --start YYYY-MM-DD"))
    return Frame(start, properties.weeks, properties.cadence, properties.meeting_minutes, properties.time_zone)


def cell_date(frame: Frame, week: int, slot: str) -> dt.date:
    day, _ = split_slot(slot)
    if is_dated(slot):
        return dt.date.fromisoformat(day)
    offset = (DAYS.index(day) - frame.start.weekday()) % 7
    return frame.start + dt.timedelta(days=7 * week + offset)


def cell_times(frame: Frame, week: int, slot: str) -> tuple[dt.datetime, dt.datetime]:
    """Wall-clock start and end of a meeting in a cell: it starts with its part of the day."""
    _, part = split_slot(slot)
    begin = dt.datetime.combine(cell_date(frame, week, slot), dt.time(PART_HOURS[part][0]))
    return begin, begin + dt.timedelta(minutes=frame.meeting_minutes)


def dated_week(frame: Frame, slot: str) -> int | None:
    """The program week a dated slot falls in, or None when it is outside the program."""
    days = (dt.date.fromisoformat(split_slot(slot)[0]) - frame.start).days
    week = days // 7
    return week if 0 <= days and week < frame.weeks else None


def cells_in_period(frame: Frame, period: int, free: tuple[str, ...]) -> list[Cell]:
    """The cells of a period in which a team with these free slots could meet, in calendar order."""
    weeks = frame.weeks_of(period)
    cells = []
    for slot in free:
        if is_dated(slot):
            week = dated_week(frame, slot)
            if week is not None and week in weeks:
                cells.append((week, slot))
        else:
            cells.extend((week, slot) for week in weeks)
    return sorted(cells, key=lambda c: cell_times(frame, *c)[0])


def cell_of(frame: Frame, when: dt.date, slot: str) -> Cell | None:
    """The cell of a weekly or dated slot on a given date (used when a meeting is moved by hand)."""
    days = (when - frame.start).days
    if days < 0 or days // 7 >= frame.weeks:
        return None
    return days // 7, slot
