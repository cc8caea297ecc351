"""Opening a program: a `.pairing` SQLite file or a database URL, identified, migrated once, faults as sentences.

What is promised here (issue 12, docs/reliability.md):
- a program file says what it is: SQLite's `application_id` is `APPLICATION_ID` and its `user_version`
  the number of schema revisions it has; a database of another application is refused untouched;
- read-only opening (`open_program(…, read_only=True)`) never writes: no migration, SQLite's `mode=ro`,
  and on read-only media (where WAL cannot make its `-shm` file) the file is read as immutable;
- a writable program of an older schema is copied to `NAME.pairing.bak` first, then migrated, once
  (the migration holds the write lock, so a second process finds it done);
- a writer takes the program's write lock before it reads (`ProgramStore.writing`), waiting for another
  program that is writing (and saying so), so ids and checks computed from what it read stay true when
  it commits.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pairing.errors import UserError
from pairing.faults import mask_secrets, path_kind
from pairing.words import Message, msg

MIGRATIONS = Path(__file__).with_name("migrations")
APPLICATION_ID = 0x50414952  # "PAIR": SQLite's header field that names the application owning a file
BUSY_STEP_S = 2.0  # SQLite's busy timeout per attempt to take the write lock
BUSY_LIMIT_S = 120.0  # how long a writer waits in all for another program to finish writing
_ADVISORY_KEY = 0x50414952  # PostgreSQL advisory lock of the program's writers


class ProgramFileError(UserError):
    """A program location that cannot be opened or written; `.message` says why (a `Message`)."""


def shown_location(location: str | Path) -> str:
    """How a program is named in messages: its path, or its URL with the password masked."""
    return mask_secrets(str(location))


def database_url(location: str | Path) -> str:
    """A database URL for a file path or a URL (`postgresql://…`, `sqlite:///…`)."""
    text_ = str(location)
    if "://" in text_:
        try:
            url = make_url(text_)
        except (ArgumentError, ValueError):
            raise ProgramFileError(msg("storage.bad_url", location=shown_location(text_))) from None
        if url.drivername in ("postgresql", "postgres"):
            text_ = url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        return text_
    return f"sqlite:///{Path(text_).expanduser().resolve()}"


def is_file_location(location: str | Path) -> bool:
    return "://" not in str(location)


# -- engines --------------------------------------------------------------------------------------

def _sqlite_connect(dbapi_connection, _record, *, read_only: bool) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if not read_only:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_program_engine(location: str | Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    url = database_url(location)
    if url.startswith("sqlite:///") and read_only:
        path = url.removeprefix("sqlite:///")
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        url = f"sqlite:///file:{path}?{flags}&uri=true"
    try:
        engine = create_engine(url, **_engine_options(url))
    except ModuleNotFoundError:
        raise ProgramFileError(msg("storage.no_driver", location=shown_location(location))) from None
    except (ArgumentError, ValueError):
        raise ProgramFileError(msg("storage.bad_url", location=shown_location(location))) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", functools.partial(_sqlite_connect, read_only=read_only))
    return engine


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": BUSY_STEP_S}}
    return {"pool_pre_ping": True}


# -- migrations -----------------------------------------------------------------------------------

def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))


def head_revision() -> str:
    return _script().get_current_head()


def revision_chain() -> list[str]:
    """Every revision from the first to the head; a program's `user_version` is its place in this chain."""
    return [r.revision for r in reversed(list(_script().walk_revisions()))]


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision` through the Alembic migrations, under the write lock."""
    command.upgrade(alembic_config(engine), revision)
    if engine.dialect.name == "sqlite":
        _stamp_identity(engine)


def _stamp_identity(engine: Engine) -> None:
    version = revision_chain().index(current_revision(engine)) + 1
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.exec_driver_sql(f"PRAGMA user_version = {version}")
        connection.commit()


# -- the open program -----------------------------------------------------------------------------

@dataclass
class ProgramStore:
    """An open program: its engine and the one session factory the application uses for it."""

    location: str
    engine: Engine
    sessions: sessionmaker[Session]
    read_only: bool = False
    backup: Path | None = None  # the copy made before this open upgraded the program, if it did
    on_wait: Callable[[Message], None] | None = field(default=None, repr=False)
    busy_limit_s: float = field(default_factory=lambda: BUSY_LIMIT_S)

    @property
    def shown(self) -> str:
        return shown_location(self.location)

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def writing(self, wait_s: float | None = None) -> Iterator[Session]:
        """A session in a transaction that holds the program's write lock from its first statement.

        Waits (saying so once through `on_wait`) while another program writes — up to `wait_s` seconds, else
        `busy_limit_s` (a window's GUI thread waits less than a command) — then raises the busy error;
        commits at the end, rolls back on an error. Reads inside see the state the write will be applied to.
        """
        if self.read_only:
            raise ProgramFileError(msg("storage.read_only", location=self.shown))
        with self.sessions() as session:
            self._take_write_lock(session, self.busy_limit_s if wait_s is None else wait_s)
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def _take_write_lock(self, session: Session, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        told = False
        while True:
            try:
                _lock_statement(session)
                return
            except OperationalError as exc:
                if not is_busy(exc) or time.monotonic() >= deadline:
                    raise
                session.rollback()
                if not told and self.on_wait is not None:
                    self.on_wait(msg("storage.waiting", location=self.shown))
                    told = True


def _lock_statement(session: Session) -> None:
    """Open the transaction with the write lock: BEGIN IMMEDIATE (SQLite) or an advisory lock (PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL lock_timeout = {int(BUSY_STEP_S * 1000)}"))
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_KEY})
    else:
        # A write that changes nothing: the driver opens the transaction (BEGIN) and SQLite takes the
        # write lock, waiting up to the busy timeout; every read after it is inside the transaction.
        session.execute(text("UPDATE alembic_version SET version_num = version_num WHERE 0"))


def is_busy(exc: BaseException) -> bool:
    """Another program holds the write lock (SQLite busy or locked; PostgreSQL lock timeout)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return getattr(orig, "sqlstate", None) == "55P03"  # lock_not_available


def open_program(location: str | Path, *, create: bool = True, read_only: bool = False,
                 on_wait: Callable[[Message], None] | None = None) -> ProgramStore:
    """Open (and if allowed create) a program; the caller opens sessions.

    `read_only`: never write (no migration, no `-shm` needed on read-only media); commands that only
    read (roster, export) open programs so.
    """
    if is_file_location(location):
        return _open_file(Path(str(location)).expanduser(), str(location), create, read_only, on_wait)
    engine = create_program_engine(location)
    try:
        backup = _upgrade(engine, location, read_only, None)
    except BaseException:
        engine.dispose()
        raise
    return _store(str(location), engine, read_only, backup, on_wait)


def _store(location, engine, read_only, backup, on_wait) -> ProgramStore:
    return ProgramStore(location, engine, sessionmaker(engine, expire_on_commit=False), read_only, backup, on_wait)


def _open_file(path: Path, location: str, create: bool, read_only: bool, on_wait) -> ProgramStore:
    exists = _check_file(path)
    if not exists and (read_only or not create):
        raise ProgramFileError(msg("storage.missing", path=location))
    if exists:
        _check_identity(path, location)
        # A program that cannot be written here (read-only media, a read-only file) is still read; a
        # writer is then told so by `writing`, and `solve` sets its run aside.
        read_only = read_only or not _writable(path)
    engine = _file_engine(path, location, read_only and exists)
    try:
        backup = _upgrade(engine, location, read_only and exists, path if exists else None)
    except BaseException:
        engine.dispose()
        raise
    return _store(location, engine, read_only and exists, backup, on_wait)


def _check_file(path: Path) -> bool:
    """Whether the program file exists; refuses folders, devices, FIFOs and a missing folder with a sentence."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise ProgramFileError(msg("storage.no_folder", path=str(path), folder=str(path.parent))) from None
        return False
    except OSError as exc:
        raise _os_fault(exc, str(path)) from None
    if stat.S_ISDIR(mode):
        raise ProgramFileError(msg("storage.is_folder", path=str(path)))
    if path_kind(mode) is not None:
        raise ProgramFileError(msg("storage.not_regular", path=str(path)))
    return True


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_identity(path: Path, location: str) -> None:
    """A program file is an SQLite file of ours (or an empty file); anything else is refused untouched."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise _os_fault(exc, location) from None
    if not header:
        return
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise ProgramFileError(msg("storage.not_program", path=location))
    application_id = int.from_bytes(header[68:72], "big")
    user_version = int.from_bytes(header[60:64], "big")
    if application_id not in (0, APPLICATION_ID):
        raise ProgramFileError(msg("storage.other_application", path=location))
    if application_id == APPLICATION_ID and user_version > len(revision_chain()):
        raise ProgramFileError(msg("storage.newer", location=location))
    if application_id == 0 and not _has_our_tables(path):
        raise ProgramFileError(msg("storage.other_application", path=location))


def _has_our_tables(path: Path) -> bool:
    """A file of the versions before `application_id` was set: it has an `alembic_version` and a `person` table."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return not names or {"alembic_version", "person"} <= names


def _file_engine(path: Path, location: str, read_only: bool) -> Engine:
    if not read_only:
        return create_program_engine(path)
    engine = create_program_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        return engine
    except OperationalError:
        engine.dispose()
    # Read-only media: WAL cannot create its `-shm` file. Nothing can write there, so read as immutable.
    return create_program_engine(path, read_only=True, immutable=True)


def _upgrade(engine: Engine, location: str, read_only: bool, path: Path | None) -> Path | None:
    """Migrate a writable program to the head once (after a backup); check a read-only one is current."""
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise storage_fault(exc, location) from None
    chain = revision_chain()
    if current is not None and current not in chain:
        raise ProgramFileError(msg("storage.newer", location=shown_location(location)))
    if current == chain[-1]:
        if not read_only and engine.dialect.name == "sqlite" and path is not None:
            _stamp_if_unmarked(engine, location)
        return None
    if read_only:
        raise ProgramFileError(msg("storage.needs_upgrade", location=shown_location(location)))
    backup = _backup(engine, path, location) if current is not None and path is not None else None
    try:
        migrate(engine)
        _ensure_program_row(engine)
    except SQLAlchemyError as exc:
        raise storage_fault(exc, location) from None
    return backup


def _ensure_program_row(engine: Engine) -> None:
    """The settings row is made with the program, so that reading a program never has to write it."""
    from pairing.storage import repo

    with Session(engine) as session, session.begin():
        repo.get_settings(session)


def _stamp_if_unmarked(engine: Engine, location: str) -> None:
    with engine.connect() as connection:
        marked = connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    if not marked:
        try:
            _stamp_identity(engine)
            _ensure_program_row(engine)
        except SQLAlchemyError:
            pass  # a program that cannot be written now is marked the next time it can


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _backup(engine: Engine, path: Path, location: str) -> Path:
    """Copy the program (with what its WAL holds) to `NAME.pairing.bak` through SQLite's online backup."""
    from pairing.files import atomic_path

    target = backup_path(path)
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            with atomic_path(target) as temp:
                destination = sqlite3.connect(temp)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise ProgramFileError(msg("storage.cannot_write", location=str(target),
                                   reason=_sqlite_reason(exc))) from None
    return target


# -- faults as sentences --------------------------------------------------------------------------

def _os_fault(exc: OSError, location: str) -> ProgramFileError:
    from pairing.faults import os_reason

    return ProgramFileError(msg("storage.cannot_read", location=location, reason=os_reason(exc)))


_SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: "storage.reason_disk_full",
    sqlite3.SQLITE_PERM: "storage.reason_permission",
    sqlite3.SQLITE_READONLY: "storage.reason_read_only",
    sqlite3.SQLITE_BUSY: "storage.reason_busy",
    sqlite3.SQLITE_LOCKED: "storage.reason_busy",
    sqlite3.SQLITE_CORRUPT: "storage.reason_damaged",
    sqlite3.SQLITE_NOTADB: "storage.reason_damaged",
    sqlite3.SQLITE_CANTOPEN: "storage.reason_permission",
    sqlite3.SQLITE_CONSTRAINT: "storage.reason_duplicate",
    sqlite3.SQLITE_TOOBIG: "storage.reason_too_long",
}
_PG_REASONS = {
    "22001": "storage.reason_too_long",
    "23505": "storage.reason_duplicate",
    "53100": "storage.reason_disk_full",
    "42501": "storage.reason_permission",
    "25006": "storage.reason_read_only",
    "55P03": "storage.reason_busy",
    "40P01": "storage.reason_busy",
    "28P01": "storage.reason_login",
    "28000": "storage.reason_login",
    "3D000": "storage.reason_no_database",
}


def _sqlite_reason(orig: BaseException) -> Message:
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return msg("storage.reason_other")
    return msg(_SQLITE_REASONS.get(code & 0xFF, "storage.reason_other"))


def _reason(exc: BaseException) -> Message:
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlite_errorcode", None) is not None:
        return _sqlite_reason(orig)
    state = getattr(orig, "sqlstate", None)
    if state is not None:
        return msg(_PG_REASONS.get(state, "storage.reason_other"))
    if type(orig).__module__.startswith("psycopg"):
        # A failed connection carries no SQLSTATE: libpq's text is all there is (read, never shown).
        text_ = str(orig)
        if "password authentication failed" in text_ or "no password supplied" in text_:
            return msg("storage.reason_login")
        if "does not exist" in text_ and "database" in text_:
            return msg("storage.reason_no_database")
        return msg("storage.reason_refused")
    return msg("storage.reason_other")


def storage_fault(exc: BaseException, location: str | Path) -> ProgramFileError:
    """A database error as a sentence naming the program and the reason, never SQL, a link or a password."""
    shown = shown_location(location)
    reason = _reason(exc)
    if reason.code == "storage.reason_read_only":
        return ProgramFileError(msg("storage.read_only", location=shown))
    if reason.code == "storage.reason_busy":
        return ProgramFileError(msg("storage.busy", location=shown, seconds=int(BUSY_LIMIT_S)))
    if reason.code == "storage.reason_damaged":
        return ProgramFileError(msg("storage.damaged", location=shown, reason=reason))
    if reason.code in ("storage.reason_refused", "storage.reason_login", "storage.reason_no_database"):
        return ProgramFileError(msg("storage.cannot_connect", location=shown, reason=reason))
    return ProgramFileError(msg("storage.cannot_write", location=shown, reason=reason))
