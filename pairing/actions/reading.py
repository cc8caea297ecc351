"""What the window and the command line read from a program, as plain values (no action, no change)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pairing.domain import Lock, Person, Program, Role, SavedRun, Settings
from pairing.storage import repo
from pairing.vocabulary import Vocabulary, program_vocabulary


def program(session: Session) -> Program:
    """Settings, roster, locks, custom terms and the latest run's result."""
    return repo.load_program(session)


def people(session: Session, role: Role | None = None) -> list[Person]:
    return repo.list_people(session, role)


def count_people(session: Session) -> dict[Role, int]:
    return repo.count_people(session)


def locks(session: Session) -> list[Lock]:
    return repo.list_locks(session)


def settings(session: Session) -> Settings:
    return repo.get_settings(session)


def runs(session: Session) -> list[SavedRun]:
    return repo.list_runs(session)


def run_numbers(session: Session) -> list[int]:
    """Every run's number, oldest first, without reading their teams."""
    return repo.run_numbers(session)


def latest_run(session: Session) -> SavedRun | None:
    return repo.latest_run(session)


def custom_terms(session: Session) -> dict[str, tuple[str, ...]]:
    return repo.custom_terms(session)


def vocabulary(session: Session) -> Vocabulary:
    """The built-in vocabulary plus the program's custom terms."""
    return program_vocabulary(repo.custom_terms(session))
