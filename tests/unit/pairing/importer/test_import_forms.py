"""Sign-up form exports (tests/data/forms, built to each tool's export layout) import as they arrive."""

from pathlib import Path

import pytest

from pairing.domain import Role
from pairing.importer import ImportRejected, Kind, import_roster
from pairing.storage import repo
from pairing.words import render

FORMS = Path(__file__).parents[3] / "data" / "forms"


def run(store, name, **options):
    with store.sessions.begin() as session:
        plan = import_roster(session, FORMS / name, **options)
        if plan.errors:
            raise ImportRejected(plan)
        return plan


def people(store):
    with store.sessions() as session:
        return {p.name: p for p in repo.list_people(session)}


def form_headers(plan):
    return [c.header for c in plan.column_plan.columns if c.kind is Kind.FORM]


def test_wjx_text_export_splits_choices_reads_other_answers_and_sets_its_columns_aside(store):
    plan = run(store, "wjx_text.csv")
    assert form_headers(plan) == ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
    found = people(store)
    chen, zhou, xu = found["陈思远"], found["周敏"], found["许文静"]
    assert chen.role is Role.DIRECTOR and zhou.role is Role.PRODUCER and xu.role is Role.INSTRUCTOR
    assert chen.genres == ("drama", "sci-fi", "road-movie")  # 其他〖公路片〗 gives its text, a known term
    assert chen.needs == ("editing", "di-grading", "screenwriting")  # 剧作 = screenwriting
    assert chen.availability == ("Mon AM", "Wed EVE", "Sat AM", "Sat PM", "Sat EVE")
    assert zhou.skills == {"producing": 3, "financing": 3, "pitching": 3} and zhou.capacity == 2
    assert chen.extra == {} and chen.notes == "希望认识做科幻的监制"  # no form column became a note
    assert chen.id == "D01" and zhou.id == "P01"  # 序号 is not an id


def test_wjx_option_number_export_reads_one_column_per_option(store):
    plan = run(store, "wjx_number.csv", role="director")
    kinds = {c.header: (c.kind, c.field) for c in plan.column_plan.columns}
    assert kinds["3、(剧情)"] == (Kind.OPTION, "genres") and kinds["4、希望学习的方向(剪辑)"] == (Kind.OPTION, "needs")
    assert kinds["5、可参加时间(周一)"] == (Kind.GRID, "availability")
    wang, zhao = people(store)["王一帆"], people(store)["赵雨桐"]
    assert wang.genres == ("drama", "sci-fi") and wang.needs == ("editing", "screenwriting")
    assert wang.availability == ("Mon AM", "Sat AM", "Sat PM")
    assert zhao.genres == ("documentary",) and zhao.needs == ("cinematography",)
    assert zhao.availability == ("Wed EVE", "Sat AM", "Sat PM", "Sat EVE")


def test_tencent_export_response_numbers_are_not_ids(store):
    plan = run(store, "tencent.csv")
    assert "编号" in form_headers(plan) and "地理位置省" in form_headers(plan)
    found = people(store)
    assert {p.id for p in found.values()} == {"P01", "P02", "P03"}
    assert found["Grace Kim"].role is Role.PRODUCER and found["Grace Kim"].availability[0] == "Sat AM"
    assert found["孙浩然"].skills == {"producing": 3, "distribution": 3}


def test_google_forms_split_names_a_grid_and_whole_options_with_commas(store):
    plan = run(store, "google_forms.csv")
    assert form_headers(plan) == ["Timestamp"]
    found = people(store)
    maya, arjun, li = found["Maya Okafor"], found["Arjun Mehta"], found["李娜"]  # 李 + 娜: family name first
    assert maya.email == "maya@example.org" and maya.role is Role.DIRECTOR and arjun.role is Role.INSTRUCTOR
    assert maya.availability == ("Mon AM", "Mon PM", "Wed EVE")
    assert arjun.availability == ("Tue PM", "Wed PM", "Fri AM") and arjun.capacity == 3
    assert maya.needs == ("editing-(avid,-premiere)", "sound")  # never split into "Editing (Avid" and "Premiere)"
    assert "editing-(avid,-premiere)" in arjun.skills and "vfx" in arjun.skills
    assert li.genres == ("drama", "road-movie")  # "Other: road movie"


def test_a_grid_of_unavailable_hours_is_inverted(store):
    run(store, "google_busy.csv")
    tom = people(store)["Tom Hartley"]
    assert "Mon AM" not in tom.availability and "Mon PM" in tom.availability and "Mon EVE" in tom.availability
    assert not any(s.startswith(("Tue", "Sat", "Sun")) for s in tom.availability)
    assert {"Wed AM", "Wed PM", "Wed EVE", "Thu EVE", "Fri AM", "Fri PM"} <= set(tom.availability)


def test_microsoft_forms_anonymous_is_no_email_and_id_is_not_an_id(store):
    plan = run(store, "msforms.xlsx")
    assert form_headers(plan) == ["ID", "Start time", "Completion time", "Name", "Last modified time"]
    found = people(store)
    assert found["Daniel Osei"].email == "" and found["Elena Petrova"].email == "elena@example.org"
    assert found["Daniel Osei"].role is Role.INSTRUCTOR and found["Daniel Osei"].genres == ("drama", "comedy")
    assert found["Priya Nair"].availability == ("Tue EVE", "Wed EVE", "Thu EVE")
    assert {p.id for p in found.values()} == {"I01", "I02", "I03"}


def test_canvas_report_sets_aside_ids_sections_and_points(store):
    plan = run(store, "canvas.csv", role="director")
    assert {"id", "sis_id", "section", "1.0", "score"} <= set(form_headers(plan))
    chloe = people(store)["Chloé Martin"]
    assert chloe.id == "D01" and chloe.genres == ("drama", "comedy") and chloe.availability == ("Mon AM", "Wed PM")


def test_jinshuju_export(store):
    plan = run(store, "jinshuju.csv")
    assert {"提交人", "填写设备", "IP", "微信昵称", "序号"} <= set(form_headers(plan))
    assert people(store)["何星辰"].genres == ("sci-fi", "animation")


def test_wps_sheet_with_a_title_row(store):
    plan = run(store, "wps_title.xlsx")
    [title] = [w for w in plan.warnings if w.message.code == "importer.title_rows_skipped"]
    assert "2026 青年导演短片扶持计划 导师名单" in title.text() and "lines 1, 2" in title.text()
    luo = people(store)["罗斌"]
    assert luo.role is Role.INSTRUCTOR and luo.skills == {"vfx": 3, "di-grading": 3} and luo.capacity == 2
    assert luo.organization == "星河视效" and luo.notes == "可线上" and luo.extra == {}


@pytest.mark.parametrize("name, role", [("wjx_text.csv", None), ("tencent.csv", None), ("google_forms.csv", None),
                                        ("msforms.xlsx", None), ("wps_title.xlsx", None)])
def test_every_column_has_a_reason_in_both_languages(store, name, role):
    plan = run(store, name, role=role)
    for column in plan.column_plan.columns:
        assert column.reason is not None
        english, chinese = render(column.reason, "en"), render(column.reason, "zh")
        assert english and chinese and english != chinese


def test_a_second_form_export_never_overwrites_the_people_of_the_first(store):
    """Issue 13: response numbers 1-3 of two exports matched as ids turned three producers into instructors."""
    run(store, "tencent.csv")  # three producers, 编号 1-3
    before = people(store)
    plan = run(store, "msforms.xlsx")  # three instructors, ID 1-3
    assert len(plan.added) == 3 and not plan.updated
    after = people(store)
    assert {n: after[n] for n in before} == before and len(after) == 6
    assert {p.role for n, p in after.items() if n not in before} == {Role.INSTRUCTOR}


@pytest.mark.parametrize("name, role", [("wjx_text.csv", None), ("wjx_number.csv", "director"),
                                        ("tencent.csv", None), ("google_forms.csv", None),
                                        ("google_busy.csv", None), ("msforms.xlsx", None),
                                        ("canvas.csv", "director"), ("jinshuju.csv", None),
                                        ("wps_title.xlsx", None)])
def test_a_form_export_round_trips_through_the_roster_export(store, tmp_path, name, role):
    """Imported from a form, written as a roster file, imported into a new program: the same people."""
    from pairing.exports.roster import write_roster
    from pairing.storage import open_program

    run(store, name, role=role)
    with store.sessions() as session:
        first = tuple(repo.list_people(session))
    write_roster(first, tmp_path / "roster.csv", include_contacts=True)
    again = open_program(tmp_path / "again.pairing")
    try:
        with again.sessions.begin() as session:
            plan = import_roster(session, tmp_path / "roster.csv")
            assert plan.ok, [str(e) for e in plan.errors]
        with again.sessions() as session:
            assert tuple(repo.list_people(session)) == first
        with again.sessions.begin() as session:  # and once more: nothing changes
            assert len(import_roster(session, tmp_path / "roster.csv").unchanged) == len(first)
    finally:
        again.close()
