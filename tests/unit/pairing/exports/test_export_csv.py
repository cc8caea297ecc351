"""CSV pairing sheet read back with the csv module: every team, unmatched directors, encodings, injection."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export_fixtures import INJECTION, people, result
from pairing.errors import UserError
from pairing.exports import ExportOptions, write_export
from pairing.exports.cells import FORMULA_STARTS, safe


def read(path, encoding="utf-8-sig") -> list[dict]:
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_team_then_the_unmatched(data, tmp_path):
    path = tmp_path / "teams.csv"
    report = write_export(data, "csv", path)
    rows = read(path)
    names = {p.id: p.name for p in people()}
    teams = result().teams
    assert report.count == len(teams)
    for row, team in zip(rows, teams):
        assert row["Young director"].startswith(safe(names[team.director]))
        assert row["Senior producer"] == f"{names[team.producer]} ({team.producer})"
        assert [i.rsplit("(", 1)[1].rstrip(")") for i in row["Instructors"].split("; ")] == list(team.instructors)
        assert float(row["Score"]) == pytest.approx(team.score)
        assert len(row["Meeting slots"].split("; ")) == len(team.meeting_slots)
    unmatched = rows[len(teams)]
    assert unmatched["Team"] == "Unmatched" and unmatched["Young director"] == "李雷 (D04)"
    assert "has no free slot in the program calendar" in unmatched["Reasons"]
    assert len(rows) == len(teams) + 1


def test_utf8_with_bom_by_default_so_excel_reads_chinese(data, tmp_path):
    path = tmp_path / "teams.csv"
    write_export(data, "csv", path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "王芳" in raw.decode("utf-8-sig")


def test_gb18030_for_old_excel_and_a_chinese_header(data, tmp_path):
    path = tmp_path / "teams.csv"
    write_export(data, "csv", path, ExportOptions(lang="zh", encoding="gb18030"))
    rows = read(path, "gb18030")
    assert list(rows[0])[:4] == ["组别", "青年导演", "监制", "导师"]  # the program's role names (issue 10)
    assert rows[0]["青年导演"] == "王芳 (D01)"
    assert rows[0]["共同时间"] == "周一 上午; 周二 下午; 周六 上午"


def test_an_encoding_that_cannot_hold_the_names_is_explained(data, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="cannot be written in the latin-1 encoding"):
        write_export(data, "csv", out / "teams.csv", ExportOptions(encoding="latin-1"))
    assert list(out.iterdir()) == []
    with pytest.raises(UserError, match="Unknown encoding"):
        write_export(data, "csv", out / "teams.csv", ExportOptions(encoding="klingon"))


def test_no_cell_starts_a_formula(data, tmp_path):
    path = tmp_path / "teams.csv"
    write_export(data, "csv", path, ExportOptions(include_contacts=True))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert "'" + INJECTION + " (D03)" in cells
    assert any(c.startswith("'-1 looks like a formula") for c in cells)  # an older version's reason, kept


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_each_formula_start_is_neutralised(text):
    assert safe(text) == "'" + text


def test_ordinary_text_is_left_alone():
    assert safe("王芳 = director") == "王芳 = director"
    assert safe("") == ""


def test_contacts_only_when_included(data, tmp_path):
    path = tmp_path / "teams.csv"
    write_export(data, "csv", path)
    assert "@example.org" not in path.read_text(encoding="utf-8-sig")
    write_export(data, "csv", path, ExportOptions(include_contacts=True))
    rows = read(path)
    assert "王芳 <wang@example.org, 138 0000 0001>" in rows[0]["Contacts"]


@settings(max_examples=40, deadline=None)
@given(name=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                    max_size=30))
def test_any_name_survives_the_csv_as_text(name):
    import datetime as dt
    import tempfile
    from pathlib import Path

    from pairing.domain import Program, RunStatus, SavedRun, Settings
    from pairing.exports import ExportData

    roster = tuple(p.with_changes(name=name) if p.id == "D01" else p for p in people())
    run = SavedRun(1, dt.datetime(2026, 3, 1), Settings(), result(RunStatus.OPTIMAL))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "teams.csv"
        write_export(ExportData(Program(Settings(), roster), run), "csv", path)
        director = read(path)[0]["Young director"]
    assert director == safe(name) + " (D01)"
    assert not director.startswith(FORMULA_STARTS)
