"""The slot grammar of the roster: `Mon AM`, `周三 晚上`, `星期三下午`, `Mon-Fri PM`, `2026-03-02 AM`…"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Iterable

from pairing.calendar import DAYS, PARTS, is_dated, split_slot
from pairing.importer.issues import ValueProblem
from pairing.words import msg

EVERY = ("any", "all", "every", "anytime", "always", "全部", "任意", "随时", "都可以", "全天候")

_DAY_WORDS: dict[str, str] = {}
for _i, _day in enumerate(DAYS):
    _en = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[_i]
    _zh = "一二三四五六日"[_i]
    for _word in (_day.lower(), _en, f"周{_zh}", f"星期{_zh}", f"礼拜{_zh}"):
        _DAY_WORDS[_word] = _day
_DAY_WORDS.update({"tues": "Tue", "weds": "Wed", "thur": "Thu", "thurs": "Thu",
                   "周天": "Sun", "星期天": "Sun", "礼拜天": "Sun", "周七": "Sun"})

_GROUP_WORDS = {"weekdays": DAYS[:5], "weekday": DAYS[:5], "工作日": DAYS[:5],
                "weekend": DAYS[5:], "weekends": DAYS[5:], "周末": DAYS[5:]}

_PART_WORDS = {"am": "AM", "morning": "AM", "mornings": "AM", "上午": "AM", "早上": "AM",
               "pm": "PM", "afternoon": "PM", "afternoons": "PM", "下午": "PM",
               "eve": "EVE", "evening": "EVE", "evenings": "EVE", "night": "EVE", "晚上": "EVE",
               "夜间": "EVE", "晚间": "EVE"}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DAY = rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|{_alternation(_DAY_WORDS)})"
_PART = rf"(?:{_alternation(_PART_WORDS)})"
_ITEM = re.compile(
    rf"^(?:(?P<group>{_alternation(_GROUP_WORDS)})|(?P<first>{_DAY})(?:\s*(?:-|~|至|到|to)\s*(?P<last>{_DAY}))?)?"
    rf"\s*(?P<parts>{_PART}(?:\s*[/+&]?\s*{_PART})*)?$"
)
_PART_SPLIT = re.compile(_PART)


def clean(text: str) -> str:
    """Full-width forms folded (NFKC), dashes unified, case folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    return re.sub(r"\s+", " ", text.strip().casefold())


class SlotParser:
    """Reads availability items against one program calendar; results are cached per item."""

    def __init__(self, calendar: Iterable[str]):
        self.calendar = tuple(calendar)
        self._order = {slot: i for i, slot in enumerate(self.calendar)}
        self._dated = any(is_dated(s) for s in self.calendar)
        self._cache: dict[str, tuple[str, ...]] = {}

    def parse_items(self, items: Iterable[str]) -> tuple[str, ...]:
        """Canonical slots of all items, in calendar order; raises ValueProblem naming every bad item."""
        slots: set[str] = set()
        problems = []
        for item in items:
            try:
                slots.update(self.parse_item(item))
            except ValueProblem as exc:
                problems.append(exc.message)
        if problems:
            raise ValueProblem(problems[0] if len(problems) == 1 else msg("importer.several", problems=problems))
        return tuple(sorted(slots, key=self._order.__getitem__))

    def parse_item(self, item: str) -> tuple[str, ...]:
        cached = self._cache.get(item)
        if cached is None:
            cached = self._cache[item] = self._parse(item)
        return cached

    def _parse(self, item: str) -> tuple[str, ...]:
        text = clean(item)
        if text in EVERY:
            return self.calendar
        match = _ITEM.match(text)
        if not text or match is None or not (match["group"] or match["first"] or match["parts"]):
            raise ValueProblem(msg("importer.bad_slot", item=item))
        days = self._days(match, item)
        parts = tuple(_PART_WORDS[p] for p in _PART_SPLIT.findall(match["parts"] or "")) or PARTS
        return self._slots(days, parts, item, explicit_parts=bool(match["parts"]))

    def _days(self, match: re.Match, item: str) -> tuple[str, ...]:
        if match["group"]:
            return self._weekdays_in_calendar(_GROUP_WORDS[match["group"]])
        if not match["first"]:
            return self._calendar_days()
        first = _day(match["first"], item)
        last = _day(match["last"], item) if match["last"] else first
        if first in DAYS and last in DAYS:
            return self._weekdays_in_calendar(_weekday_range(first, last))
        if first in DAYS or last in DAYS:
            raise ValueProblem(msg("importer.slot_mixed_range", item=item))
        return _date_range(first, last, item)

    def _calendar_days(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(split_slot(s)[0] for s in self.calendar))

    def _weekdays_in_calendar(self, weekdays: Iterable[str]) -> tuple[str, ...]:
        """Weekday names as they appear in the calendar: themselves, or the dates falling on them."""
        weekdays = tuple(weekdays)
        if not self._dated:
            return weekdays
        return tuple(d for d in self._calendar_days()
                     if is_dated(f"{d} AM") and DAYS[dt.date.fromisoformat(d).weekday()] in weekdays)

    def _slots(self, days, parts, item: str, explicit_parts: bool) -> tuple[str, ...]:
        wanted = [f"{d} {p}" for d in days for p in parts]
        inside = tuple(s for s in wanted if s in self._order)
        outside = [s for s in wanted if s not in self._order]
        if explicit_parts and outside or not inside:
            shown = ", ".join(outside[:6]) + (" …" if len(outside) > 6 else "")
            raise ValueProblem(msg("importer.slot_outside_calendar", item=item, slots=shown or item,
                                   first=self.calendar[0], last=self.calendar[-1]))
        return inside


def _day(token: str, item: str) -> str:
    if token in _DAY_WORDS:
        return _DAY_WORDS[token]
    try:
        return dt.date.fromisoformat("-".join(f"{int(x):02d}" for x in token.split("-"))).isoformat()
    except ValueError:
        raise ValueProblem(msg("importer.slot_bad_date", item=item, token=token)) from None


def _weekday_range(first: str, last: str) -> tuple[str, ...]:
    """Inclusive, wrapping past Sunday (`Fri-Mon` is Fri, Sat, Sun, Mon)."""
    start, end = DAYS.index(first), DAYS.index(last)
    span = (end - start) % 7
    return tuple(DAYS[(start + i) % 7] for i in range(span + 1))


def _date_range(first: str, last: str, item: str) -> tuple[str, ...]:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if end < start:
        raise ValueProblem(msg("importer.slot_backwards", item=item, first=first, last=last))
    return tuple((start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1))


def parse_availability(items: Iterable[str], calendar: Iterable[str]) -> tuple[str, ...]:
    """One-call form: canonical slots of the items in calendar order (raises ValueProblem)."""
    return SlotParser(calendar).parse_items(items)


# -- availability grids (one column per day or per part; issue 13) -------------------------------------

_HOUR = r"(\d{1,2})(?:[:：.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|点|时)?"
_HOURS = re.compile(rf"^(?:{_HOUR})(?:\s*(?:-|~|至|到|to)\s*(?:{_HOUR}))?$")
ALL_DAY = ("all day", "whole day", "全天", "整天", "yes", "是", "available", "free", "可以", "有空", "1", "√", "✓", "✔")


def day_word(text: str) -> str | None:
    """`Monday`, `周一`, `星期一`, `Mon` → `Mon`; a date stays itself; anything else None."""
    key = clean(text)
    if key in _DAY_WORDS:
        return _DAY_WORDS[key]
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", key):
        try:
            return _day(key, text)
        except ValueProblem:
            return None
    return None


def part_word(text: str) -> str | None:
    """`Morning`, `上午`, `AM` → `AM`; anything else None."""
    return _PART_WORDS.get(clean(text))


def _part_of_hour(hour: int) -> str:
    return "AM" if hour < 12 else "PM" if hour < 18 else "EVE"


def _hour(number: str, suffix: str | None) -> int:
    hour = int(number)
    suffix = (suffix or "").replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    return hour


def hour_parts(text: str) -> tuple[str, ...] | None:
    """`8AM` → AM; `14:00-16:00` → PM; `9:00-13:00` → AM, PM; not an hour or range → None."""
    match = _HOURS.match(clean(text))
    if match is None or not match.group(1):
        return None
    start = _hour(match.group(1), match.group(3))
    if match.group(4) is None:
        return (_part_of_hour(start),) if start < 24 else None
    end_suffix = match.group(6) or (match.group(3) if match.group(3) in ("pm", "p.m.") else None)
    end = _hour(match.group(4), end_suffix)
    if end > 24 or start > 23:
        return None
    last = max(start, end - 1 if end > start else start)
    return tuple(dict.fromkeys(_part_of_hour(h) for h in range(start, last + 1)))


def grid_items(option: str, answers: Iterable[str]) -> tuple[str, ...]:
    """Slot texts (`Mon AM`) of one grid cell: a day column holds parts, hours or yes; a part column holds days."""
    day, part = day_word(option), part_word(option)
    items = []
    for answer in answers:
        if day is not None:
            parts = _cell_parts(answer)
            if parts is None:
                raise ValueProblem(msg("importer.bad_grid_cell", answer=answer, option=option))
            items += [f"{day} {p}" for p in parts]
        else:
            other = day_word(answer)
            if other is None and clean(answer) not in ALL_DAY:
                raise ValueProblem(msg("importer.bad_grid_cell", answer=answer, option=option))
            items += [f"{d} {part}" for d in ((other,) if other else DAYS)]
    return tuple(items)


def _cell_parts(answer: str) -> tuple[str, ...] | None:
    if part_word(answer):
        return (part_word(answer),)
    if clean(answer) in ALL_DAY:
        return PARTS
    return hour_parts(answer)
