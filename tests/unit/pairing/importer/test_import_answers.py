"""Answers as forms write them: separators, whole options with commas, "other" texts, grids and hours."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pairing.importer.answers import AnswerSplitter, other_text, split_answer
from pairing.importer.slots import grid_items, hour_parts
from pairing.importer.values import parse_role
from pairing.domain import Role

STRONG = ["┋", "|", ";", "；", "、", "\n"]
word = st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=8).filter(
    lambda t: t.casefold() not in ("其他", "其它", "other", "others"))


@settings(max_examples=80, deadline=None)
@given(st.lists(word, min_size=1, max_size=6), st.sampled_from(STRONG + [", ", ",", "，"]))
def test_choices_joined_by_any_separator_split_back(items, separator):
    assert split_answer(separator.join(items)) == items


@settings(max_examples=80, deadline=None)
@given(st.lists(word, min_size=1, max_size=3), word, word)
def test_a_comma_inside_brackets_never_splits(items, a, b):
    option = f"{items[0]} ({a}, {b})"
    cell = ", ".join([option, *items[1:]])
    assert split_answer(cell)[0] == option


@settings(max_examples=60, deadline=None)
@given(st.lists(word, min_size=2, max_size=4, unique=True), word)
def test_a_comma_splits_only_between_whole_options_the_column_shows(parts, other):
    whole = ", ".join(parts)  # one option with commas, shown alone by another respondent
    splitter = AnswerSplitter([whole, f"{whole}┋{other}", other])
    assert splitter.split(f"{whole}, {other}") == [whole, other]
    assert splitter.split(whole) == [whole]


@pytest.mark.parametrize("text, expected", [
    ("其他〖公路片〗", "公路片"), ("其它〖 女性题材 〗", "女性题材"), ("Other: road movie", "road movie"),
    ("other：heist", "heist"), ("其他（武侠）", "武侠"), ("其他", ""), ("Other", ""), ("Drama", "Drama"),
])
def test_other_answers_give_the_text_inside(text, expected):
    assert other_text(text) == expected


def test_skipped_questions_are_blank():
    assert split_answer("(跳过)") == [] and split_answer("剧情┋(空)") == ["剧情"]


@pytest.mark.parametrize("text, parts", [
    ("8AM", ("AM",)), ("1PM", ("PM",)), ("7pm", ("EVE",)), ("14:00-16:00", ("PM",)), ("9:00-13:00", ("AM", "PM")),
    ("17:00-20:00", ("PM", "EVE")), ("10am-2pm", ("AM", "PM")), ("19点", ("EVE",)), ("Morning", None),
])
def test_hours_and_ranges_map_to_parts(text, parts):
    assert hour_parts(text) == parts


def test_grid_cells_of_a_day_column_and_of_a_part_column():
    assert grid_items("Monday", ["Morning", "14:00-16:00"]) == ("Mon AM", "Mon PM")
    assert grid_items("周三", ["全天"]) == ("Wed AM", "Wed PM", "Wed EVE")
    assert grid_items("Evening", ["Mon", "周五"]) == ("Mon EVE", "Fri EVE")


@pytest.mark.parametrize("text, role", [
    ("监制/制片人", Role.PRODUCER), ("专业导师", Role.INSTRUCTOR), ("Mentor", Role.INSTRUCTOR),
    ("Mentee", Role.DIRECTOR), ("青年导演（学员）", Role.DIRECTOR), ("动作导演", Role.PRODUCER),
    ("主导师", Role.PRODUCER), ("编剧学员", Role.DIRECTOR), ("I am a mentor", Role.INSTRUCTOR),
])
def test_role_answers_in_the_forms_words(text, role):
    assert parse_role(text) is role


def test_the_programs_own_role_names_are_role_answers(store, tmp_path):
    from dataclasses import replace

    from pairing.importer import import_roster
    from pairing.storage import program_repo

    with store.sessions.begin() as session:
        properties = program_repo.get_properties(session)
        roles = tuple((r, "fellow", "研修生") if r == "director" else (r, en, zh) for r, en, zh in properties.roles)
        program_repo.save_properties(session, replace(properties, roles=roles))
    path = tmp_path / "r.csv"
    path.write_text("姓名,报名类别,类型\n王一帆,研修生,剧情\nAnn Lee,Fellow,drama\n", encoding="utf-8")
    with store.sessions.begin() as session:
        plan = import_roster(session, path)
    assert plan.ok and [p.role for p in plan.added] == [Role.DIRECTOR, Role.DIRECTOR]
