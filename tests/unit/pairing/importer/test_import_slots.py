"""The slot grammar: days, parts, ranges, `any`, dated calendars, and slots outside the calendar."""

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from pairing.calendar import DAYS, DEFAULT_CALENDAR, PARTS, dated_calendar
from pairing.importer.issues import ValueProblem
from pairing.importer.slots import SlotParser, parse_availability

EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ZH_DAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
XINGQI = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
PART_WORDS = {"AM": ("AM", "morning", "上午"), "PM": ("PM", "afternoon", "下午"), "EVE": ("EVE", "evening", "晚上")}


@pytest.mark.parametrize("text, expected", [
    ("Mon AM", ("Mon AM",)),
    ("Tuesday PM", ("Tue PM",)),
    ("周三 晚上", ("Wed EVE",)),
    ("星期三下午", ("Wed PM",)),
    ("Sat", ("Sat AM", "Sat PM", "Sat EVE")),
    ("Mon-Fri PM", tuple(f"{d} PM" for d in DAYS[:5])),
    ("周一至周五 上午", tuple(f"{d} AM" for d in DAYS[:5])),
    ("Fri–Mon evening", ("Mon EVE", "Fri EVE", "Sat EVE", "Sun EVE")),
    ("ｍｏｎ ａｍ", ("Mon AM",)),
    ("Sat AM/PM", ("Sat AM", "Sat PM")),
    ("weekend", tuple(f"{d} {p}" for d in DAYS[5:] for p in PARTS)),
    ("周末", tuple(f"{d} {p}" for d in DAYS[5:] for p in PARTS)),
])
def test_each_form_of_the_grammar_gives_canonical_slots(text, expected):
    assert parse_availability([text], DEFAULT_CALENDAR) == expected


@pytest.mark.parametrize("word", ["any", "ANY", "all", "全部"])
def test_any_means_every_slot_of_the_calendar(word):
    assert parse_availability([word], DEFAULT_CALENDAR) == DEFAULT_CALENDAR


def test_results_come_in_calendar_order_without_repeats():
    assert parse_availability(["Sun EVE", "Mon AM", "Mon", "Mon AM"], DEFAULT_CALENDAR) == (
        "Mon AM", "Mon PM", "Mon EVE", "Sun EVE")


def test_dated_calendar_accepts_dates_date_ranges_and_weekdays():
    calendar = dated_calendar(dt.date(2026, 3, 2), dt.date(2026, 3, 8))  # Monday to Sunday
    assert parse_availability(["2026-03-02 AM"], calendar) == ("2026-03-02 AM",)
    assert parse_availability(["Tue PM"], calendar) == ("2026-03-03 PM",)
    assert parse_availability(["2026-03-05-2026-03-06 EVE"], calendar) == ("2026-03-05 EVE", "2026-03-06 EVE")
    assert parse_availability(["any"], calendar) == calendar


@pytest.mark.parametrize("text, fragment", [
    ("Funday", "is not a slot"),
    ("Mon XX", "is not a slot"),
    ("2026-03-02 AM", "outside the program calendar"),
    ("2026-02-30", "not a real date"),
])
def test_bad_items_are_named_in_the_message(text, fragment):
    with pytest.raises(ValueProblem, match=fragment) as info:
        parse_availability([text], DEFAULT_CALENDAR)
    assert text in str(info.value)


def test_a_part_outside_a_calendar_without_evenings_is_an_error():
    calendar = tuple(s for s in DEFAULT_CALENDAR if not s.endswith("EVE"))
    assert parse_availability(["Mon"], calendar) == ("Mon AM", "Mon PM")
    with pytest.raises(ValueProblem, match="Mon EVE"):
        parse_availability(["Mon EVE"], calendar)


def test_every_bad_item_of_a_cell_is_reported():
    with pytest.raises(ValueProblem) as info:
        parse_availability(["Mon AM", "Blursday", "Mon ZZ"], DEFAULT_CALENDAR)
    assert "Blursday" in str(info.value) and "Mon ZZ" in str(info.value)


day_index = st.integers(0, 6)
part = st.sampled_from(PARTS)


@settings(max_examples=60, deadline=None)
@given(day=day_index, part=part, style=st.integers(0, 3), word=st.integers(0, 2), spaced=st.booleans())
def test_any_spelling_of_a_day_and_part_means_that_slot(day, part, style, word, spaced):
    day_text = (DAYS, EN_DAYS, ZH_DAYS, XINGQI)[style][day]
    text = day_text + (" " if spaced or style < 2 else "") + PART_WORDS[part][word]
    assert parse_availability([text], DEFAULT_CALENDAR) == (f"{DAYS[day]} {part}",)


@settings(max_examples=60, deadline=None)
@given(first=day_index, last=day_index, part=part, chinese=st.booleans())
def test_a_range_covers_the_days_from_first_to_last(first, last, part, chinese):
    if chinese:
        text = f"{ZH_DAYS[first]}至{ZH_DAYS[last]} {PART_WORDS[part][2]}"
    else:
        text = f"{DAYS[first]}-{DAYS[last]} {part}"
    slots = parse_availability([text], DEFAULT_CALENDAR)
    span = (last - first) % 7 + 1
    assert len(slots) == span
    assert {s.split()[0] for s in slots} == {DAYS[(first + i) % 7] for i in range(span)}
    assert all(s.endswith(part) for s in slots)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(DEFAULT_CALENDAR), max_size=10))
def test_canonical_slots_parse_to_themselves_in_calendar_order(slots):
    parsed = SlotParser(DEFAULT_CALENDAR).parse_items(slots)
    assert parsed == tuple(s for s in DEFAULT_CALENDAR if s in slots)
