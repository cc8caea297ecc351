"""Program files that identify themselves, migrate once after a backup, and open read-only without writing (issue 12)."""

from __future__ import annotations

import sqlite3

import pytest

from pairing.storage import ProgramFileError, open_program
from pairing.storage import database
from pairing.storage.database import (APPLICATION_ID, backup_path, create_program_engine, current_revision,
                                      head_revision, migrate, revision_chain, shown_location, storage_fault)
from pairing.words import render


def _header(path) -> tuple[int, int]:
    data = path.read_bytes()[:100]
    return int.from_bytes(data[68:72], "big"), int.from_bytes(data[60:64], "big")


def _old_program(path, revision="0001"):
    engine = create_program_engine(path)
    migrate(engine, revision)
    with engine.begin() as connection:  # as the versions before issue 12 left their files: no identity
        connection.exec_driver_sql("PRAGMA application_id = 0")
        connection.exec_driver_sql("PRAGMA user_version = 0")
    engine.dispose()


def test_a_new_program_names_its_application_and_schema(tmp_path):
    open_program(tmp_path / "p.pairing").close()
    assert _header(tmp_path / "p.pairing") == (APPLICATION_ID, len(revision_chain()))


def test_an_older_program_is_backed_up_then_migrated_once(tmp_path):
    path = tmp_path / "old.pairing"
    _old_program(path)
    store = open_program(path)
    store.close()
    assert store.backup == backup_path(path) and backup_path(path).exists()
    assert current_revision(create_program_engine(backup_path(path))) == "0001"
    assert _header(path) == (APPLICATION_ID, len(revision_chain()))
    first_backup = backup_path(path).stat().st_mtime_ns
    again = open_program(path)
    again.close()
    assert again.backup is None and backup_path(path).stat().st_mtime_ns == first_backup


def test_a_read_only_open_never_migrates_nor_writes(tmp_path):
    path = tmp_path / "old.pairing"
    _old_program(path)
    before = path.read_bytes()
    with pytest.raises(ProgramFileError, match="older version and must be upgraded") as caught:
        open_program(path, read_only=True)
    assert path.read_bytes() == before and not backup_path(path).exists()
    assert "旧版本" in render(caught.value.message, "zh")


def test_a_read_only_open_of_a_current_program_reads(tmp_path):
    path = tmp_path / "p.pairing"
    open_program(path).close()
    before = path.read_bytes()
    store = open_program(path, read_only=True)
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM person").scalar() == 0
        with pytest.raises(ProgramFileError, match="read-only"):
            with store.writing():
                pass
    finally:
        store.close()
    assert path.read_bytes() == before


def test_a_program_of_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.pairing"
    open_program(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {len(revision_chain()) + 5}")
    connection.close()
    with pytest.raises(ProgramFileError, match="saved by a newer version"):
        open_program(path)


def test_an_unknown_revision_is_a_newer_version(tmp_path):
    path = tmp_path / "p.pairing"
    open_program(path).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    with pytest.raises(ProgramFileError, match="saved by a newer version"):
        open_program(path)


def test_a_database_of_another_application_is_refused(tmp_path):
    path = tmp_path / "photos.pairing"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.execute("CREATE TABLE photo (x)")
    connection.close()
    with pytest.raises(ProgramFileError, match="another application"):
        open_program(path)


@pytest.mark.parametrize("create", [True, False])
def test_a_folder_is_not_a_program(tmp_path, create):
    with pytest.raises(ProgramFileError, match="is a folder, not a program file"):
        open_program(tmp_path, create=create)


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(ProgramFileError, match=r"folder .*nowhere does not exist"):
        open_program(tmp_path / "nowhere" / "p.pairing")


def test_passwords_never_appear_in_a_location():
    assert shown_location("postgresql://app:S3cretPW@db.example/x") == "postgresql://app:***@db.example/x"
    assert "S3cretPW" not in shown_location("postgresql://db/x?user=app&password=S3cretPW")


def test_database_errors_become_sentences_without_sql(tmp_path):
    from sqlalchemy.exc import IntegrityError, OperationalError

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    error = storage_fault(OperationalError("INSERT INTO run VALUES (?)", {}, full), tmp_path / "p.pairing")
    assert str(error) == f"{tmp_path / 'p.pairing'} could not be written: the disk is full; nothing was changed."
    duplicate = sqlite3.IntegrityError("UNIQUE constraint failed: person.id")
    duplicate.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT_UNIQUE
    error = storage_fault(IntegrityError("INSERT INTO person", {}, duplicate), "postgresql://a:pw@h/db")
    assert str(error) == "postgresql://a:***@h/db could not be written: an id is already taken; nothing was changed."
    assert "是" in render(error.message, "zh") or "编号" in render(error.message, "zh")


def test_a_writer_waits_for_another_writer_and_says_so(tmp_path, monkeypatch):
    import threading

    path = tmp_path / "p.pairing"
    open_program(path).close()
    monkeypatch.setattr(database, "BUSY_STEP_S", 0.1)
    told = []
    store = open_program(path, on_wait=told.append)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, other.execute, ("COMMIT",))
    release.start()
    try:
        with store.writing() as session:
            session.execute(database.text("UPDATE program SET name = 'after the wait'"))
    finally:
        release.join()
        other.close()
        store.close()
    assert [m.code for m in told] == ["storage.waiting"]
    assert render(told[0]) == f"waiting for another program to finish writing {path}…"


def test_a_writer_gives_up_with_a_sentence_when_the_program_stays_busy(tmp_path, monkeypatch):
    path = tmp_path / "p.pairing"
    open_program(path).close()
    monkeypatch.setattr(database, "BUSY_STEP_S", 0.05)
    store = open_program(path)
    store.busy_limit_s = 0.3
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(Exception) as caught:
            with store.writing():
                pass
        assert database.is_busy(caught.value)
        assert "stayed busy" in str(storage_fault(caught.value, path))
    finally:
        other.close()
        store.close()


def test_the_head_is_the_end_of_the_chain():
    assert revision_chain()[-1] == head_revision() and revision_chain()[0] == "0001"
