"""Shared builders for the window-shell tests: small programs, documents and throwaway settings."""

from __future__ import annotations

from pairing.domain import Lock, Person, Role
from pairing.storage import repo
from ui.document import ProgramDocument
from ui.settings_store import SettingsStore


def sample_people() -> list[Person]:
    return [
        Person("D01", "陈思远", Role.DIRECTOR, organization="北影青年工作室", genres=("drama", "coming-of-age"),
               needs=("screenwriting", "editing"), availability=("Mon PM", "Tue PM"), languages=("Mandarin",),
               prefers=("P01", "I01")),
        Person("D02", "Lin Xiaoyu", Role.DIRECTOR, genres=("sci-fi",), needs=("vfx",), availability=("Tue EVE",),
               avoid=("P02",)),
        Person("D03", "Maya Okafor", Role.DIRECTOR, genres=("documentary",), needs=("cinematography",)),
        Person("P01", "Zhou Min", Role.PRODUCER, genres=("drama",), skills={"producing": 5}, capacity=3),
        Person("P02", "Helen Ma", Role.PRODUCER, genres=("sci-fi", "horror"), skills={"financing": 3}),
        Person("I01", "Ana Costa", Role.INSTRUCTOR, skills={"editing": 4, "di-grading": 3}, capacity=2),
        Person("I02", "王磊", Role.INSTRUCTOR, skills={"vfx": 5}, availability=("Tue EVE",)),
    ]


def make_document(path, people=None, locks=()) -> ProgramDocument:
    document = ProgramDocument.open(path)
    with document.store.sessions.begin() as session:
        repo.add_people(session, sample_people() if people is None else people)
        for lock in locks:
            repo.add_lock(session, lock)
    document.poll()  # its own set-up: seen, so it does not count as another viewer's change
    document.undo_stack.clear()
    return document


def roster_state(document: ProgramDocument) -> tuple[dict[str, Person], set[Lock]]:
    """People by id and the set of locks: what undo must restore exactly."""
    program = document.program()
    return {p.id: p for p in program.people}, set(program.locks)


def temp_settings(tmp_path) -> SettingsStore:
    return SettingsStore.at(tmp_path / "settings.ini")


def mark_seen(document: ProgramDocument) -> None:
    """The window has shown every person and the settings as they are now (what a roster page does)."""
    from pairing.actions import viewers

    with document.store.sessions() as session:
        document.saw(viewers.person_versions(session), viewers.settings_version(session))
