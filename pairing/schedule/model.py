"""The values of a meeting schedule: meetings on real dates, teams short of meetings, and the frame
(first week, length, cadence, meeting length) they were placed in. Plain, frozen, thread-safe."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from pairing.domain import Cadence
from pairing.words import Message


@dataclass(frozen=True)
class Meeting:
    """One meeting of a team: in period `period` (the n-th meeting), on `week` of the program in `slot`.

    `slot` is the calendar's own slot (`Mon PM`, or `2026-03-02 PM` for a dated calendar); `start` and
    `end` are wall-clock times in the program's time zone. `pinned` meetings were placed by hand and are
    kept by a re-schedule."""

    team: str
    period: int
    week: int
    slot: str
    start: dt.datetime
    end: dt.datetime
    people: tuple[str, ...]
    pinned: bool = False

    @property
    def cell(self) -> tuple[int, str]:
        return self.week, self.slot

    def to_json(self) -> dict:
        return {"team": self.team, "start": self.start.isoformat(timespec="minutes"),
                "end": self.end.isoformat(timespec="minutes"), "slot": self.slot, "people": list(self.people)}


@dataclass(frozen=True)
class Unscheduled:
    """A team short of meetings: how many, and why (a message naming whose time collides)."""

    team: str
    missing: int
    why: Message


@dataclass(frozen=True)
class Frame:
    """Where meetings can go: the program's first day, its weeks, cadence and meeting length."""

    start: dt.date
    weeks: int
    cadence: Cadence
    meeting_minutes: int
    time_zone: str

    @property
    def period_weeks(self) -> int:
        return self.cadence.period_weeks(self.weeks)

    @property
    def periods(self) -> int:
        return self.cadence.meetings(self.weeks)

    def weeks_of(self, period: int) -> range:
        first = period * self.period_weeks
        return range(first, min(first + self.period_weeks, self.weeks))

    def period_of(self, week: int) -> int:
        return week // self.period_weeks

    def to_json(self) -> dict:
        return {"start": self.start.isoformat(), "weeks": self.weeks, "cadence": str(self.cadence),
                "meeting_minutes": self.meeting_minutes, "time_zone": self.time_zone}

    @classmethod
    def from_json(cls, data: dict) -> "Frame":
        return cls(dt.date.fromisoformat(data["start"]), int(data["weeks"]), Cadence(data["cadence"]),
                   int(data["meeting_minutes"]), data["time_zone"])


@dataclass(frozen=True)
class Schedule:
    """The meetings of one run's teams. `sequences` counts, per team, how often its meetings changed
    (calendar invitations carry it as SEQUENCE, so that a changed meeting replaces the old one)."""

    run_id: int
    frame: Frame
    meetings: tuple[Meeting, ...] = ()
    unscheduled: tuple[Unscheduled, ...] = ()
    sequences: Mapping[str, int] = field(default_factory=dict)
    wall_s: float = 0.0
    cancelled: bool = False

    def of_team(self, team: str) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if m.team == team)

    def of_person(self, person: str) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if person in m.people)

    def to_json(self, render) -> dict:
        """The `schedule --json` contract; `render` turns the reasons into sentences."""
        return {"meetings": [m.to_json() for m in self.meetings],
                "unscheduled": [{"team": u.team, "missing": u.missing, "why": render(u.why)}
                                for u in self.unscheduled]}
