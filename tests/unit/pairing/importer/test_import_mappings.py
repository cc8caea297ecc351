"""A mapping the curator controls and the program remembers; `--map`; the "no pairing data" warning;
encodings told honestly; the import_mapping table migrated from the schema before it."""

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import inspect

from pairing.errors import UserError
from pairing.importer import Kind, import_roster
from pairing.importer.service import parse_map_option, understand, read_file
from pairing.storage import open_program, repo
from pairing.storage.database import create_program_engine, current_revision, head_revision, migrate
from pairing.words import Renderer

FORMS = Path(__file__).parents[3] / "data" / "forms"
HEADER = ["姓名", "身份", "作品风格", "联系方式备注"]
ROWS = [["陈思远", "导演", "剧情;科幻", "微信 chen"], ["周敏", "监制", "纪录片", ""]]


def write(path, rows=ROWS, header=HEADER):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_no_pairing_data_warns_naming_the_lookalike_columns(store, tmp_path):
    with store.sessions.begin() as session:
        plan = import_roster(session, write(tmp_path / "r.csv"), dry_run=True)
    [warning] = [w for w in plan.warnings if w.message.code == "importer.no_pairing_data"]
    assert "“作品风格” (genres)" in warning.text()
    assert "“作品风格”（类型）" in warning.text(Renderer("zh"))


def test_map_option_maps_and_ignores_and_the_program_remembers(store, tmp_path):
    path = write(tmp_path / "r.csv")
    mapping = parse_map_option(["genres=作品风格", "联系方式备注=ignore"])
    with store.sessions.begin() as session:
        plan = import_roster(session, path, mapping=mapping)
    assert plan.ok and plan.column_plan.columns[2].field == "genres"
    assert plan.column_plan.columns[3].kind is Kind.IGNORED
    found = {p.name: p for p in _people(store)}
    assert found["陈思远"].genres == ("drama", "sci-fi") and found["陈思远"].extra == {}
    # a later file with the same questions (other spacing and case) is understood the same way
    again = write(tmp_path / "again.csv", header=["姓名 ", "身份", "作品风格", "联系方式备注"])
    with store.sessions() as session:
        plan = understand(session, read_file(again))
    assert plan.columns[2].field == "genres" and plan.columns[2].reason.code == "importer.reason_remembered"
    assert plan.columns[3].kind is Kind.IGNORED


def test_a_dry_run_remembers_nothing(store, tmp_path):
    path = write(tmp_path / "r.csv")
    with store.sessions.begin() as session:
        plan = import_roster(session, path, mapping={"作品风格": "genres"}, dry_run=True)
    with store.sessions() as session:
        assert repo.import_mapping(session, plan.column_plan.signature) == {}


@pytest.mark.parametrize("texts, message", [(["genres"], "FIELD=HEADER"), (["colour=作品风格"], "not a roster field")])
def test_bad_map_options_are_sentences(texts, message):
    with pytest.raises(UserError, match=message):
        parse_map_option(texts)


def test_a_map_option_naming_no_column_lists_the_columns(store, tmp_path):
    with store.sessions.begin() as session, pytest.raises(UserError, match="which the file has no column for"):
        import_roster(session, write(tmp_path / "r.csv"), mapping={"Genres please": "genres"})


def test_utf8_with_a_stray_byte_is_refused_naming_line_and_byte(store):
    with store.sessions.begin() as session, pytest.raises(UserError) as info:
        import_roster(session, FORMS / "utf8_stray_byte.csv")
    assert "line 3, byte 4" in str(info.value) and "0xe9" in str(info.value) and "UTF-8" in str(info.value)


def test_a_guessed_encoding_is_named_in_a_warning(store):
    with store.sessions.begin() as session:
        plan = import_roster(session, FORMS / "cp1252_names.csv", dry_run=True)
    assert [p.name for p in plan.added] == ["José Müller", "Renée Dubois"]
    [guess] = [w for w in plan.warnings if w.message.code == "importer.encoding_guessed"]
    assert "guessed as" in guess.text() and plan.encoding in guess.text()


def test_import_mappings_table_is_added_to_a_file_of_the_schema_before(tmp_path):
    path = tmp_path / "old.pairing"
    engine = create_program_engine(path)
    migrate(engine, "0003")
    assert "import_mapping" not in inspect(engine).get_table_names()
    engine.dispose()
    store = open_program(path)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.sessions.begin() as session:
            repo.save_import_mapping(session, "abc", {"作品风格": "genres"})
        with store.sessions() as session:
            assert repo.import_mapping(session, "abc") == {"作品风格": "genres"}
    finally:
        store.close()


def _people(store):
    with store.sessions() as session:
        return repo.list_people(session)
