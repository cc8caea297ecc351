"""Plain, immutable domain values shared by storage, import, solver, exports and the window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Mapping

from pairing.calendar import DEFAULT_CALENDAR


class Role(StrEnum):
    DIRECTOR = "director"
    PRODUCER = "producer"
    INSTRUCTOR = "instructor"

    @property
    def is_mentor(self) -> bool:
        return self is not Role.DIRECTOR


# What people write when they belong to no organization: never a shared organization.
NO_ORGANIZATION = frozenset({
    "", "-", "—", "n/a", "na", "none", "no", "independent", "freelance", "freelancer", "self-employed",
    "无", "暂无", "没有", "独立", "独立导演", "独立制片人", "独立制片", "自由职业", "自由职业者", "个人",
})


def organization_key(organization: str) -> str:
    """The form organizations are compared in for the same-organization rule; "" for none."""
    key = " ".join(organization.casefold().split())
    return "" if key in NO_ORGANIZATION else key


DEFAULT_CAPACITY: Mapping[Role, int] = MappingProxyType({Role.PRODUCER: 3, Role.INSTRUCTOR: 4})


@dataclass(frozen=True)
class Person:
    """One member of the roster, with every field of the roster format in canonical form.

    `skills` maps a canonical skill to a level 1–5 (3 when the roster gave none).
    `prefers` and `avoid` hold roster ids (ranked, best first, for `prefers`).
    `extra` keeps unknown roster columns as notes: column header → value.
    """

    id: str
    name: str
    role: Role
    email: str = ""
    phone: str = ""
    organization: str = ""
    genres: tuple[str, ...] = ()
    skills: Mapping[str, int] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    availability: tuple[str, ...] = ()
    capacity: int | None = None
    languages: tuple[str, ...] = ()
    prefers: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    notes: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def effective_capacity(self) -> int:
        """Capacity of a mentor (the role default when none was given); 0 for a director."""
        if self.role is Role.DIRECTOR:
            return 0
        return self.capacity if self.capacity is not None else DEFAULT_CAPACITY[self.role]

    def with_changes(self, **changes) -> "Person":
        return replace(self, **changes)


ID_PREFIX: Mapping[Role, str] = MappingProxyType({Role.DIRECTOR: "D", Role.PRODUCER: "P", Role.INSTRUCTOR: "I"})


class IdMaker:
    """New ids per role (`D25`, `P09`, `I15`) after the highest one taken: a gap left by a deleted person
    is not reused, since saved runs still name them by id."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)
        self.next = {prefix: 1 + max((int(i[1:]) for i in taken if i[:1] == prefix and i[1:].isdigit()),
                                     default=0)
                     for prefix in ID_PREFIX.values()}

    def make(self, role: Role) -> str:
        prefix = ID_PREFIX[role]
        while f"{prefix}{self.next[prefix]:02d}" in self.taken:
            self.next[prefix] += 1
        new = f"{prefix}{self.next[prefix]:02d}"
        self.taken.add(new)
        return new


@dataclass(frozen=True)
class Weights:
    """Weights of the soft goals; the curator tunes them. Each criterion scores 0–100 per pair or team
    before weighting."""

    genre: float = 3.0
    needs: float = 4.0
    meeting: float = 1.0
    preference: float = 2.0
    language: float = 1.0
    load: float = 1.0
    stability: float = 1.0

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


CRITERIA: tuple[str, ...] = ("genre", "needs", "meeting", "preference", "language", "load", "stability")


@dataclass(frozen=True)
class Settings:
    """Program settings: calendar, hard-rule switches, weights and solver defaults."""

    name: str = "Talent program"
    calendar: tuple[str, ...] = DEFAULT_CALENDAR
    start_date: dt.date | None = None
    instructors_min: int = 1
    instructors_max: int = 2
    require_meeting: bool = True
    avoid_same_organization: bool = True
    fairness: bool = False
    time_limit_s: float = 10.0
    stability_threshold: float = 5.0
    weights: Weights = Weights()


@dataclass(frozen=True)
class Lock:
    """A director–mentor pair the curator has fixed; every run keeps it."""

    director: str
    mentor: str


@dataclass(frozen=True)
class Team:
    """One director with the producer and instructors assigned to them, scored and explained."""

    director: str
    producer: str | None
    instructors: tuple[str, ...] = ()
    score: float = 0.0
    breakdown: Mapping[str, float] = field(default_factory=dict)
    meeting_slots: tuple[str, ...] = ()
    locked: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def mentors(self) -> tuple[str, ...]:
        return ((self.producer,) if self.producer else ()) + self.instructors


@dataclass(frozen=True)
class Unmatched:
    id: str
    why: str


class RunStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RunResult:
    """The outcome of one solve, in the shape of the `solve --json` contract."""

    status: RunStatus
    objective: float = 0.0
    bound: float = 0.0
    wall_s: float = 0.0
    teams: tuple[Team, ...] = ()
    unmatched: tuple[Unmatched, ...] = ()
    diagnosis: tuple[str, ...] = ()
    teams_changed: int | None = None

    def to_json(self) -> dict:
        return {
            "status": str(self.status),
            "objective": round(self.objective, 4),
            "bound": round(self.bound, 4),
            "wall_s": round(self.wall_s, 4),
            "teams": [_team_json(t) for t in self.teams],
            "unmatched": [{"id": u.id, "why": u.why} for u in self.unmatched],
            "diagnosis": list(self.diagnosis),
            **({"teams_changed": self.teams_changed} if self.teams_changed is not None else {}),
        }


def _team_json(team: Team) -> dict:
    return {
        "director": team.director,
        "producer": team.producer,
        "instructors": list(team.instructors),
        "score": round(team.score, 4),
        "breakdown": {k: round(v, 4) for k, v in team.breakdown.items()},
        "meeting_slots": list(team.meeting_slots),
        "locked": list(team.locked),
        "reasons": list(team.reasons),
    }


@dataclass(frozen=True)
class SavedRun:
    """A run as stored in the program: its number, when, the settings it used, and its result."""

    id: int
    created: dt.datetime
    settings: Settings
    result: RunResult


@dataclass(frozen=True)
class Program:
    """Everything the solver and exports need, read from storage in one go."""

    settings: Settings
    people: tuple[Person, ...]
    locks: tuple[Lock, ...] = ()
    custom_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    previous: RunResult | None = None

    def by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def of_role(self, role: Role) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role is role)

    @property
    def directors(self) -> tuple[Person, ...]:
        return self.of_role(Role.DIRECTOR)

    @property
    def producers(self) -> tuple[Person, ...]:
        return self.of_role(Role.PRODUCER)

    @property
    def instructors(self) -> tuple[Person, ...]:
        return self.of_role(Role.INSTRUCTOR)
