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


# --- reading the program's properties from what a curator typed (issue 10) ---------------------

def refused(message, renderer=None):
    """A `UserError` saying `message` (a `pairing.words.Message`) in the renderer's language (English
    without one); the message is kept as `.message` so that the window can say it in its language."""
    from pairing.errors import UserError
    from pairing.words import render

    error = UserError(renderer.sentence(message) if renderer else render(message))
    error.message = message
    return error


def parse_start(text: str) -> dt.date:
    """`2027-03-01` → a date; a day that does not exist (2027-02-30) is refused with a sentence."""
    from pairing.words import msg

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise refused(msg("program.bad_date", value=text)) from None


def parse_weeks(value) -> int:
    from pairing.domain import WEEKS_RANGE

    return _whole_in_range(value, WEEKS_RANGE, "program.bad_weeks")


def parse_meeting_minutes(value) -> int:
    from pairing.domain import MEETING_MINUTES_RANGE

    return _whole_in_range(value, MEETING_MINUTES_RANGE, "program.bad_minutes")


def _whole_in_range(value, bounds: tuple[int, int], code: str) -> int:
    from pairing.words import msg

    low, high = bounds
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise refused(msg(code, value=str(value), low=low, high=high))
    return number


def parse_cadence(text: str):
    from pairing.domain import Cadence
    from pairing.words import msg

    try:
        return Cadence(text.strip().lower())
    except ValueError:
        raise refused(msg("program.bad_cadence", value=text,
                               choices=tuple(str(c) for c in Cadence))) from None


def parse_kind(text: str):
    from pairing.domain import ProgramKind
    from pairing.words import msg

    try:
        return ProgramKind(text.strip().lower())
    except ValueError:
        raise refused(msg("program.bad_kind", value=text,
                               choices=tuple(str(k) for k in ProgramKind))) from None


def parse_time_zone(text: str) -> str:
    """An IANA zone name (`Asia/Shanghai`, `Europe/Berlin`) that this computer knows."""
    import zoneinfo

    from pairing.words import msg

    name = text.strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise refused(msg("program.bad_time_zone", value=text)) from None
    return name


def parse_language(text: str) -> str:
    from pairing.words import LANGS, msg

    value = text.strip().lower()
    if value not in LANGS:
        raise refused(msg("program.bad_language", value=text, choices=LANGS))
    return value


def parse_role_name(text: str) -> tuple[str, str, str]:
    """`director=screenwriter/编剧学员` → `('director', 'screenwriter', '编剧学员')`."""
    from pairing.domain import PROGRAM_ROLES
    from pairing.words import msg

    role, _, names = text.partition("=")
    en, _, zh = names.partition("/")
    role, en, zh = role.strip().lower(), en.strip(), zh.strip()
    if role not in PROGRAM_ROLES or not en or not zh:
        raise refused(msg("program.bad_role", value=text, roles=PROGRAM_ROLES))
    return role, en, zh


def parse_name(text: str) -> str:
    from pairing.words import msg

    name = " ".join(text.split())
    if not name or len(name) > 200:
        raise refused(msg("program.bad_name", value=text))
    return name
