"""The import action: plan writes nothing, apply says what changed, undo takes the import back."""

from __future__ import annotations

from pairing import actions
from pairing.actions import importing, reading

CSV = "id,name,role,genres\nD01,Ann,director,drama\nP01,Pat,producer,drama\n"


def test_plan_writes_nothing_apply_adds_and_undo_removes(store, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(CSV, encoding="utf-8")
    with store.sessions.begin() as session:
        plan = importing.plan_import(session, roster)
        assert [p.id for p in plan.added] == ["D01", "P01"] and not plan.applied
        assert reading.people(session) == []
        done = importing.apply_import(session, plan)
    assert done.value.applied and done.changes.people_added == {"D01", "P01"}
    roster.write_text(CSV.replace("Ann,director,drama", "Ann,director,comedy"), encoding="utf-8")
    with store.sessions.begin() as session:
        plan, second = importing.import_file(session, roster)
    assert second.changes.people_changed == {"D01"} and not second.changes.people_added
    with store.sessions.begin() as session:
        actions.undo(session, second.undo)
        assert reading.people(session)[0].genres == ("drama",)
        actions.undo(session, done.undo)
        assert reading.people(session) == []


def test_a_dry_run_or_a_rejected_file_applies_nothing(store, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(CSV, encoding="utf-8")
    with store.sessions.begin() as session:
        plan, done = importing.import_file(session, roster, dry_run=True)
    assert done is None and len(plan.added) == 2
    roster.write_text("id,role\nD01,director\n", encoding="utf-8")  # no name column: an error
    with store.sessions.begin() as session:
        plan, done = importing.import_file(session, roster)
    assert done is None and plan.errors
