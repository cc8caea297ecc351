"""The compatibility matrix and the roster export, each read back: the roster by the importer itself."""

from __future__ import annotations

import csv

import pytest

from export_fixtures import people
from pairing.actions.exporting import load_export_data
from pairing.exports import ExportOptions, write_export
from pairing.exports.cells import FORMULA_STARTS
from pairing.importer import import_roster
from pairing.storage import open_program, repo


def read_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_matrix_rows_are_directors_columns_mentors_empty_where_forbidden(data, tmp_path):
    from pairing.engine import TeamEvaluator

    path = tmp_path / "matrix.csv"
    report = write_export(data, "matrix", path)
    head, *body = read_rows(path)
    mentors = [p for p in people() if p.role.is_mentor]
    directors = [p for p in people() if not p.role.is_mentor]
    assert [h.split(" ", 1)[0] for h in head[2:]] == [m.id for m in mentors]
    assert [row[0] for row in body] == [d.id for d in directors] and report.count == len(directors)
    cell = {(row[0], m.id): value for row in body for m, value in zip(mentors, row[2:])}
    assert cell["D02", "P02"] == ""  # D02 avoids P02
    assert cell["D04", "P01"] == ""  # D04 is free only on Sunday evening: no shared slot
    _, _, scores = TeamEvaluator(data.program).compatibility_matrix()
    for row, expected in zip(body, scores):
        assert [float(v) if v else None for v in row[2:]] == [round(s, 2) if s is not None else None
                                                              for s in expected]


def _formula_like(person):
    """Text that starts like a formula: exported with a neutralising quote, imported without it."""
    return person.with_changes(phone="+86 138 0013 8000", notes=f"-{person.notes} @office")


def _explicit(person):
    """A default capacity written out: the same program (the importer fills defaults in)."""
    return person.with_changes(capacity=person.effective_capacity) if person.role.is_mentor else person


def test_roster_export_then_import_reproduces_the_program(session, tmp_path):
    repo.add_people(session, [_formula_like(p) for p in people()])
    data = load_export_data(session)
    path = tmp_path / "roster.csv"
    write_export(data, "roster", path, ExportOptions(include_contacts=True))
    copy = open_program(tmp_path / "copy.pairing")
    try:
        with copy.sessions.begin() as session:
            plan = import_roster(session, path)
            assert not plan.errors
        with copy.sessions() as session:
            assert repo.list_people(session) == [_explicit(p) for p in data.program.people]
    finally:
        copy.close()


def test_roster_export_leaves_contacts_out_by_default_and_neutralises_formulas(data, tmp_path):
    path = tmp_path / "roster.csv"
    report = write_export(data, "roster", path)
    head, *body = read_rows(path)
    assert head == ["id", "name", "role", "organization", "genres", "skills", "needs", "availability",
                    "capacity", "languages", "prefers", "avoid", "notes", "Cohort"]
    assert report.count == len(body) == len(people())
    assert "@example.org" not in path.read_text(encoding="utf-8-sig")
    assert not [c for row in body for c in row if c.startswith(FORMULA_STARTS)]
    i01 = next(row for row in body if row[0] == "I01")
    assert i01[head.index("skills")] == "vfx:5; sound:3"
    assert i01[head.index("notes")] == "'-2 days before shoot"


def test_roster_export_needs_no_run(session, tmp_path):
    repo.add_people(session, people())
    report = write_export(load_export_data(session), "roster", tmp_path / "roster.csv")
    assert report.count == len(people())


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ics"])
def test_sheets_do_need_a_run(session, tmp_path, fmt):
    from pairing.errors import UserError

    repo.add_people(session, people())
    with pytest.raises(UserError, match="no run yet"):
        write_export(load_export_data(session), fmt, tmp_path / f"out.{fmt}")
