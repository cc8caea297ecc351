"""Canonical slots: order, labels in both languages, and dates for invitations."""

import datetime as dt

from pairing.calendar import (
    DEFAULT_CALENDAR, dated_calendar, slot_date, slot_label, sort_slots, weekly_calendar,
)


def test_the_default_calendar_has_every_part_of_every_day():
    assert len(DEFAULT_CALENDAR) == 21
    assert DEFAULT_CALENDAR[:4] == ("Mon AM", "Mon PM", "Mon EVE", "Tue AM")


def test_slots_sort_in_calendar_order():
    assert sort_slots(["Wed PM", "Mon EVE", "Mon AM", "Mon AM"]) == ("Mon AM", "Mon EVE", "Wed PM")
    assert sort_slots(["2026-03-03 AM", "2026-03-02 EVE"]) == ("2026-03-02 EVE", "2026-03-03 AM")


def test_labels_in_chinese():
    assert slot_label("Wed EVE", "zh") == "周三 晚上"
    assert slot_label("2026-03-02 AM", "zh_CN") == "2026-03-02 上午"


def test_a_dated_calendar_spans_the_dates():
    calendar = dated_calendar(dt.date(2026, 3, 2), dt.date(2026, 3, 3))
    assert calendar == tuple(f"2026-03-0{d} {p}" for d in (2, 3) for p in ("AM", "PM", "EVE"))


def test_weekly_slots_land_on_or_after_the_start_date():
    start = dt.date(2026, 3, 4)  # a Wednesday
    assert slot_date("Wed AM", start) == start
    assert slot_date("Mon PM", start) == dt.date(2026, 3, 9)
    assert slot_date("2026-05-01 AM", None) == dt.date(2026, 5, 1)
    assert slot_date("Mon PM", None) is None


def test_a_weekday_calendar():
    assert weekly_calendar(("Mon", "Tue"))[-1] == "Tue EVE"
