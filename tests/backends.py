"""The database the tests run against (issue 12): SQLite files by default; a PostgreSQL server when
PAIRING_TEST_DB=postgresql://… is set (.ci/run starts a private one and runs the storage, importer,
engine-IO and command-line tests against it)."""

from __future__ import annotations

import os
from pathlib import Path

TEST_DB = os.environ.get("PAIRING_TEST_DB") or None


def on_server() -> bool:
    return TEST_DB is not None


def fresh_program_location(file: Path) -> str | Path:
    """A location holding no program: `file` (which does not exist yet), or the server's database emptied."""
    if TEST_DB is None:
        return file
    empty_database(TEST_DB)
    return TEST_DB


def empty_database(url: str) -> None:
    """Drop everything in the database's `public` schema (tables, triggers, functions) and make it anew."""
    from sqlalchemy import create_engine

    from pairing.storage.database import database_url

    engine = create_engine(database_url(url))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()
