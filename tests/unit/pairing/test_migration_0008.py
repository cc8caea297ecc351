"""Migration 0008 (issue 9 part 6): the program's "mentors' teams meet at different times" switch and each
run team's weekly slot — from a file of revision 0007, and back."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from pairing.storage import open_program, repo
from pairing.storage.database import alembic_config, create_program_engine, current_revision, head_revision, migrate


def test_a_0007_file_gains_the_switch_off_and_keeps_its_settings(tmp_path):
    path = tmp_path / "old.pairing"
    engine = create_program_engine(path)
    migrate(engine, "0007")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO program (name, created, calendar, instructors_min, instructors_max,"
                                   " require_meeting, avoid_same_organization, fairness, time_limit_s,"
                                   " stability_threshold, weights, weeks, cadence, meeting_minutes, language,"
                                   " time_zone, kind, roles, uid) VALUES ('Camp', '2026-01-01', '[\"Mon AM\"]', 1,"
                                   " 2, 1, 1, 1, 10.0, 5.0, '{}', 26, 'weekly', 120, 'en', 'Asia/Shanghai',"
                                   " 'talent', '{}', 'abc')")
    engine.dispose()
    store = open_program(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert "weekly_slot" in {c["name"] for c in inspect(store.engine).get_columns("run_team")}
        with store.sessions() as session:
            settings = repo.get_settings(session)
        assert settings.name == "Camp" and settings.fairness
        assert settings.distinct_mentor_slots is False
    finally:
        store.close()


def test_the_programs_change_counting_triggers_survive_the_upgrade_and_the_downgrade(tmp_path):
    engine = create_program_engine(tmp_path / "p.pairing")
    migrate(engine, "head")

    def triggers():
        with engine.connect() as connection:
            return {row[0] for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('program', 'run_team')")}

    after = triggers()
    assert {"version_program", "count_update_program", "count_insert_run_team"} <= after
    command.downgrade(alembic_config(engine), "0007")
    assert triggers() == after
    engine.dispose()


def test_0008_downgrades_to_0007(tmp_path):
    engine = create_program_engine(tmp_path / "p.pairing")
    migrate(engine, "head")
    command.downgrade(alembic_config(engine), "0007")
    assert "distinct_mentor_slots" not in {c["name"] for c in inspect(engine).get_columns("program")}
    assert "weekly_slot" not in {c["name"] for c in inspect(engine).get_columns("run_team")}
    engine.dispose()
