"""The program's properties (issue 10): name, first week, length, cadence, meeting length, language, time
zone, kind and role names. Read them, or save new ones; undo puts back the old ones."""

from __future__ import annotations

from typing import Mapping

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo, undo_step
from pairing.domain import ProgramProperties
from pairing.storage import program_repo


def properties(session: Session) -> ProgramProperties:
    return program_repo.get_properties(session)


def role_names(session: Session) -> Mapping:
    """The program's words for its people, for `pairing.words.Renderer(lang, roles=...)`: what the window,
    the sheets and the command line say where a role is named."""
    return program_repo.get_properties(session).role_names()


@undo_step("properties.save")
def save_properties(session: Session, new: ProgramProperties) -> Done:
    before = program_repo.get_properties(session)
    program_repo.save_properties(session, new)
    return Done(ChangeSet(settings=before != new), Undo("properties.save", {"new": before}), new)
