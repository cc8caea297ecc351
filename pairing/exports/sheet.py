"""The export-ready sheet model: a saved run joined with its roster, labelled in the user's language.

Every format (CSV, XLSX, PDF, ICS) is written from this one model, so they agree on what a team is,
and e-mail and phone are dropped here, once, unless contacts are included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pairing.calendar import slot_label, sort_slots
from pairing.criteria import BONUS_KEYS, ordered
from pairing.domain import Person, Program, Role, RunStatus, SavedRun, Settings, Team
from pairing.errors import UserError
from pairing.exports.labels import criterion_text, lang_of, status_text, text
from pairing.vocabulary import Vocabulary
from pairing.words import SlotRef, msg, render


@dataclass(frozen=True)
class Member:
    """One person of a team as the sheets show them; contacts are blank unless included."""

    id: str
    name: str
    role: Role | None
    role_label: str
    organization: str = ""
    email: str = ""
    phone: str = ""

    @property
    def display(self) -> str:
        """`Wang Fang (D01)`: names for people, ids to tell namesakes apart."""
        return f"{self.name} ({self.id})" if self.name != self.id else self.id


@dataclass(frozen=True)
class Criterion:
    """One line of a team's score breakdown: its weighted points and the most it could give."""

    key: str
    label: str
    value: float
    maximum: float = 100.0


@dataclass(frozen=True)
class TeamSheet:
    number: int
    director: Member
    producer: Member | None
    instructors: tuple[Member, ...]
    score: float
    breakdown: tuple[Criterion, ...]
    meeting_slots: tuple[str, ...]
    meeting_labels: tuple[str, ...]
    shared_genres: tuple[str, ...]
    needs_covered: tuple[str, ...]
    reasons: tuple[str, ...]
    locked: tuple[str, ...]

    @property
    def mentors(self) -> tuple[Member, ...]:
        return ((self.producer,) if self.producer else ()) + self.instructors

    @property
    def members(self) -> tuple[Member, ...]:
        return (self.director,) + self.mentors


@dataclass(frozen=True)
class UnmatchedSheet:
    director: Member
    why: str


@dataclass(frozen=True)
class Sheet:
    """A run ready to export: header facts, teams, unmatched directors, in one language."""

    lang: str
    program: Program
    run_id: int
    created: dt.datetime
    status: str
    status_label: str
    total: float  # the teams' scores as curators read them (no stability bonus)
    better_possible: str  # "best possible", "at most 3.2 % better is possible", or —
    wall_s: float
    settings: Settings
    teams: tuple[TeamSheet, ...]
    unmatched: tuple[UnmatchedSheet, ...]
    diagnosis: tuple[str, ...]
    include_contacts: bool

    @property
    def created_text(self) -> str:
        """When the run was made, in the computer's local time (storage keeps UTC)."""
        created = self.created if self.created.tzinfo else self.created.replace(tzinfo=dt.timezone.utc)
        return created.astimezone().strftime("%Y-%m-%d %H:%M")

    def label(self, key: str) -> str:
        """A word of the sheets; role words (`director`, `producer`, `instructor(s)`, `directors`) in the
        program's own names, e.g. a screenwriting camp's "Screenwriter" / "编剧学员" (issue 10)."""
        return role_label(key, self.lang, self.program.properties) or text(key, self.lang)

    @property
    def program_name(self) -> str:
        return self.program.settings.name

    @property
    def partial(self) -> bool:
        return self.status in (RunStatus.INFEASIBLE, RunStatus.UNKNOWN)

    @property
    def note(self) -> str | None:
        """The warning every format carries when the run could not satisfy every hard rule."""
        return text("partial", self.lang) if self.partial else None


ROLE_LABELS = {"director": ("director", False), "producer": ("producer", False),
               "instructor": ("instructor", False), "instructors": ("instructor", True),
               "directors": ("director", True)}


def role_label(key: str, lang: str, properties) -> str | None:
    """The program's word for a role key of the sheets, capitalised; None for other keys or no program."""
    if properties is None:
        return None
    if key == "unmatched_count":  # "Unmatched screenwriters" / "未匹配编剧学员"
        plural = properties.role_names()["director"].word(lang_of(lang), True)
        return f"{text('unmatched', lang)} {plural}" if lang_of(lang) == "en" else f"{text('unmatched', lang)}{plural}"
    if key not in ROLE_LABELS:
        return None
    role, plural = ROLE_LABELS[key]
    word = properties.role_names()[role].word(lang_of(lang), plural)
    return word[:1].upper() + word[1:]


def require_teams(run: SavedRun | None) -> SavedRun:
    """The run to export, or a UserError with a message when there is nothing to export."""
    if run is None:
        raise UserError(msg("sheets.no_run"))
    if not run.result.teams:
        why = run.result.diagnosis or (msg("sheets.no_team_formed"),)
        raise UserError(msg("sheets.no_teams", run=run.id, status=msg(f"status.{run.result.status}"),
                            why=why))
    return run


def build_sheet(program: Program, run: SavedRun, *, lang: str = "en", include_contacts: bool = False) -> Sheet:
    """The sheet model of a run in one language: the reasons, unmatched and diagnosis stored with the run
    (as solved) rendered with the program's vocabulary and role names."""
    run = require_teams(run)
    lang = lang_of(lang)
    renderer = program.renderer(lang)
    people = program.by_id()
    context = _Context(people, renderer.vocabulary, run.settings, lang, include_contacts, program.properties)
    teams = tuple(
        _team_sheet(i, team, context, renderer.sentences(team.reasons))
        for i, team in enumerate(run.result.teams, start=1)
    )
    unmatched = tuple(UnmatchedSheet(context.member(u.id), renderer(u.why)) for u in run.result.unmatched)
    result = run.result
    return Sheet(
        lang=lang, program=program, run_id=run.id, created=run.created, status=str(result.status),
        status_label=status_text(str(result.status), lang), total=result.total_score,
        better_possible=renderer(result.better_possible) if result.better_possible else text("none", lang),
        wall_s=result.wall_s, settings=run.settings, teams=teams, unmatched=unmatched,
        diagnosis=tuple(renderer.sentences(result.diagnosis)), include_contacts=include_contacts,
    )


@dataclass(frozen=True)
class _Context:
    people: dict[str, Person]
    vocabulary: Vocabulary
    settings: Settings
    lang: str
    include_contacts: bool
    properties: object = None  # the program's ProgramProperties: its role names

    def member(self, person_id: str) -> Member:
        person = self.people.get(person_id)
        if person is None:  # removed from the roster after the run: still show who it was
            return Member(person_id, person_id, None, text("removed", self.lang))
        contacts = (person.email, person.phone) if self.include_contacts else ("", "")
        return Member(person.id, person.name, person.role, role_label(str(person.role), self.lang, self.properties)
                      or text(str(person.role), self.lang),
                      person.organization, *contacts)

    def person(self, person_id: str | None) -> Person | None:
        return self.people.get(person_id) if person_id else None


def _meeting_label(slot: str, team: Team, lang: str) -> str:
    """A shared slot in the sheet's language; the team's weekly time (distinct mentor slots) says so."""
    if slot == team.weekly_slot:
        return render(msg("engine.weekly_slot_mark", slot=SlotRef(slot)), lang)
    return slot_label(slot, lang)


def _team_sheet(number: int, team: Team, context: _Context, reasons) -> TeamSheet:
    director = context.person(team.director)
    mentors = [p for p in map(context.person, team.mentors) if p is not None]
    slots = sort_slots(team.meeting_slots)
    if team.weekly_slot in slots:  # the team's own weekly time first (distinct mentor slots, eng-rule)
        slots = (team.weekly_slot, *(s for s in slots if s != team.weekly_slot))
    return TeamSheet(
        number=number,
        director=context.member(team.director),
        producer=context.member(team.producer) if team.producer else None,
        instructors=tuple(context.member(i) for i in team.instructors),
        score=team.shown_score,
        breakdown=_breakdown(team, context.settings, context.lang),
        meeting_slots=slots,
        meeting_labels=tuple(_meeting_label(s, team, context.lang) for s in slots),
        shared_genres=_labels(context, "genre", shared_genres(director, mentors)),
        needs_covered=_labels(context, "skill", needs_covered(director, mentors)),
        reasons=tuple(reasons),
        locked=tuple(team.locked),
    )


def shared_genres(director: Person | None, mentors: list[Person]) -> tuple[str, ...]:
    """The director's genres that at least one mentor of the team also works in."""
    theirs = {g for m in mentors for g in m.genres}
    return tuple(g for g in director.genres if g in theirs) if director else ()


def needs_covered(director: Person | None, mentors: list[Person]) -> tuple[str, ...]:
    """The director's needs that the team's skills cover."""
    skills = {s for m in mentors for s in m.skills}
    return tuple(n for n in director.needs if n in skills) if director else ()


def _labels(context: _Context, kind: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(context.vocabulary.label(kind, key, context.lang) for key in keys)


def _breakdown(team: Team, settings: Settings, lang: str) -> tuple[Criterion, ...]:
    order = ordered(team.breakdown)
    maxima = criterion_maxima(settings, order)
    return tuple(Criterion(c, criterion_text(c, lang), float(team.breakdown[c]), maxima.get(c, 100.0))
                 for c in order if c not in BONUS_KEYS)  # a bonus is said in the reasons, not scored


def criterion_maxima(settings: Settings, criteria: list[str]) -> dict[str, float]:
    """The most points each criterion can add to a team's score, as the engine weighs them: each
    criterion is worth 0–100 times its weight over the sum of the weights of a team's score in play (a
    bonus such as stability is on top of it, and keeping a previous team adds the stability threshold)."""
    weights = settings.weights.as_dict()
    total = sum(weights.get(c, 0.0) for c in criteria if c not in BONUS_KEYS) or 1.0
    maxima = {c: 100.0 * weights[c] / total for c in criteria if c in weights}
    if "stability" in maxima:
        maxima["stability"] += settings.stability_threshold
    return maxima
