"""Data functions over an open program. Each takes the caller's session; none opens or commits one."""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, aliased

from pairing.domain import IdMaker, Lock, Person, Program, Role, RunResult, SavedRun, Settings
from pairing.storage.convert import (
    apply_settings, diagnosis_json, person_from_row, person_values, result_from_row, settings_from_json,
    settings_from_row, settings_to_json, team_row, unmatched_json,
)
from pairing.storage.models import CustomTermRow, ImportMappingRow, LockRow, PersonRow, ProgramRow, RunRow


class NotFound(LookupError):
    """A person, lock or run that is not in the program; the message names it."""


# -- settings ---------------------------------------------------------------------------------

def _program_row(session: Session) -> ProgramRow:
    row = session.scalars(select(ProgramRow).limit(1)).first()
    if row is None:
        row = ProgramRow()
        apply_settings(row, Settings())
        session.add(row)
        session.flush()
    return row


def get_settings(session: Session) -> Settings:
    return settings_from_row(_program_row(session))


def save_settings(session: Session, settings: Settings) -> None:
    apply_settings(_program_row(session), settings)


# -- people -----------------------------------------------------------------------------------

def list_people(session: Session, role: Role | None = None) -> list[Person]:
    query = select(PersonRow).order_by(PersonRow.pk)
    if role is not None:
        query = query.where(PersonRow.role == str(role))
    return [person_from_row(row) for row in session.scalars(query)]


def get_person(session: Session, person_id: str) -> Person:
    return person_from_row(_person_row(session, person_id))


def _person_row(session: Session, person_id: str) -> PersonRow:
    row = session.scalars(select(PersonRow).where(PersonRow.id == person_id)).first()
    if row is None:
        raise NotFound(f"No person with id {person_id} in this program.")
    return row


def count_people(session: Session) -> dict[Role, int]:
    rows = session.execute(select(PersonRow.role, func.count()).group_by(PersonRow.role))
    counts = {role: 0 for role in Role}
    counts.update({Role(role): n for role, n in rows})
    return counts


def add_people(session: Session, people: Iterable[Person]) -> None:
    """Insert new people in bulk (ids must not exist yet)."""
    values = [person_values(p) for p in people]
    if values:
        session.execute(PersonRow.__table__.insert(), values)


def update_people(session: Session, people: Iterable[Person]) -> None:
    """Replace the stored fields of existing people, matched by id."""
    for person in people:
        row = _person_row(session, person.id)
        for name, value in person_values(person).items():
            setattr(row, name, value)


def save_person(session: Session, person: Person, *, old_id: str | None = None) -> None:
    """Insert or update one person; `old_id` renames an existing person (locks follow)."""
    key = old_id or person.id
    row = session.scalars(select(PersonRow).where(PersonRow.id == key)).first()
    if row is None:
        session.add(PersonRow(**person_values(person)))
        return
    for name, value in person_values(person).items():
        setattr(row, name, value)


def delete_person(session: Session, person_id: str) -> None:
    session.delete(_person_row(session, person_id))


def next_free_id(session: Session, role: Role, taken: set[str] = frozenset()) -> str:
    """A new roster id for a role (`D25`, `P09`, `I15`), after the highest one in use: the same rule as
    the import, so a deleted person's id is never given to someone else."""
    return IdMaker(set(session.scalars(select(PersonRow.id))) | set(taken)).make(role)


# -- vocabulary -------------------------------------------------------------------------------

def custom_terms(session: Session) -> dict[str, tuple[str, ...]]:
    terms: dict[str, list[str]] = {"genre": [], "skill": []}
    for row in session.scalars(select(CustomTermRow).order_by(CustomTermRow.pk)):
        terms.setdefault(row.kind, []).append(row.key)
    return {kind: tuple(keys) for kind, keys in terms.items()}


def add_custom_terms(session: Session, kind: str, keys: Iterable[str]) -> None:
    known = set(custom_terms(session).get(kind, ()))
    for key in dict.fromkeys(keys):
        if key not in known:
            session.add(CustomTermRow(kind=kind, key=key))


# -- locks ------------------------------------------------------------------------------------

def list_locks(session: Session) -> list[Lock]:
    director, mentor = aliased(PersonRow), aliased(PersonRow)
    query = (
        select(director.id, mentor.id)
        .select_from(LockRow)
        .join(director, LockRow.director_pk == director.pk)
        .join(mentor, LockRow.mentor_pk == mentor.pk)
        .order_by(LockRow.pk)
    )
    return [Lock(d, m) for d, m in session.execute(query)]


def add_lock(session: Session, lock: Lock) -> None:
    director = _person_row(session, lock.director)
    mentor = _person_row(session, lock.mentor)
    if director.role != Role.DIRECTOR or mentor.role == Role.DIRECTOR:
        raise ValueError(f"A lock pairs a director with a mentor; {lock.director}–{lock.mentor} does not.")
    if lock not in list_locks(session):
        session.add(LockRow(director_pk=director.pk, mentor_pk=mentor.pk))


def remove_lock(session: Session, lock: Lock) -> None:
    director = _person_row(session, lock.director)
    mentor = _person_row(session, lock.mentor)
    session.execute(
        delete(LockRow).where(LockRow.director_pk == director.pk, LockRow.mentor_pk == mentor.pk)
    )


# -- runs -------------------------------------------------------------------------------------

def save_run(session: Session, settings: Settings, result: RunResult, *, restore: SavedRun | None = None) -> int:
    """Store a run; `restore` puts a deleted run back under its own number and date (an undone delete)."""
    row = RunRow(
        **({"id": restore.id, "created": restore.created} if restore else {}),
        settings=settings_to_json(settings), status=str(result.status), objective=result.objective,
        bound=result.bound, wall_s=result.wall_s, teams_changed=result.teams_changed,
        unmatched=unmatched_json(result), diagnosis=diagnosis_json(result),
        teams=[team_row(team, i) for i, team in enumerate(result.teams)],
    )
    session.add(row)
    session.flush()
    return row.id


def _saved(row: RunRow) -> SavedRun:
    return SavedRun(row.id, row.created, settings_from_json(row.settings), result_from_row(row))


def list_runs(session: Session) -> list[SavedRun]:
    return [_saved(row) for row in session.scalars(select(RunRow).order_by(RunRow.id))]


def run_numbers(session: Session) -> list[int]:
    """The numbers of the program's runs, oldest first (one small query: no teams read)."""
    return list(session.scalars(select(RunRow.id).order_by(RunRow.id)))


def get_run(session: Session, run_id: int) -> SavedRun:
    row = session.get(RunRow, run_id)
    if row is None:
        raise NotFound(f"No run number {run_id} in this program.")
    return _saved(row)


def latest_run(session: Session) -> SavedRun | None:
    row = session.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(1)).first()
    return _saved(row) if row else None


def delete_run(session: Session, run_id: int) -> None:
    row = session.get(RunRow, run_id)
    if row is None:
        raise NotFound(f"No run number {run_id} in this program.")
    session.delete(row)


def replace_run_result(session: Session, run_id: int, result: RunResult) -> None:
    """Store a curator's manual change to a run (a swapped mentor): its teams, unmatched and score."""
    row = session.get(RunRow, run_id)
    if row is None:
        raise NotFound(f"No run number {run_id} in this program.")
    row.status, row.objective = str(result.status), result.objective
    row.unmatched, row.diagnosis = unmatched_json(result), diagnosis_json(result)
    row.teams = [team_row(team, i) for i, team in enumerate(result.teams)]


# -- the whole program ------------------------------------------------------------------------

def load_program(session: Session) -> Program:
    """Settings, roster, locks, custom terms and the latest run's result, as plain values."""
    latest = latest_run(session)
    return Program(
        settings=get_settings(session),
        people=tuple(list_people(session)),
        locks=tuple(list_locks(session)),
        custom_terms=custom_terms(session),
        previous=latest.result if latest else None,
        properties=properties_from_row(_program_row(session)),
    )


def properties_from_row(row):
    from pairing.storage.program_repo import properties_from_row as convert

    return convert(row)


# -- import mappings (issue 13) -----------------------------------------------------------------

def import_mapping(session: Session, signature: str) -> dict[str, str]:
    """The column choices remembered for files whose header has this signature ({} when none)."""
    row = session.get(ImportMappingRow, signature)
    return dict(row.mapping) if row is not None else {}


def save_import_mapping(session: Session, signature: str, mapping: dict[str, str]) -> None:
    """Remember (or forget, with an empty mapping) the column choices for a header signature."""
    row = session.get(ImportMappingRow, signature)
    if not mapping:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(ImportMappingRow(signature=signature, mapping=dict(mapping)))
    else:
        row.mapping = dict(mapping)
