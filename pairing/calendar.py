"""The program calendar: canonical slots (`Mon AM` … `Sun EVE`, or `2026-03-02 AM`)."""

from __future__ import annotations

import datetime as dt
import re

DAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PARTS: tuple[str, ...] = ("AM", "PM", "EVE")

DAY_LABELS = {
    "en": dict(zip(DAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))),
    "zh": dict(zip(DAYS, ("周一", "周二", "周三", "周四", "周五", "周六", "周日"))),
}
PART_LABELS = {
    "en": {"AM": "AM", "PM": "PM", "EVE": "Evening"},
    "zh": {"AM": "上午", "PM": "下午", "EVE": "晚上"},
}
# Start and end times of each part of the day, used by calendar invitations.
PART_HOURS = {"AM": (9, 12), "PM": (14, 17), "EVE": (19, 21)}

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2}) (AM|PM|EVE)$")


def weekly_calendar(days: tuple[str, ...] = DAYS) -> tuple[str, ...]:
    """Every part of every given weekday, in calendar order."""
    return tuple(f"{day} {part}" for day in days for part in PARTS)


DEFAULT_CALENDAR: tuple[str, ...] = weekly_calendar()


def dated_calendar(first: dt.date, last: dt.date) -> tuple[str, ...]:
    """Every part of every date from first to last inclusive."""
    span = (last - first).days + 1
    dates = (first + dt.timedelta(days=i) for i in range(span))
    return tuple(f"{d.isoformat()} {part}" for d in dates for part in PARTS)


def split_slot(slot: str) -> tuple[str, str]:
    """`'Mon AM'` → `('Mon', 'AM')`; `'2026-03-02 PM'` → `('2026-03-02', 'PM')`."""
    day, _, part = slot.partition(" ")
    return day, part


def is_dated(slot: str) -> bool:
    return bool(_DATED.match(slot))


def slot_sort_key(slot: str) -> tuple:
    day, part = split_slot(slot)
    part_index = PARTS.index(part) if part in PARTS else len(PARTS)
    if day in DAYS:
        return (0, DAYS.index(day), "", part_index)
    return (1, 0, day, part_index)


def sort_slots(slots) -> tuple[str, ...]:
    return tuple(sorted(set(slots), key=slot_sort_key))


def slot_label(slot: str, lang: str = "en") -> str:
    """A slot in the user's language: `Mon AM` / `周一 上午`."""
    day, part = split_slot(slot)
    lang = "zh" if lang.startswith("zh") else "en"
    day_text = DAY_LABELS[lang].get(day, day)
    return f"{day_text} {PART_LABELS[lang].get(part, part)}"


def slot_date(slot: str, start: dt.date | None) -> dt.date | None:
    """The calendar date of a slot: its own date, or for a weekly slot the first such weekday on or after start."""
    day, _ = split_slot(slot)
    if is_dated(slot):
        return dt.date.fromisoformat(day)
    if start is None or day not in DAYS:
        return None
    offset = (DAYS.index(day) - start.weekday()) % 7
    return start + dt.timedelta(days=offset)
