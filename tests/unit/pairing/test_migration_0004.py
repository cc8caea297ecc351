"""Migration 0004 (issue 8): stored sentences of a file at the revision before (0005) become messages, shown in either language."""

from __future__ import annotations

import json

from alembic import command

from pairing.storage import open_program, repo
from pairing.storage.database import alembic_config, create_program_engine, current_revision, head_revision, migrate
from pairing.words import Renderer, render

REASONS_EN = [
    "both work in sci-fi, drama", "covers: VFX, sound; not covered: editing", "meets Mon AM, Tue PM, Wed EVE (+2 more)",
    "Pat is Ann's first choice", "Pat's second choice", "common language: Mandarin, English",
    "locked by the curator: Pat", "kept from the previous run: Ike",
]
REASONS_ZH = ["都做科幻", "可见面：周一 上午", "Ann是Pat的第一志愿", "共同语言：普通话"]


def _old_file(path):
    engine = create_program_engine(path)
    migrate(engine, "0005")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO person (id, name, role, email, phone, organization, genres, skills, needs, availability,"
            " languages, prefers, avoid, notes, extra) VALUES"
            " ('D01', 'Ann', 'director', '', '', '', '[]', '{}', '[]', '[]', '[]', '[]', '[]', '', '{}')")
        connection.exec_driver_sql(
            "INSERT INTO run (created, settings, status, objective, bound, wall_s, unmatched, diagnosis) VALUES"
            " ('2026-01-02 00:00:00', '{}', 'infeasible', 1.0, 2.0, 0.1, ?, ?)",
            (json.dumps([{"id": "D02", "why": "every producer who could work with D02 (P01) is full"}]),
             json.dumps(["capacity: 2 directors but producers can take 1 in total"])))
        for position, reasons in enumerate((REASONS_EN, REASONS_ZH)):
            connection.exec_driver_sql(
                "INSERT INTO run_team (run_id, position, director, producer, instructors, score, breakdown,"
                " meeting_slots, locked, reasons) VALUES (1, ?, 'D01', 'P01', '[]', 1.0, '{}', '[]', '[]', ?)",
                (position, json.dumps(reasons, ensure_ascii=False)))
    engine.dispose()


def test_stored_reasons_become_messages_that_read_the_same_in_english_and_anew_in_chinese(tmp_path):
    path = tmp_path / "old.pairing"
    _old_file(path)
    store = open_program(path)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.sessions() as session:
            run = repo.latest_run(session).result
    finally:
        store.close()
    english, chinese = run.teams
    assert [m.code for m in english.reasons] == [
        "team.genres", "team.needs_partly", "team.meets_more", "team.director_prefers", "team.mentor_prefers",
        "team.language", "team.locked", "team.kept"]
    zh = Renderer("zh")
    assert zh.sentences(english.reasons) == [
        "都做科幻、剧情", "覆盖：视效、声音；未覆盖：剪辑", "可见面：周一 上午、周二 下午、周三 晚上 等5个时段",
        "Pat是Ann的第一志愿", "Ann是Pat的第二志愿", "共同语言：普通话、英语", "策展人锁定：Pat", "沿用上次方案：Ike"]
    assert render(english.reasons[0]) == "both work in sci-fi, drama"
    assert render(english.reasons[1]) == "covers: VFX, sound; not covered: editing"
    assert [m.code for m in chinese.reasons] == ["team.genres", "team.meets", "team.mentor_prefers", "team.language"]
    assert render(chinese.reasons[2]) == "Ann is Pat's first choice"
    # Diagnoses and unmatched reasons keep their sentence as it was (too many templates to read back), and
    # say in the reader's language that they are an older version's words (issue 8).
    assert run.unmatched[0].why.code == "words.older_explanation"
    assert render(run.diagnosis[0], "zh") == (
        "旧版本保存的说明（无法翻译，保留原文）：capacity: 2 directors but producers can take 1 in total")
    assert render(run.diagnosis[0]) == (
        "capacity: 2 directors but producers can take 1 in total (in the words of an older version of Talent Pairing)")


def test_0004_downgrades_to_sentences(tmp_path):
    path = tmp_path / "old.pairing"
    _old_file(path)
    engine = create_program_engine(path)
    migrate(engine, "0004")
    command.downgrade(alembic_config(engine), "0005")
    with engine.connect() as connection:
        reasons = json.loads(connection.exec_driver_sql("SELECT reasons FROM run_team ORDER BY position").scalar())
        why = json.loads(connection.exec_driver_sql("SELECT unmatched FROM run").scalar())[0]["why"]
    engine.dispose()
    assert reasons[0] == "both work in sci-fi, drama" and reasons[3] == "Pat is Ann's first choice"
    assert why == "every producer who could work with D02 (P01) is full"
