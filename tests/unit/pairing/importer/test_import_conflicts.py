"""People matched safely: one test per conflict class, each refused unless the curator chooses."""

import csv
import io

import pytest

from pairing.domain import Role
from pairing.importer import ImportRejected, import_roster
from pairing.storage import repo
from pairing.words import Renderer

FIRST = [["id", "name", "role", "email", "genres"],
         ["D01", "陈思远", "director", "chen@example.cn", "drama"],
         ["P01", "Zhou Min", "producer", "zhou@example.cn", "sci-fi"]]


def write(path, rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def plan_of(store, path, **options):
    with store.sessions.begin() as session:
        return import_roster(session, path, **options)


def people(store):
    with store.sessions() as session:
        return {p.id: p for p in repo.list_people(session)}


@pytest.fixture
def program(store, tmp_path):
    plan_of(store, write(tmp_path / "first.csv", FIRST))
    return store


CLASSES = {
    # same id, another name: an unrelated roster whose ids happen to match (D01 陈思远 became 徐彩云)
    "id_name": ["D01", "徐彩云", "director", "xu@example.cn", "comedy"],
    # same id and name, another role
    "id_role": ["P01", "Zhou Min", "instructor", "zhou@example.cn", "sci-fi"],
    # same e-mail (no id), another role
    "email_role": ["", "Zhou Min", "director", "ZHOU@example.cn", "sci-fi"],
    # same name and role (no id), another e-mail: perhaps a namesake
    "name_email": ["", "陈思远", "director", "siyuan.chen@other.cn", "comedy"],
}


@pytest.mark.parametrize("kind", CLASSES)
def test_a_conflict_is_refused_naming_both_people_and_writes_nothing(program, tmp_path, kind):
    before = people(program)
    plan = plan_of(program, write(tmp_path / "second.csv", [FIRST[0], CLASSES[kind]]))
    [conflict] = plan.conflicts
    assert conflict.kind == kind and conflict.line == 2
    [error] = plan.errors
    assert error.line == 2 and "--on-conflict" in error.text()
    assert conflict.existing.name in error.text() and CLASSES[kind][1] in error.text()
    assert "未导入" in error.text(Renderer("zh"))
    assert people(program) == before


@pytest.mark.parametrize("kind", CLASSES)
def test_add_makes_a_new_person_and_leaves_the_other_alone(program, tmp_path, kind):
    before = people(program)
    plan = plan_of(program, write(tmp_path / "second.csv", [FIRST[0], CLASSES[kind]]), on_conflict="add")
    assert plan.ok and len(plan.added) == 1 and not plan.updated
    after = people(program)
    assert all(after[i] == p for i, p in before.items()) and len(after) == 3
    assert plan.added[0].id not in before


@pytest.mark.parametrize("kind", CLASSES)
def test_update_changes_the_person_the_curator_named(program, tmp_path, kind):
    plan = plan_of(program, write(tmp_path / "second.csv", [FIRST[0], CLASSES[kind]]), on_conflict="update")
    assert plan.ok and not plan.added and len(plan.updated) == 1
    change = plan.updated[0]
    assert change.before.id == change.after.id
    assert {"name", "role", "email"} & set(change.fields)


def test_choices_per_line_resolve_each_conflict_on_its_own(program, tmp_path):
    path = write(tmp_path / "second.csv", [FIRST[0], CLASSES["id_name"], CLASSES["id_role"]])
    with program.sessions.begin() as session:
        plan = import_roster(session, path, conflict_choices={2: "add", 3: "update"})
    assert plan.ok and [p.name for p in plan.added] == ["徐彩云"]
    assert [c.after.role for c in plan.updated] == [Role.INSTRUCTOR]


def test_the_same_person_again_is_no_conflict(program, tmp_path):
    plan = plan_of(program, write(tmp_path / "again.csv", FIRST))
    assert plan.ok and not plan.conflicts and len(plan.unchanged) == 2


def test_the_review_lists_every_changed_field_before_and_after(program, tmp_path):
    rows = [FIRST[0], ["D01", "陈思远", "director", "chen@new.cn", "drama;sci-fi"]]
    plan = plan_of(program, write(tmp_path / "edit.csv", rows), dry_run=True)
    [change] = plan.updated
    assert change.diffs() == (("email", "chen@example.cn", "chen@new.cn"),
                              ("genres", ("drama",), ("drama", "sci-fi")))


def test_an_unknown_conflict_choice_is_refused(program, tmp_path):
    from pairing.errors import UserError

    with pytest.raises(UserError, match="add or update"):
        plan_of(program, write(tmp_path / "x.csv", FIRST), on_conflict="merge")


def test_refused_import_raises_rejected_on_apply(program, tmp_path):
    from pairing.importer import apply_import

    plan = plan_of(program, write(tmp_path / "second.csv", [FIRST[0], CLASSES["id_name"]]), dry_run=True)
    with program.sessions.begin() as session, pytest.raises(ImportRejected):
        apply_import(session, plan)
