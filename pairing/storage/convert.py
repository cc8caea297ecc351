"""Conversions between stored rows and the plain domain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from pairing.domain import (
    CRITERIA, Person, Role, RunResult, RunStatus, Settings, Team, Unmatched, Weights,
)
from pairing.schema import SETTINGS
from pairing.storage.models import PersonRow, ProgramRow, RunRow, RunTeamRow
from pairing.words import Message, from_json, msg, to_json

PERSON_FIELDS = tuple(f.name for f in fields(Person))


def person_from_row(row: PersonRow) -> Person:
    return Person(
        id=row.id, name=row.name, role=Role(row.role), email=row.email, phone=row.phone,
        organization=row.organization, genres=tuple(row.genres), skills=dict(row.skills),
        needs=tuple(row.needs), availability=tuple(row.availability), capacity=row.capacity,
        languages=tuple(row.languages), prefers=tuple(row.prefers), avoid=tuple(row.avoid),
        notes=row.notes, extra=dict(row.extra),
    )


def person_values(person: Person) -> dict:
    """Column values of a person, JSON-ready."""
    values = {name: getattr(person, name) for name in PERSON_FIELDS}
    for name in ("genres", "needs", "availability", "languages", "prefers", "avoid"):
        values[name] = list(values[name])
    values["skills"] = dict(person.skills)
    values["extra"] = dict(person.extra)
    values["role"] = str(person.role)
    return values


def weights_from(data: dict | None) -> Weights:
    """Stored weights: a criterion the program does not know yet gets its default, an unknown key is dropped."""
    return Weights(**{k: float(v) for k, v in (data or {}).items() if k in CRITERIA})


def settings_from_row(row: ProgramRow) -> Settings:
    """The program row's columns, named as the settings of pairing/schema.py."""
    values = {s.name: s.from_json(getattr(row, s.name)) for s in SETTINGS}
    return Settings(**values, weights=weights_from(row.weights))


def apply_settings(row: ProgramRow, settings: Settings) -> None:
    for s in SETTINGS:
        value = getattr(settings, s.name)
        setattr(row, s.name, value if s.type is dt.date else s.to_json(value))
    row.weights = settings.weights.as_dict()


def settings_to_json(settings: Settings) -> dict:
    """The settings a run keeps, as JSON (every setting of the schema, and the weights)."""
    return {**{s.name: s.to_json(getattr(settings, s.name)) for s in SETTINGS}, "weights": settings.weights.as_dict()}


def settings_from_json(data: dict) -> Settings:
    values = {s.name: s.from_json(data.get(s.name)) for s in SETTINGS}
    return Settings(**values, weights=weights_from(data.get("weights")))


def team_row(team: Team, position: int) -> RunTeamRow:
    return RunTeamRow(
        position=position, director=team.director, producer=team.producer,
        instructors=list(team.instructors), score=team.score, breakdown=dict(team.breakdown),
        meeting_slots=list(team.meeting_slots), locked=list(team.locked),
        reasons=[to_json(r) for r in team.reasons], weekly_slot=team.weekly_slot,
    )


def team_from_row(row: RunTeamRow) -> Team:
    return Team(
        director=row.director, producer=row.producer, instructors=tuple(row.instructors),
        score=row.score, breakdown=dict(row.breakdown), meeting_slots=tuple(row.meeting_slots),
        locked=tuple(row.locked), reasons=tuple(saved_explanation(r) for r in row.reasons),
        weekly_slot=row.weekly_slot,
    )


def unmatched_json(result: RunResult) -> list[dict]:
    return [{"id": u.id, "why": to_json(u.why)} for u in result.unmatched]


def diagnosis_json(result: RunResult) -> list:
    return [to_json(d) for d in result.diagnosis]


def result_from_row(row: RunRow) -> RunResult:
    return RunResult(
        status=RunStatus(row.status), objective=row.objective, bound=row.bound, wall_s=row.wall_s,
        teams=tuple(team_from_row(t) for t in row.teams),
        unmatched=tuple(Unmatched(u["id"], saved_explanation(u["why"])) for u in row.unmatched),
        diagnosis=tuple(saved_explanation(d) for d in row.diagnosis), teams_changed=row.teams_changed,
    )


def saved_explanation(data):
    """A stored explanation. A sentence of a run saved before explanations were values (migration 0004
    kept those it could not read back as `words.untranslated`) says, in either language, that it is an
    older version's words (issue 8: no explanation is shown as if it were in the reader's language)."""
    message = from_json(data)
    if isinstance(message, Message) and message.code == "words.untranslated":
        return msg("words.older_explanation", text=message.arg("text"))
    return message
