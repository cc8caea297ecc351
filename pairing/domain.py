"""Plain, immutable domain values shared by storage, import, solver, exports and the window."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field, make_dataclass, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Mapping

from pairing.criteria import BONUS_KEYS
from pairing.criteria import KEYS as CRITERION_KEYS
from pairing.criteria import REGISTRY as CRITERIA_REGISTRY
from pairing.schema import default
from pairing.words import Message, Renderer, msg


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


def name_key(name: str) -> str:
    """A name as people match it: Unicode-normalised (NFKC), case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class References:
    """Whom an entry of `prefers` or `avoid` names — the one rule (issue 8), used by the importer (which also
    says why an entry names nobody) and by the engine: an id, an id written in another case, or a name that
    only one person has."""

    def __init__(self, people) -> None:
        self.ids = {p.id for p in people}
        self.ids_folded = {i.casefold(): i for i in self.ids}
        self.by_name: dict[str, list[str]] = {}
        for person in people:
            self.by_name.setdefault(name_key(person.name), []).append(person.id)

    def named(self, text: str) -> list[str]:
        """The ids of the people called `text`."""
        return self.by_name.get(name_key(text), [])

    def find(self, text: str) -> str | None:
        """The id `text` names, or None (nobody, or several people of that name)."""
        if text in self.ids:
            return text
        if text.casefold() in self.ids_folded:
            return self.ids_folded[text.casefold()]
        found = self.named(text)
        return found[0] if len(found) == 1 else None


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


def _weights_class():
    """`Weights`: one float field per criterion of the registry (pairing/criteria.py), its default weight."""
    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    cls = make_dataclass("Weights", [(c.key, float, field(default=c.weight)) for c in CRITERIA_REGISTRY],
                         frozen=True, namespace={"as_dict": as_dict})
    cls.__module__ = __name__  # pickled by name: a solve in a child process receives a Program
    cls.__doc__ = ("Weights of the soft goals, one per criterion of pairing/criteria.py; the curator tunes them. "
                   "Each criterion scores 0–100 per pair or team before weighting.")
    return cls


Weights = _weights_class()

CRITERIA: tuple[str, ...] = CRITERION_KEYS  # the criteria's keys, in the registry's order


@dataclass(frozen=True)
class Settings:
    """Program settings: calendar, hard-rule switches, weights and solver defaults (declared in
    pairing/schema.py: the defaults come from there)."""

    name: str = default("name")
    calendar: tuple[str, ...] = default("calendar")
    start_date: dt.date | None = default("start_date")
    instructors_min: int = default("instructors_min")
    instructors_max: int = default("instructors_max")
    require_meeting: bool = default("require_meeting")
    avoid_same_organization: bool = default("avoid_same_organization")
    fairness: bool = default("fairness")
    distinct_mentor_slots: bool = default("distinct_mentor_slots")
    time_limit_s: float = default("time_limit_s")
    stability_threshold: float = default("stability_threshold")
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
    reasons: tuple[Message, ...] = ()  # why the team was formed (pairing/engine/reasons.py), as solved
    # the team's one weekly meeting time when the run kept "each mentor's teams meet at different weekly
    # times" (issue 9 part 6): a slot of meeting_slots no other team of its mentors has; None otherwise
    weekly_slot: str | None = None

    @property
    def mentors(self) -> tuple[str, ...]:
        return ((self.producer,) if self.producer else ()) + self.instructors

    @property
    def shown_score(self) -> float:
        """The team's score as curators read it: bonuses outside a team's score (the stability bonus of a
        re-proposal) are not part of it; a team kept from the previous run says so in its reasons (issue 11)."""
        return self.score - sum(v for k, v in self.breakdown.items() if k in BONUS_KEYS)


@dataclass(frozen=True)
class Unmatched:
    id: str
    why: Message


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
    diagnosis: tuple[Message, ...] = ()
    teams_changed: int | None = None

    @property
    def total_score(self) -> float:
        """The run's score as curators read it: its teams' shown scores (re-proposing identical teams gives
        the same total)."""
        return sum(t.shown_score for t in self.teams)

    @property
    def gap_percent(self) -> float | None:
        """How far the search's objective may still be from the best possible, in percent of the proven
        bound; None when nothing can be said (no teams, or not every director placed)."""
        if self.status in (RunStatus.INFEASIBLE, RunStatus.UNKNOWN) or not self.teams:
            return None
        if abs(self.bound) < 1e-9:
            return 0.0
        return max(0.0, (self.bound - self.objective) / abs(self.bound) * 100.0)

    @property
    def better_possible(self) -> Message | None:
        """How much better a pairing could be, in curator's words (one wording for window, sheets and
        command line): "best possible", "at most 3.2 % better is possible", or None."""
        if self.status is RunStatus.OPTIMAL:
            return msg("status.best_possible")
        gap = self.gap_percent
        return None if gap is None else msg("status.better_possible", percent=gap)

    def to_json(self, renderer: Renderer | None = None) -> dict:
        """The `solve --json` contract; reasons, why and diagnosis as sentences of the renderer's language."""
        say = (renderer or Renderer()).sentence
        return {
            "status": str(self.status),
            "objective": round(self.objective, 4),
            "bound": round(self.bound, 4),
            "wall_s": round(self.wall_s, 4),
            "teams": [_team_json(t, say) for t in self.teams],
            "unmatched": [{"id": u.id, "why": say(u.why)} for u in self.unmatched],
            "diagnosis": [say(d) for d in self.diagnosis],
            **({"teams_changed": self.teams_changed} if self.teams_changed is not None else {}),
        }


def _team_json(team: Team, say) -> dict:
    return {
        "director": team.director,
        "producer": team.producer,
        "instructors": list(team.instructors),
        "score": round(team.score, 4),
        "breakdown": {k: round(v, 4) for k, v in team.breakdown.items()},
        "meeting_slots": list(team.meeting_slots),
        "locked": list(team.locked),
        "reasons": [say(r) for r in team.reasons],
        **({"weekly_slot": team.weekly_slot} if team.weekly_slot else {}),
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
    # name, dates, cadence, role names (issue 10)
    properties: "ProgramProperties" = field(default_factory=lambda: ProgramProperties())

    def by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def renderer(self, lang: str | None) -> Renderer:
        """Sentences in `lang` with this program's role names and vocabulary (its custom terms too)."""
        from pairing.vocabulary import program_vocabulary
        from pairing.words import lang_of

        return Renderer(lang_of(lang), self.properties.role_names(), program_vocabulary(self.custom_terms))

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


# --- the program's properties (issue 10) ------------------------------------------------------

class Cadence(StrEnum):
    """How often a team meets: once in the program, every week, every second week, every fourth week."""

    ONCE = "once"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"

    def period_weeks(self, weeks: int) -> int:
        """Length in weeks of the period in which a team meets once ("monthly" is every four weeks)."""
        return {Cadence.ONCE: max(weeks, 1), Cadence.WEEKLY: 1, Cadence.FORTNIGHTLY: 2,
                Cadence.MONTHLY: 4}[self]

    def meetings(self, weeks: int) -> int:
        """How many meetings a team has over a program of `weeks` weeks."""
        period = self.period_weeks(weeks)
        return -(-weeks // period) if weeks > 0 else 0


class ProgramKind(StrEnum):
    """The templates of role names (BRIEF, "Who uses it")."""

    TALENT = "talent"
    SCREENWRITING = "screenwriting"
    ACTION = "action"
    BLANK = "blank"


PROGRAM_ROLES: tuple[str, ...] = ("director", "producer", "instructor", "mentor")

# The role names of each template, English (singular) and Chinese. Storage and the engine say
# director / producer / instructor whatever the program calls them.
ROLE_TEMPLATES: Mapping[ProgramKind, Mapping[str, tuple[str, str]]] = MappingProxyType({
    ProgramKind.TALENT: MappingProxyType({
        "director": ("young director", "青年导演"), "producer": ("senior producer", "监制"),
        "instructor": ("instructor", "导师"), "mentor": ("mentor", "指导者")}),
    ProgramKind.SCREENWRITING: MappingProxyType({
        "director": ("screenwriter", "编剧学员"), "producer": ("lead mentor", "主导师"),
        "instructor": ("instructor", "导师"), "mentor": ("mentor", "指导者")}),
    ProgramKind.ACTION: MappingProxyType({
        "director": ("performer", "学员"), "producer": ("action director", "动作导演"),
        "instructor": ("coach", "教练"), "mentor": ("mentor", "指导者")}),
    ProgramKind.BLANK: MappingProxyType({
        "director": ("mentee", "学员"), "producer": ("lead mentor", "主导师"),
        "instructor": ("panel mentor", "专项导师"), "mentor": ("mentor", "指导者")}),
})

DEFAULT_TIME_ZONE = "Asia/Shanghai"
MEETING_MINUTES_RANGE = (15, 300)  # a meeting starts with its part of the day and ends before the next
WEEKS_RANGE = (1, 104)


def english_plural(word: str) -> str:
    """`coach` → `coaches`, `young director` → `young directors` (role names are ordinary nouns)."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s" if word else word


@dataclass(frozen=True)
class ProgramProperties:
    """What a program is: its name, calendar dates, meeting rhythm, language, time zone and the words it
    uses for its people. `name` and `start` are the same stored values as `Settings.name` and
    `Settings.start_date` (a run keeps the settings it was solved with)."""

    name: str = "Talent program"
    start: dt.date | None = None
    weeks: int = 26
    cadence: Cadence = Cadence.WEEKLY
    meeting_minutes: int = 120
    language: str = "en"
    time_zone: str = DEFAULT_TIME_ZONE
    kind: ProgramKind = ProgramKind.TALENT
    roles: tuple[tuple[str, str, str], ...] = tuple(  # (role, English, Chinese)
        (role, *ROLE_TEMPLATES[ProgramKind.TALENT][role]) for role in PROGRAM_ROLES)

    @property
    def meetings_per_team(self) -> int:
        return self.cadence.meetings(self.weeks)

    def role_word(self, role: str, lang: str) -> str:
        for name, en, zh in self.roles:
            if name == role:
                return zh if lang == "zh" else en
        return role

    def role_names(self):
        """The program's words for its people, for `pairing.words.Renderer(lang, roles=...)`."""
        from pairing.words import RoleName, role_names

        return role_names({role: RoleName(en, english_plural(en), zh) for role, en, zh in self.roles})

    def to_json(self) -> dict:
        """The `program --json` contract."""
        return {
            "name": self.name, "start": self.start.isoformat() if self.start else None, "weeks": self.weeks,
            "cadence": str(self.cadence), "meeting_minutes": self.meeting_minutes,
            "roles": {role: {"en": en, "zh": zh} for role, en, zh in self.roles},
            "kind": str(self.kind), "language": self.language, "time_zone": self.time_zone,
        }


def template_roles(kind: ProgramKind) -> tuple[tuple[str, str, str], ...]:
    return tuple((role, *ROLE_TEMPLATES[kind][role]) for role in PROGRAM_ROLES)


# --- the meeting schedule of a run (issue 10): plain values, read by storage, exports and the window ---


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

    def stale_teams(self, result: "RunResult") -> tuple[str, ...]:
        """Teams whose people changed since the schedule was made (a manual change after scheduling)."""
        people = {m.team: set(m.people) for m in self.meetings}
        return tuple(t.director for t in result.teams
                     if t.director in people and people[t.director] != {t.director, *t.mentors})

    def to_json(self, render) -> dict:
        """The `schedule --json` contract; `render` turns the reasons into sentences."""
        return {"meetings": [m.to_json() for m in self.meetings],
                "unscheduled": [{"team": u.team, "missing": u.missing, "why": render(u.why)}
                                for u in self.unscheduled]}
