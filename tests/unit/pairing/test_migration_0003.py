"""Migration 0003 (issue 10): a program file of revision 0002 gains the program's properties and the
schedule tables, keeping its settings, people and runs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect

from pairing.domain import Cadence, ProgramKind
from pairing.storage import open_program, program_repo, repo
from pairing.storage.database import create_program_engine, current_revision, head_revision, migrate


def test_a_0002_file_is_upgraded_with_default_properties_and_schedule_tables(tmp_path):
    path = tmp_path / "old.pairing"
    engine = create_program_engine(path)
    migrate(engine, "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO program (name, created, calendar, start_date, instructors_min, instructors_max,"
            " require_meeting, avoid_same_organization, fairness, time_limit_s, weights, stability_threshold)"
            " VALUES ('BJIFF 2026', '2026-01-01 00:00:00', '[]', '2026-03-02', 1, 2, 1, 1, 0, 10.0, '{}', 5.0)")
        connection.exec_driver_sql(
            "INSERT INTO run (created, settings, status, objective, bound, wall_s, unmatched, diagnosis)"
            " VALUES ('2026-01-02 00:00:00', '{}', 'optimal', 1.0, 1.0, 0.1, '[]', '[]')")
    engine.dispose()
    store = open_program(path)
    try:
        assert current_revision(store.engine) == head_revision()
        assert {"schedule", "schedule_meeting"} <= set(inspect(store.engine).get_table_names())
        with store.sessions() as session:
            properties = program_repo.get_properties(session)
            assert (properties.name, properties.start) == ("BJIFF 2026", dt.date(2026, 3, 2))
            assert (properties.weeks, properties.cadence, properties.meeting_minutes) == (26, Cadence.WEEKLY, 120)
            assert properties.kind is ProgramKind.TALENT and properties.time_zone == "Asia/Shanghai"
            assert properties.role_word("director", "zh") == "青年导演"
            assert len(program_repo.program_uid(session)) == 32
            assert repo.latest_run(session).result.objective == 1.0
            assert program_repo.get_schedule(session, 1) is None
    finally:
        store.close()


def test_0003_downgrades_to_0002(tmp_path):
    engine = create_program_engine(tmp_path / "p.pairing")
    migrate(engine, "head")
    from alembic import command
    from pairing.storage.database import alembic_config
    command.downgrade(alembic_config(engine), "0002")
    assert current_revision(engine) == "0002"
    assert "schedule" not in inspect(engine).get_table_names()
    engine.dispose()
