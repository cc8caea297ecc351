"""Several viewers of one program (issue 11): what changed since a viewer last looked, whether the rows it is
about to write are the ones it saw, and who else has the program open.

The counting is done by the database's triggers (migration 0006), so it sees every writer: windows, the
command line, another computer on a shared PostgreSQL database. Functions take the caller's session.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
import uuid
from dataclasses import dataclass
from typing import Iterable, Mapping

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from pairing.storage.models import ChangeCounterRow, PersonRow, ProgramRow, ViewerRow

# A viewer on another computer (a shared PostgreSQL database; or any viewer on Windows) counts as gone when
# it has not said it is there for this long; one on this POSIX computer is gone when its process is.
SEEN_EVERY_S = 30
GONE_AFTER_S = 3 * SEEN_EVERY_S


def change_counts(session: Session) -> dict[str, int]:
    """Table name → how many changes it has seen. Compare two readings to know what changed in between."""
    return {name: value for name, value in session.execute(select(ChangeCounterRow.name, ChangeCounterRow.value))}


def changed_tables(before: Mapping[str, int], after: Mapping[str, int]) -> frozenset[str]:
    return frozenset(name for name, value in after.items() if before.get(name) != value)


def person_versions(session: Session, ids: Iterable[str] | None = None) -> dict[str, int]:
    """Person id → the version of their row (every update raises it by one)."""
    query = select(PersonRow.id, PersonRow.version)
    if ids is not None:
        query = query.where(PersonRow.id.in_(list(ids)))
    return {person_id: version for person_id, version in session.execute(query)}


def settings_version(session: Session) -> int:
    return session.scalar(select(ProgramRow.version)) or 0


class StaleRows(Exception):
    """The rows a viewer is about to write are not the ones it saw: `changed` were edited and `gone` were
    deleted by someone else since (ids); `settings` when the program's settings changed."""

    def __init__(self, changed: tuple[str, ...] = (), gone: tuple[str, ...] = (), settings: bool = False) -> None:
        super().__init__(changed, gone, settings)
        self.changed, self.gone, self.settings = tuple(changed), tuple(gone), settings

    def __str__(self) -> str:
        parts = [f"changed: {', '.join(self.changed)}" if self.changed else "",
                 f"deleted: {', '.join(self.gone)}" if self.gone else "", "settings" if self.settings else ""]
        return "stale rows (" + "; ".join(p for p in parts if p) + ")"


def check_versions(session: Session, people: Mapping[str, int] | None = None,
                   settings: int | None = None) -> None:
    """Raise StaleRows unless every person has the version the viewer saw (and the settings, if given).

    Call it inside the write's transaction, before writing: a lost update is refused, never written."""
    people = dict(people or {})
    now = person_versions(session, people)
    changed = tuple(sorted(i for i, v in people.items() if i in now and now[i] != v))
    gone = tuple(sorted(i for i in people if i not in now))
    stale_settings = settings is not None and settings_version(session) != settings
    if changed or gone or stale_settings:
        raise StaleRows(changed, gone, stale_settings)


# -- viewers -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Viewer:
    """Another window that has the program open."""

    host: str
    pid: int
    user: str
    read_only: bool
    started: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def add_viewer(session: Session, *, read_only: bool = False) -> str:
    """Say that this process has the program open; returns the id to touch and remove later."""
    viewer_id = uuid.uuid4().hex
    session.add(ViewerRow(id=viewer_id, host=socket.gethostname(), pid=os.getpid(), user=_user(),
                          read_only=read_only, started=_now(), seen=_now()))
    return viewer_id


def touch_viewer(session: Session, viewer_id: str) -> None:
    session.execute(update(ViewerRow).where(ViewerRow.id == viewer_id).values(seen=_now()))


def remove_viewer(session: Session, viewer_id: str) -> None:
    session.execute(delete(ViewerRow).where(ViewerRow.id == viewer_id))


def other_viewers(session: Session, viewer_id: str | None = None) -> list[Viewer]:
    """The other windows that have the program open now; rows of windows that are gone are removed."""
    found, gone = [], []
    for row in session.scalars(select(ViewerRow).where(ViewerRow.id != (viewer_id or ""))):
        if _alive(row):
            found.append(Viewer(row.host, row.pid, row.user, row.read_only, row.started))
        else:
            gone.append(row.id)
    if gone:
        session.execute(delete(ViewerRow).where(ViewerRow.id.in_(gone)))
    return found


def _alive(row: ViewerRow) -> bool:
    if row.host == socket.gethostname() and os.name == "posix":
        return _process_exists(row.pid)
    return (_now() - row.seen).total_seconds() < GONE_AFTER_S


def _process_exists(pid: int) -> bool:
    """POSIX only: signal 0 asks whether the process exists (on Windows it would send Ctrl+C)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists (another user's process), or this system cannot tell: assume it does
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
