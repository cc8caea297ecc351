"""Cell values: list splitting, skill levels, roles, capacity and language names."""

import pytest
from hypothesis import given, settings, strategies as st

from pairing.domain import Role
from pairing.importer.issues import ValueProblem
from pairing.importer.values import (
    normalise_language, parse_capacity, parse_role, split_level, split_list,
)

SEPARATORS = [";", "|", "；", "、", ",", "，", "\n", "┋"]
# Brackets keep a comma inside an option ("Editing (Avid, Premiere)"); "other" answers give their text;
# 问卷星's skip markers are blank (tests/unit/pairing/importer/test_import_answers.py).
NOT_IN_ITEMS = "".join(SEPARATORS) + "([{（【〖《)]}）】〗》｜"


def test_every_list_separator_splits_and_blanks_are_dropped():
    assert split_list("a; b|c；d、e,f，g\nh ;; ,") == list("abcdefgh")
    assert split_list("") == [] and split_list(" ; ") == []


item = st.text(st.characters(blacklist_characters=NOT_IN_ITEMS, blacklist_categories=("Cs",)),
               min_size=1, max_size=12).map(str.strip).filter(bool).filter(
    lambda t: t.casefold() not in ("其他", "其它", "other", "others", "-3", "n/a") and not t.startswith(
        ("其他:", "其它:", "other:", "Other:", "其他：", "OTHER:")))


@settings(max_examples=60, deadline=None)
@given(items=st.lists(item, max_size=8), seps=st.lists(st.sampled_from(SEPARATORS), min_size=1),
       blanks=st.booleans())
def test_joining_items_with_any_separators_splits_back_to_them(items, seps, blanks):
    parts = []
    for i, text in enumerate(items):
        parts.append(text)
        parts.append(seps[i % len(seps)] + (" ; " if blanks else ""))
    assert split_list("".join(parts)) == items


@pytest.mark.parametrize("text, expected", [
    ("editing:4", ("editing", 4)), ("剪辑：4", ("剪辑", 4)), ("DI grading : 5", ("DI grading", 5)),
    ("vfx", ("vfx", None)), ("sound：５", ("sound", 5)),
])
def test_skill_levels(text, expected):
    assert split_level(text) == expected


@pytest.mark.parametrize("text", ["editing:0", "editing:6", "editing:high", "editing:", ":4"])
def test_bad_levels_say_what_is_expected(text):
    with pytest.raises(ValueProblem, match="1 to 5|no skill"):
        split_level(text)


@pytest.mark.parametrize("text, role", [
    ("director", Role.DIRECTOR), ("Young Director", Role.DIRECTOR), ("mentee", Role.DIRECTOR),
    ("导演", Role.DIRECTOR), ("青年导演", Role.DIRECTOR), ("Senior producer", Role.PRODUCER),
    ("制片人", Role.PRODUCER), ("监制", Role.PRODUCER), ("instructor", Role.INSTRUCTOR),
    ("导师", Role.INSTRUCTOR), ("讲师", Role.INSTRUCTOR), ("教练", Role.INSTRUCTOR),
])
def test_role_synonyms(text, role):
    assert parse_role(f"  {text} ") is role


def test_unknown_role_lists_the_expected_ones():
    with pytest.raises(ValueProblem, match="expected young director, senior producer or instructor"):
        parse_role("astronaut")


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_capacity_reads_whole_numbers_including_spreadsheet_floats(n):
    assert parse_capacity(str(n)) == n == parse_capacity(f"{n}.0")


@pytest.mark.parametrize("text", ["-1", "2.5", "three", "3 people"])
def test_bad_capacity(text):
    with pytest.raises(ValueProblem, match="whole number"):
        parse_capacity(text)


def test_blank_capacity_is_none():
    assert parse_capacity("  ") is None


@pytest.mark.parametrize("text, name", [("普通话", "Mandarin"), ("mandarin", "Mandarin"), ("粤语", "Cantonese"),
                                        ("英语", "English"), ("Swahili", "Swahili")])
def test_language_names_are_folded_to_one_english_name(text, name):
    assert normalise_language(text) == name
