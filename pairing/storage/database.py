"""Opening a program: a `.pairing` SQLite file or a database URL, migrated to the current schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


class ProgramFileError(Exception):
    """A program location that cannot be opened; the message is a sentence for the user."""


def database_url(location: str | Path) -> str:
    """A database URL for a file path or a URL (`postgresql://…`, `sqlite:///…`)."""
    text = str(location)
    if "://" in text:
        try:
            make_url(text)
        except (ArgumentError, ValueError) as exc:
            raise ProgramFileError(f"{text} is not a valid database URL: {exc}.") from None
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_program_engine(location: str | Path) -> Engine:
    url = database_url(location)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return script.get_current_head()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision` through the Alembic migrations."""
    command.upgrade(alembic_config(engine), revision)


@dataclass
class ProgramStore:
    """An open program: its engine and the one session factory the application uses for it."""

    location: str
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()


def open_program(location: str | Path, *, create: bool = True) -> ProgramStore:
    """Open (and if allowed create) a program, upgrading its schema; the caller opens sessions."""
    url = database_url(location)
    if url.startswith("sqlite:///") and "://" not in str(location):
        path = Path(str(location)).expanduser()
        if not path.exists() and not create:
            raise ProgramFileError(f"{path} does not exist.")
        if path.exists() and not _looks_like_sqlite(path):
            raise ProgramFileError(f"{path} is not a Talent Pairing program file (.pairing).")
        if not path.parent.exists():
            raise ProgramFileError(f"The folder {path.parent} does not exist.")
    engine = create_program_engine(location)
    try:
        migrate(engine)
    except Exception as exc:  # a foreign or damaged database: say so, never a traceback
        engine.dispose()
        raise ProgramFileError(f"{location} could not be opened as a program: {exc}") from exc
    return ProgramStore(str(location), engine, sessionmaker(engine, expire_on_commit=False))


def _looks_like_sqlite(path: Path) -> bool:
    if path.stat().st_size == 0:
        return True
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"
