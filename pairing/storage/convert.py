"""Conversions between stored rows and the plain domain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

from pairing.domain import (
    Person, Role, RunResult, RunStatus, Settings, Team, Unmatched, Weights,
)
from pairing.storage.models import PersonRow, ProgramRow, RunRow, RunTeamRow
from pairing.words import from_json, to_json

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


def settings_from_row(row: ProgramRow) -> Settings:
    known = {f.name for f in fields(Weights)}
    weights = Weights(**{k: float(v) for k, v in (row.weights or {}).items() if k in known})
    return Settings(
        name=row.name, calendar=tuple(row.calendar) or Settings().calendar, start_date=row.start_date,
        instructors_min=row.instructors_min, instructors_max=row.instructors_max,
        require_meeting=row.require_meeting, avoid_same_organization=row.avoid_same_organization,
        fairness=row.fairness, time_limit_s=row.time_limit_s,
        stability_threshold=row.stability_threshold, weights=weights,
    )


def apply_settings(row: ProgramRow, settings: Settings) -> None:
    row.name = settings.name
    row.calendar = list(settings.calendar)
    row.start_date = settings.start_date
    row.instructors_min = settings.instructors_min
    row.instructors_max = settings.instructors_max
    row.require_meeting = settings.require_meeting
    row.avoid_same_organization = settings.avoid_same_organization
    row.fairness = settings.fairness
    row.time_limit_s = settings.time_limit_s
    row.stability_threshold = settings.stability_threshold
    row.weights = settings.weights.as_dict()


def settings_to_json(settings: Settings) -> dict:
    data = asdict(settings)
    data["calendar"] = list(settings.calendar)
    data["start_date"] = settings.start_date.isoformat() if settings.start_date else None
    return data


def settings_from_json(data: dict) -> Settings:
    data = dict(data)
    data["calendar"] = tuple(data.get("calendar") or Settings().calendar)
    start = data.get("start_date")
    data["start_date"] = dt.date.fromisoformat(start) if start else None
    data["weights"] = Weights(**data.get("weights", {}))
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in data.items() if k in known})


def team_row(team: Team, position: int) -> RunTeamRow:
    return RunTeamRow(
        position=position, director=team.director, producer=team.producer,
        instructors=list(team.instructors), score=team.score, breakdown=dict(team.breakdown),
        meeting_slots=list(team.meeting_slots), locked=list(team.locked),
        reasons=[to_json(r) for r in team.reasons],
    )


def team_from_row(row: RunTeamRow) -> Team:
    return Team(
        director=row.director, producer=row.producer, instructors=tuple(row.instructors),
        score=row.score, breakdown=dict(row.breakdown), meeting_slots=tuple(row.meeting_slots),
        locked=tuple(row.locked), reasons=tuple(from_json(r) for r in row.reasons),
    )


def unmatched_json(result: RunResult) -> list[dict]:
    return [{"id": u.id, "why": to_json(u.why)} for u in result.unmatched]


def diagnosis_json(result: RunResult) -> list:
    return [to_json(d) for d in result.diagnosis]


def result_from_row(row: RunRow) -> RunResult:
    return RunResult(
        status=RunStatus(row.status), objective=row.objective, bound=row.bound, wall_s=row.wall_s,
        teams=tuple(team_from_row(t) for t in row.teams),
        unmatched=tuple(Unmatched(u["id"], from_json(u["why"])) for u in row.unmatched),
        diagnosis=tuple(from_json(d) for d in row.diagnosis), teams_changed=row.teams_changed,
    )
