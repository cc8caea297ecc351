"""The Excel workbook read back with openpyxl: sheets, every team, frozen header, score bars, no formulas."""

from __future__ import annotations

import openpyxl
import pytest

from export_fixtures import INJECTION, people, result
from pairing.exports import ExportOptions, write_export
from pairing.exports.cells import FORMULA_STARTS
from pairing.exports.xlsx import unique_sheet_name


def load(path):
    with open(path, "rb") as handle:  # openpyxl would leave its own handle open
        return openpyxl.load_workbook(handle)


@pytest.fixture
def book(data, tmp_path):
    path = tmp_path / "teams.xlsx"
    write_export(data, "xlsx", path)
    return load(path)


def test_the_sheets_of_the_workbook(book):
    assert book.sheetnames[0] == "Teams"
    assert book.sheetnames[-3:] == ["Unmatched", "Roster", "Settings"]
    producer_sheets = book.sheetnames[1:-3]
    assert producer_sheets[0] == "张伟"
    odd = producer_sheets[1]
    assert len(odd) <= 31 and not set(odd) & set("[]:*?/\\")


def test_every_team_on_the_teams_sheet(book):
    sheet = book["Teams"]
    rows = list(sheet.iter_rows(values_only=True))
    head, body = rows[0], rows[1:]
    names = {p.id: p.name for p in people()}
    assert head[:5] == ("Team", "Young director", "Senior producer", "Instructors", "Score")
    for row, team in zip(body, result().teams):
        assert row[1].endswith(f"({team.director})")
        assert row[2] == f"{names[team.producer]} ({team.producer})"
        assert row[4] == pytest.approx(team.score)
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width > 10


def test_the_score_column_has_a_data_bar(book):
    rules = [(str(rng.sqref), rule.type) for rng in book["Teams"].conditional_formatting for rule in rng.rules]
    assert ("E2:E4", "dataBar") in rules


def test_producer_sheets_hold_their_directors(book):
    directors = [row[1] for row in book["张伟"].iter_rows(min_row=2, values_only=True)]
    assert directors == ["王芳 (D01)", "Ana Silva (D02)"]


def test_no_cell_is_a_formula(book):
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS)]
    assert "'" + INJECTION + " (D03)" in [c.value for c in cells]


def test_roster_and_settings_sheets(book):
    roster = list(book["Roster"].iter_rows(values_only=True))
    assert "email" not in roster[0] and "phone" not in roster[0]
    assert [r[0] for r in roster[1:]] == [p.id for p in people()]
    settings = {r[0]: r[1] for r in book["Settings"].iter_rows(min_row=2, values_only=True)}
    assert settings["Program"] == "青年导演计划 2026"
    assert settings["Status"] == "best possible"  # the one wording of a status (issue 11)
    assert settings["Start date"] == "2026-03-04"


def test_contacts_on_the_roster_sheet_only_when_included(data, tmp_path):
    path = tmp_path / "teams.xlsx"
    write_export(data, "xlsx", path, ExportOptions(include_contacts=True, lang="zh"))
    book = load(path)
    roster = list(book["名单"].iter_rows(values_only=True))
    assert "email" in roster[0]
    assert "wang@example.org" in roster[1]


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    for wanted in ["A/B", "A?B", "a_b", "'quoted'", "x" * 40, "x" * 40, "History", ""]:
        name = unique_sheet_name(wanted, taken)
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")
        assert name.casefold() not in taken and name.casefold() != "history"
        taken.add(name.casefold())
