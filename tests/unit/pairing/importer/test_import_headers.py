"""Headers as forms write them: normalised, matched by meaning with a reason, misspellings suggested."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing.importer.columns import Kind, duplicate_fields, plan_columns
from pairing.importer.headers import HEADER_NAMES, match_header, normalise_header, suggest_field
from pairing.words import render


def fields_of(header):
    return plan_columns(header).fields


@pytest.mark.parametrize("field, name", [(f, n) for f, names in HEADER_NAMES.items() for n in names])
def test_every_header_name_of_the_brief_maps_to_its_field(field, name):
    for spelled in (name, name.upper(), f"  {name} "):
        assert fields_of([spelled]) == {0: field}


@pytest.mark.parametrize("header, field", [
    ("1、您的姓名：", "name"), ("1.您的姓名", "name"), ("Your Name", "name"), ("姓名 / Name", "name"),
    ("Q1. Your name *", "name"), ("第1题 姓名（必填）", "name"), ("(1) 姓名", "name"), ("*3、姓名：", "name"),
    ("First name / 名", "given_name"), ("Last name", "family_name"),
    ("Which genres do you work in?", "genres"), ("5、擅长类型", "genres"), ("可参加时间", "availability"),
    ("What would you like to learn?", "needs"), ("Email Address (optional)", "email"),
    ("您的手机号码？", "phone"), ("所在单位/学校", "organization"), ("You are applying as a…", "role"),
    ("Languages you speak", "languages"), ("12345: What skills can you teach?", "skills"),
])
def test_questions_match_their_field_with_a_reason(header, field):
    match = match_header(header)
    assert match.field == field and match.score >= 60
    assert render(match.reason, "en") and render(match.reason, "zh")


def test_a_film_title_is_not_the_persons_name():
    assert match_header("Project name / 作品名称").field != "name"


def test_unknown_columns_are_notes_with_suggestions_for_close_misspellings():
    plan = plan_columns(["Name", "availabilty", "Website", "genere", "角色"])
    assert plan.fields == {0: "name", 1: "availability", 4: "role"}  # "availab…" is a word of availability
    notes = {c.header: c.suggestion for c in plan.notes}
    assert notes == {"Website": None, "genere": "genres"}


def test_duplicate_fields_are_reported():
    plan = plan_columns(["name", "姓名", "role", "type"])
    assert {f: [c.index for c in cols] for f, cols in duplicate_fields(plan).items()} == {
        "name": [0, 1], "role": [2, 3]}


def test_a_surer_column_keeps_the_field_and_the_other_becomes_a_note_saying_why():
    plan = plan_columns(["姓名", "您的称呼", "role"])
    assert plan.fields == {0: "name", 2: "role"}
    assert plan.columns[1].kind is Kind.NOTE and plan.columns[1].reason.code == "importer.reason_field_taken"


def test_header_with_bom_and_full_width_colon():
    assert fields_of(["\ufeffid", "姓名："]) == {0: "id", 1: "name"}


def test_short_or_unrelated_headers_get_no_suggestion():
    assert suggest_field("x") is None and suggest_field("favourite colour") is None


# -- normalisation as a property ---------------------------------------------------------------------

QUESTIONS = st.sampled_from(["您的姓名", "your name", "擅长类型", "可参加时间", "which genres do you work in",
                             "email", "what would you like to learn"])
NUMBERING = st.sampled_from(["", "1、", "12、", "1.", "3. ", "Q1.", "Q12 ", "q3:", "第1题", "第 12 题 ", "(1)", "（4）",
                             "7) "])
HINTS = st.sampled_from(["", "（必填）", "(optional)", "【单选】", "(required)", "（可多选）", "[multiple]"])
ENDS = st.sampled_from(["", "：", ":", "?", "？", "*", " *", "。", "：*"])
STARTS = st.sampled_from(["", "*", "* ", "※"])


@given(STARTS, NUMBERING, QUESTIONS, HINTS, ENDS)
def test_numbering_marks_hints_and_punctuation_never_change_the_question(start, number, question, hint, end):
    assert normalise_header(f"{start}{number}{question}{hint}{end}") == question


@given(st.text(min_size=1, max_size=30))
def test_normalising_is_idempotent_and_never_empties_a_header_with_letters(text):
    once = normalise_header(text)
    assert normalise_header(once) == once
    if any(ch.isalpha() for ch in text):
        assert once


@given(QUESTIONS, st.sampled_from(["姓名", "Name", "类型", "Genres"]))
def test_a_bilingual_header_matches_through_either_half(question, other):
    match = match_header(f"{question} / {other}")
    assert match.field is not None
