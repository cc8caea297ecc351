"""Change the program settings (rules, weights, calendar, solver defaults); undo restores the old ones."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pairing.actions.changes import ChangeSet, Done, Undo, undo_step
from pairing.domain import Settings
from pairing.storage import repo


@undo_step("settings.save")
def save_settings(session: Session, settings: Settings) -> Done:
    before = repo.get_settings(session)
    repo.save_settings(session, settings)
    return Done(ChangeSet(settings=True), Undo("settings.save", {"settings": before}))
