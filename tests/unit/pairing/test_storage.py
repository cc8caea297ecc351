"""Program files: migrations, settings, people, locks and runs round-trip through storage."""

import sqlite3

import pytest
from sqlalchemy import inspect

from pairing.domain import Lock, Person, Role, RunResult, RunStatus, Settings, Team, Unmatched, Weights
from pairing.storage import ProgramFileError, open_program
from pairing.storage import repo
from pairing.storage.database import create_program_engine, current_revision, head_revision, migrate


def test_a_new_file_is_created_at_the_head_revision(tmp_path):
    store = open_program(tmp_path / "new.pairing")
    try:
        assert current_revision(store.engine) == head_revision()
        tables = set(inspect(store.engine).get_table_names())
        assert {"program", "person", "lock", "run", "run_team", "custom_term"} <= tables
    finally:
        store.close()


def test_a_file_of_the_first_revision_is_upgraded_keeping_its_people(tmp_path):
    path = tmp_path / "old.pairing"
    engine = create_program_engine(path)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO person (id, name, role, email, phone, organization, genres, skills, needs,"
            " availability, languages, prefers, avoid, notes, extra) VALUES"
            " ('D01', '李雷', 'director', '', '', '', '[\"drama\"]', '{}', '[]', '[]', '[]', '[]', '[]', '', '{}')"
        )
    engine.dispose()
    store = open_program(path)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.sessions() as session:
            assert repo.get_person(session, "D01").genres == ("drama",)
            assert repo.get_settings(session).stability_threshold == 5.0
    finally:
        store.close()


def test_foreign_keys_and_wal_are_on(tmp_path):
    store = open_program(tmp_path / "p.pairing")  # SQLite's own settings: a file whatever PAIRING_TEST_DB says
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        store.close()


def test_settings_round_trip(session):
    settings = Settings(name="BJIFF Talents 2027", instructors_min=2, instructors_max=3,
                        require_meeting=False, weights=Weights(genre=5.0))
    repo.save_settings(session, settings)
    assert repo.get_settings(session) == settings


def test_people_locks_and_runs_round_trip(session):
    director = Person("D01", "王芳", Role.DIRECTOR, genres=("sci-fi",), needs=("vfx",),
                      availability=("Mon AM",), extra={"微信": "wf01"})
    producer = Person("P01", "Ann Lee", Role.PRODUCER, skills={"producing": 5}, capacity=2)
    repo.add_people(session, [director, producer])
    repo.add_lock(session, Lock("D01", "P01"))
    result = RunResult(RunStatus.FEASIBLE, objective=12.5, bound=14.0,
                       teams=(Team("D01", "P01", score=12.5, breakdown={"genre": 3.0}),),
                       unmatched=(Unmatched("D02", "no producer left"),), diagnosis=("capacity",))
    run_id = repo.save_run(session, Settings(), result)
    program = repo.load_program(session)
    assert program.people == (director, producer)
    assert program.locks == (Lock("D01", "P01"),)
    assert repo.get_run(session, run_id).result == result
    assert program.previous == result


def test_deleting_a_person_removes_their_locks(session):
    repo.add_people(session, [Person("D01", "A", Role.DIRECTOR), Person("I01", "B", Role.INSTRUCTOR)])
    repo.add_lock(session, Lock("D01", "I01"))
    repo.delete_person(session, "I01")
    session.flush()
    assert repo.list_locks(session) == []


def test_a_lock_between_two_directors_is_refused(session):
    repo.add_people(session, [Person("D01", "A", Role.DIRECTOR), Person("D02", "B", Role.DIRECTOR)])
    with pytest.raises(ValueError, match="D01–D02"):
        repo.add_lock(session, Lock("D01", "D02"))


def test_a_file_that_is_not_a_program_is_refused_with_a_sentence(tmp_path):
    path = tmp_path / "notes.pairing"
    path.write_text("just some text, not a database")
    with pytest.raises(ProgramFileError, match="not a Talent Pairing program"):
        open_program(path)


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path):
    # Issue 12: a program file identifies itself; another application's database is never written to.
    path = tmp_path / "other.pairing"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE unrelated (x INTEGER)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ProgramFileError, match="database of another application"):
        open_program(path)
    assert path.read_bytes() == before


def test_a_database_url_is_accepted(tmp_path):
    store = open_program(f"sqlite:///{tmp_path / 'url.pairing'}")
    try:
        with store.sessions.begin() as session:
            repo.add_people(session, [Person("D01", "A", Role.DIRECTOR)])
        with store.sessions() as session:
            assert repo.count_people(session)[Role.DIRECTOR] == 1
    finally:
        store.close()


def test_a_malformed_url_gets_a_sentence():
    with pytest.raises(ProgramFileError, match="not a valid database URL"):
        open_program("postgresql://user@:bad:port/x")


def test_a_manual_change_replaces_the_teams_of_a_run(session):
    first = RunResult(RunStatus.OPTIMAL, objective=10.0, teams=(Team("D01", "P01"), Team("D02", "P02")))
    run_id = repo.save_run(session, Settings(), first)
    swapped = RunResult(RunStatus.FEASIBLE, objective=9.0, teams=(Team("D01", "P02"), Team("D02", "P01")))
    repo.replace_run_result(session, run_id, swapped)
    session.flush()
    session.expire_all()
    assert repo.get_run(session, run_id).result.teams == swapped.teams
    assert repo.get_run(session, run_id).result.objective == 9.0


def test_a_new_id_follows_the_highest_so_a_deleted_persons_id_is_not_reused(session):
    repo.add_people(session, [Person("D01", "A", Role.DIRECTOR), Person("D07", "B", Role.DIRECTOR),
                              Person("P02", "C", Role.PRODUCER)])
    repo.delete_person(session, "D07")
    session.flush()
    repo.add_people(session, [Person("D08", "E", Role.DIRECTOR)])
    assert repo.next_free_id(session, Role.DIRECTOR) == "D09"
    assert repo.next_free_id(session, Role.DIRECTOR, {"D09"}) == "D10"
    assert repo.next_free_id(session, Role.INSTRUCTOR) == "I01"
