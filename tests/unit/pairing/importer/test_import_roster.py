"""Importing a roster into a program: people in canonical form, updates, references, errors write nothing."""

import csv
import io
import json

import openpyxl
import pytest

from pairing.domain import Role
from pairing.errors import UserError
from pairing.importer import ImportRejected, apply_import, import_roster
from pairing.storage import repo

HEADER = ["id", "name", "role", "email", "organization", "genres", "skills", "needs", "availability",
          "capacity", "languages", "prefers", "avoid", "notes"]
GOOD = [
    ["D01", "陈思远", "导演", "chen@example.cn", "北影青年工作室", "剧情；科幻", "", "剪辑、DI grading", "周一至周五 下午",
     "", "普通话;English", "P01", "", "毕业短片"],
    ["D02", "Maya Okafor", "director", "maya@example.org", "Northlight", "documentary, 纪录片", "", "cinematography",
     "Mon AM; Wed AM", "", "English", "Zhou Min", "陈思远", ""],
    ["P01", "Zhou Min", "senior producer", "zhou@example.cn", "Red Lantern", "science fiction", "producing:5|pitching:4",
     "", "any", "2", "Mandarin", "", "", ""],
    ["I01", "许文静", "讲师", "xu@example.cn", "北影青年工作室", "纪录片", "剪辑：4;cinematography:5;vfx", "", "Sat; Mon AM",
     "3", "普通话", "", "", ""],
]


def write_csv(path, rows, header=HEADER, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run_import(store, path, **options):
    with store.sessions.begin() as session:
        plan = import_roster(session, path, **options)
        if plan.errors:
            raise ImportRejected(plan)
        return plan


def snapshot(store):
    with store.sessions() as session:
        return (repo.list_people(session), repo.custom_terms(session), repo.get_settings(session))


def people(store):
    with store.sessions() as session:
        return {p.id: p for p in repo.list_people(session)}


def test_people_are_stored_in_canonical_form(store, tmp_path):
    plan = run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    assert [p.id for p in plan.added] == ["D01", "D02", "P01", "I01"] and plan.applied
    found = people(store)
    d01, i01, p01 = found["D01"], found["I01"], found["P01"]
    assert d01.role is Role.DIRECTOR and d01.genres == ("drama", "sci-fi")
    assert d01.needs == ("editing", "di-grading")
    assert d01.availability == ("Mon PM", "Tue PM", "Wed PM", "Thu PM", "Fri PM")
    assert d01.languages == ("Mandarin", "English") and d01.capacity is None
    assert found["D02"].genres == ("documentary",)
    assert i01.skills == {"editing": 4, "cinematography": 5, "vfx": 3} and i01.capacity == 3
    assert i01.availability == ("Mon AM", "Sat AM", "Sat PM", "Sat EVE")
    assert p01.role is Role.PRODUCER and len(p01.availability) == 21 and p01.genres == ("sci-fi",)


def test_prefers_and_avoid_resolve_names_and_ids(store, tmp_path):
    run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    found = people(store)
    assert found["D01"].prefers == ("P01",)
    assert found["D02"].prefers == ("P01",) and found["D02"].avoid == ("D01",)


def test_unresolved_reference_is_a_warning_with_a_suggestion(store, tmp_path):
    rows = [GOOD[0][:11] + ["Zhou Mn", "", ""], GOOD[2]]
    plan = run_import(store, write_csv(tmp_path / "r.csv", rows))
    [issue] = plan.warnings
    assert issue.line == 2 and issue.column == "prefers" and "Zhou Min" in issue.text()
    assert people(store)["D01"].prefers == ()


def test_unknown_terms_are_kept_as_custom_terms_with_the_closest_known_one(store, tmp_path):
    rows = [GOOD[0][:5] + ["neo-noir", "", "editting", "Mon", "", "", "", "", ""]]
    plan = run_import(store, write_csv(tmp_path / "r.csv", rows))
    messages = [str(w) for w in plan.warnings]
    assert any('unknown genre "neo-noir"' in m and 'column "genres"' in m for m in messages)
    assert any('unknown skill "editting"' in m and "closest known skill is editing" in m.lower() for m in messages)
    assert people(store)["D01"].genres == ("neo-noir",)
    with store.sessions() as session:
        assert repo.custom_terms(session)["genre"] == ("neo-noir",)
    again = run_import(store, write_csv(tmp_path / "r.csv", rows))  # a kept term is known from now on
    assert not any("neo-noir" in str(w) for w in again.warnings) and len(again.unchanged) == 1


def test_importing_an_updated_roster_updates_instead_of_duplicating(store, tmp_path):
    run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    changed = [row[:] for row in GOOD]
    changed[1][8] = "Fri PM"
    for row in changed:
        row[0] = ""  # no ids: matched by e-mail
    plan = run_import(store, write_csv(tmp_path / "r2.csv", changed))
    assert (len(plan.added), len(plan.updated), len(plan.unchanged)) == (0, 1, 3)
    assert plan.updated[0].fields == ("availability",)
    assert len(people(store)) == 4 and people(store)["D02"].availability == ("Fri PM",)


def test_absent_columns_keep_what_the_program_has(store, tmp_path):
    run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    plan = run_import(store, write_csv(tmp_path / "r2.csv", [[" Maya  Okafor ", "+44 1"]],
                                       header=["name", "phone"]), role="director")  # matched by name and role
    assert plan.updated[0].fields == ("phone",)
    assert people(store)["D02"].availability == ("Mon AM", "Wed AM")


def test_new_people_get_free_ids_of_their_role(store, tmp_path):
    run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    rows = [["", "New One", "director", "", "", "", "", "", "Mon", "", "", "", "", ""],
            ["D02x", "Other", "instructor", "", "", "", "", "", "Mon", "", "", "", "", ""],
            ["", "New Two", "instructor", "", "", "", "", "", "Mon", "", "", "", "", ""]]
    plan = run_import(store, write_csv(tmp_path / "r2.csv", rows))
    assert [p.id for p in plan.added] == ["D03", "D02x", "I02"]


def test_capacity_defaults_with_a_warning_and_is_ignored_for_directors(store, tmp_path):
    rows = [GOOD[0][:9] + ["5"] + GOOD[0][10:], GOOD[2][:9] + [""] + GOOD[2][10:]]
    plan = run_import(store, write_csv(tmp_path / "r.csv", rows))
    messages = [str(w) for w in plan.warnings]
    assert any("line 2" in m and "capacity 5 is ignored" in m for m in messages)
    assert any("line 3" in m and "default 3 is used" in m for m in messages)
    assert people(store)["P01"].capacity == 3 and people(store)["D01"].capacity is None


def test_unknown_columns_are_kept_in_extra_and_named_in_a_warning(store, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Ann", "director", "Mon AM", "ann.example.com", "drama"]],
                     header=["name", "role", "availability", "website", "genere"])
    plan = run_import(store, path)
    [issue] = plan.warnings
    assert issue.line == 1 and "“genere” (looks like genres)" in issue.text() and "“website”" in issue.text()
    assert people(store)["D01"].extra == {"genere": "drama", "website": "ann.example.com"}


BAD_CASES = {
    "missing name": (["D09", "", "director"], 'line 3, column "name": the name is empty'),
    "unknown role": (["D09", "Ann", "astronaut"], 'line 3, column "role": "astronaut" is not a role'),
    "bad capacity": (["P09", "Bo", "producer", "", "", "", "", "", "", "three"], 'column "capacity": "three"'),
    "bad level": (["I09", "Cy", "instructor", "", "", "", "editing:9"], 'column "skills": "editing:9" has level'),
    "bad slot": (["D09", "Di", "director", "", "", "", "", "", "Funday"], 'column "availability": "Funday"'),
    "outside calendar": (["D09", "Ed", "director", "", "", "", "", "", "2026-03-02 AM"], "outside the program"),
}


@pytest.mark.parametrize("case", BAD_CASES)
def test_each_bad_input_names_file_line_column_and_changes_nothing(store, tmp_path, case):
    run_import(store, write_csv(tmp_path / "good.csv", GOOD))
    before = snapshot(store)
    cells, expected = BAD_CASES[case]
    row = cells + [""] * (len(HEADER) - len(cells))
    path = write_csv(tmp_path / "bad.csv", [GOOD[0][:3] + ["x"] + GOOD[0][4:], row])
    with pytest.raises(ImportRejected) as info:
        run_import(store, path)
    assert any(expected in str(e) and str(path) in str(e) for e in info.value.plan.errors), info.value.plan.errors
    assert snapshot(store) == before


def test_duplicate_id_in_the_file_names_both_lines(store, tmp_path):
    path = write_csv(tmp_path / "r.csv", [GOOD[0], GOOD[1][:0] + ["D01"] + GOOD[1][1:]])
    with pytest.raises(ImportRejected) as info:
        run_import(store, path)
    [issue] = info.value.plan.errors
    assert (issue.line, issue.column) == (3, "id") and "already used on line 2" in issue.text()
    assert people(store) == {}


def test_unreadable_files_change_nothing(store, tmp_path):
    run_import(store, write_csv(tmp_path / "good.csv", GOOD))
    before = snapshot(store)
    empty, binary = tmp_path / "empty.csv", tmp_path / "bin.csv"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02PK")
    for path, options in [(empty, {}), (binary, {}), (write_csv(tmp_path / "g.csv", GOOD), {"encoding": "utf-16"})]:
        with pytest.raises(UserError):
            run_import(store, path, **options)
    assert snapshot(store) == before


def test_five_bad_rows_are_all_reported_and_nothing_is_written(store, tmp_path):
    rows = [GOOD[0]] + [cells + [""] * (len(HEADER) - len(cells)) for cells, _ in list(BAD_CASES.values())[:5]]
    for n, row in enumerate(rows[1:]):
        row[0] = f"X{n}"
    with pytest.raises(ImportRejected) as info:
        run_import(store, write_csv(tmp_path / "r.csv", rows))
    assert sorted({e.line for e in info.value.plan.errors}) == [3, 4, 5, 6, 7]
    assert people(store) == {}


def test_missing_name_or_role_column_and_duplicate_columns(store, tmp_path):
    cases = [(["role", "email"], "no name column"), (["name", "email"], "no role column"),
             (["name", "姓名", "role"], "the columns name, 姓名 all mean name")]
    for header, message in cases:
        with pytest.raises(ImportRejected) as info:
            run_import(store, write_csv(tmp_path / "r.csv", [["a"] * len(header)], header=header))
        assert message in str(info.value.plan.errors[0]) and info.value.plan.errors[0].line == 1


def test_role_option_for_single_role_files(store, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Ann", "Mon"], ["Bob", "Tue"]], header=["name", "availability"])
    plan = run_import(store, path, role="导师")
    assert {p.role for p in plan.added} == {Role.INSTRUCTOR} and [p.id for p in plan.added] == ["I01", "I02"]


def test_dry_run_reports_and_writes_nothing(store, tmp_path):
    with store.sessions.begin() as session:
        plan = import_roster(session, write_csv(tmp_path / "r.csv", GOOD), dry_run=True)
    assert len(plan.added) == 4 and not plan.applied
    assert people(store) == {}


def test_apply_refuses_a_plan_with_errors(store, tmp_path):
    with store.sessions.begin() as session:
        plan = import_roster(session, write_csv(tmp_path / "r.csv", [["", "", "director"]], header=HEADER[:3]))
        with pytest.raises(ImportRejected, match="1 error, nothing was imported"):
            apply_import(session, plan)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_same_roster_in_any_encoding_and_delimiter_gives_the_same_people(store, tmp_path, encoding, delimiter):
    reference = run_import(store, write_csv(tmp_path / "ref.csv", GOOD), dry_run=True).added
    plan = run_import(store, write_csv(tmp_path / "r.csv", GOOD, encoding=encoding, delimiter=delimiter),
                      dry_run=True)
    assert plan.added == reference and plan.delimiter == delimiter


def test_xlsx_roster_imports_like_csv(store, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["名单"])  # a title row above the header is not a header…
    book.active.delete_rows(1)  # …but an emptied first row is skipped
    for row in [HEADER, *GOOD]:
        book.active.append([int(c) if c.isdigit() else c for c in row])
    book.save(tmp_path / "r.xlsx")
    plan = run_import(store, tmp_path / "r.xlsx")
    csv_people = run_import(store, write_csv(tmp_path / "r.csv", GOOD), dry_run=True)
    assert len(plan.added) == 4 and csv_people.unchanged == plan.added


def test_roster_json_written_back_as_csv_imports_with_no_change(store, tmp_path):
    from pairing.cli.roster_cmd import roster_json

    run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    with store.sessions() as session:
        data = json.loads(json.dumps(roster_json(repo.list_people(session)), ensure_ascii=False))
    rows = [[p["id"], p["name"], p["role"], p["email"], p["organization"], ";".join(p["genres"]),
             ";".join(f"{k}:{v}" for k, v in p["skills"].items()), ";".join(p["needs"]),
             ";".join(p["availability"]), "" if p["capacity"] is None else str(p["capacity"]),
             ";".join(p["languages"]), ";".join(p["prefers"]), ";".join(p["avoid"]), p["notes"]]
            for p in data["people"]]
    plan = run_import(store, write_csv(tmp_path / "back.csv", rows))
    assert (len(plan.added), len(plan.updated), len(plan.unchanged)) == (0, 0, 4)


def test_a_header_without_rows_and_a_sheet_for_a_text_file_are_warnings(store, tmp_path):
    path = write_csv(tmp_path / "r.csv", [], header=["name", "role"])
    plan = run_import(store, path, sheet="Roster")
    assert [i.text() for i in plan.warnings] == [
        "none of genres, skills, needs or availability is mapped, so pairing will have little to go on; map a "
        "column with --map FIELD=HEADER",
        "there are no people below the header row",
        "--sheet Roster applies to .xlsx workbooks only; this text file has no sheets"]
    assert plan.applied and not plan.added


def test_id_less_rows_the_next_import_could_not_tell_apart_are_errors(store, tmp_path):
    header = ["name", "role", "email"]
    rows = [["Ann", "director", "ann@example.org"], ["Ann B", "director", "ANN@example.org"],
            ["王伟", "director", ""], ["王伟", "导演", ""], ["王伟", "producer", ""]]
    with pytest.raises(ImportRejected) as info:
        run_import(store, write_csv(tmp_path / "r.csv", rows, header=header))
    errors = info.value.plan.errors
    assert [(e.line, e.column) for e in errors] == [(3, "email"), (5, "name")]
    assert "also on line 2" in errors[0].text() and "another young director called 王伟 is on line 4" in errors[1].text()


def test_id_less_roster_imported_twice_changes_nothing(store, tmp_path):
    rows = [[""] + row[1:] for row in GOOD]
    rows[1][3] = ""  # one person known only by name and role
    path = write_csv(tmp_path / "r.csv", rows)
    assert len(run_import(store, path).added) == 4
    plan = run_import(store, path)
    assert (len(plan.added), len(plan.updated), len(plan.unchanged)) == (0, 0, 4)


def test_a_title_row_above_the_header_is_skipped_with_a_warning_saying_what(store, tmp_path):
    book = openpyxl.Workbook()
    for row in (["2026 青年导演计划 名单"], [], ["编号", "姓名", "角色"], ["D01", "陈思远", "导演"],
                ["D02", "林晓雨", "导演"]):
        book.active.append(row)
    book.save(tmp_path / "r.xlsx")
    plan = run_import(store, tmp_path / "r.xlsx")
    assert [p.name for p in plan.added] == ["陈思远", "林晓雨"]
    [title] = [w for w in plan.warnings if w.message.code == "importer.title_rows_skipped"]
    assert title.line == 1 and "“2026 青年导演计划 名单”" in title.text()


def test_new_ids_follow_the_highest_so_a_deleted_persons_id_is_not_reused(store, tmp_path):
    run_import(store, write_csv(tmp_path / "r.csv", GOOD))
    with store.sessions.begin() as session:
        repo.delete_person(session, "D01")
    rows = [["", "New One", "director", "", "", "", "", "", "Mon", "", "", "", "", ""]]
    assert [p.id for p in run_import(store, write_csv(tmp_path / "r2.csv", rows)).added] == ["D03"]


def test_an_odd_email_is_kept_with_a_warning(store, tmp_path):
    plan = run_import(store, write_csv(tmp_path / "r.csv", [["Ann", "director", "ann at example.org"]],
                                       header=["name", "role", "e-mail"]))
    [issue] = [w for w in plan.warnings if w.column]
    assert (issue.line, issue.column) == (2, "e-mail") and "does not look like an e-mail address" in issue.text()
    assert plan.added[0].email == "ann at example.org"
