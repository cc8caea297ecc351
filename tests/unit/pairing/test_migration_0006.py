"""Migration 0006 (issue 11): row versions, per-table change counters kept by triggers, and the viewers of a
program — from a file of revision 0004, and as every writer (another connection) sees them."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from pairing.domain import Person, Role, Settings
from pairing.storage import open_program, repo
from pairing.storage.changes import (
    StaleRows, add_viewer, change_counts, changed_tables, check_versions, other_viewers, person_versions,
    remove_viewer, settings_version,
)
from pairing.storage.database import alembic_config, create_program_engine, current_revision, head_revision, migrate
from pairing.storage.models import ViewerRow


@pytest.fixture
def two_stores(tmp_path):
    """The same program opened twice, as two windows (or a window and the command line) would."""
    path = tmp_path / "shared.pairing"
    first, second = open_program(path), open_program(path)
    with first.sessions.begin() as session:
        repo.add_people(session, [Person("D01", "Ana", Role.DIRECTOR), Person("P01", "Bo", Role.PRODUCER)])
    yield first, second
    first.close()
    second.close()


def test_a_0004_file_gains_versions_counters_and_viewers(tmp_path):
    path = tmp_path / "old.pairing"
    engine = create_program_engine(path)
    migrate(engine, "0004")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO person (id, name, role, email, phone, organization, genres, skills,"
                                   " needs, availability, languages, prefers, avoid, notes, extra) VALUES"
                                   " ('D01', 'Ana', 'director', '', '', '', '[]', '{}', '[]', '[]', '[]', '[]',"
                                   " '[]', '', '{}')")
    engine.dispose()
    store = open_program(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert {"change_counter", "viewer"} <= set(inspect(store.engine).get_table_names())
        with store.sessions() as session:
            assert person_versions(session) == {"D01": 1}
            assert repo.get_person(session, "D01").name == "Ana"
            counts = change_counts(session)
            assert {"person", "lock", "run", "program"} <= set(counts)
    finally:
        store.close()


def test_0006_downgrades_to_0004(tmp_path):
    engine = create_program_engine(tmp_path / "p.pairing")
    migrate(engine, "head")
    command.downgrade(alembic_config(engine), "0004")
    names = set(inspect(engine).get_table_names())
    assert "change_counter" not in names and "viewer" not in names
    assert "version" not in {c["name"] for c in inspect(engine).get_columns("person")}
    engine.dispose()


def test_an_update_raises_the_version_and_counts_as_a_change(two_stores):
    first, second = two_stores
    with second.sessions() as session:
        before, versions = change_counts(session), person_versions(session)
    with first.sessions.begin() as session:
        repo.update_people(session, [Person("D01", "Ana Li", Role.DIRECTOR)])
    with second.sessions() as session:  # the other viewer sees it
        assert changed_tables(before, change_counts(session)) == {"person"}
        assert person_versions(session) == {"D01": versions["D01"] + 1, "P01": versions["P01"]}


def test_settings_and_locks_count_in_their_own_tables(two_stores):
    first, second = two_stores
    with second.sessions() as session:
        before, version = change_counts(session), settings_version(session)
    with first.sessions.begin() as session:
        repo.save_settings(session, Settings(name="Renamed"))
    with second.sessions() as session:
        assert "program" in changed_tables(before, change_counts(session))
        assert settings_version(session) > version


def test_a_write_over_what_someone_else_changed_is_refused(two_stores):
    first, second = two_stores
    with second.sessions() as session:
        seen = person_versions(session)
    with first.sessions.begin() as session:
        repo.update_people(session, [Person("D01", "Changed elsewhere", Role.DIRECTOR)])
        repo.delete_person(session, "P01")
    with pytest.raises(StaleRows) as refused:
        with second.sessions.begin() as session:
            check_versions(session, seen)
            repo.update_people(session, [Person("D01", "Stale edit", Role.DIRECTOR)])
    assert refused.value.changed == ("D01",) and refused.value.gone == ("P01",)
    with second.sessions() as session:
        assert repo.get_person(session, "D01").name == "Changed elsewhere"  # nothing was written


def test_viewers_see_each_other_and_forget_a_closed_one(two_stores):
    first, second = two_stores
    with first.sessions.begin() as session:
        mine = add_viewer(session)
    with second.sessions.begin() as session:
        theirs = add_viewer(session, read_only=True)
        others = other_viewers(session, theirs)
    assert len(others) == 1 and not others[0].read_only
    with first.sessions.begin() as session:
        remove_viewer(session, mine)
    with second.sessions.begin() as session:
        assert other_viewers(session, theirs) == []


def test_a_viewer_whose_process_is_gone_is_removed(two_stores):
    first, _second = two_stores
    with first.sessions.begin() as session:
        viewer = add_viewer(session)
        session.get(ViewerRow, viewer).pid = 2 ** 22 + 12345  # no such process
    with first.sessions.begin() as session:
        assert other_viewers(session) == []
        assert session.get(ViewerRow, viewer) is None
