"""`pairing roster --db PROGRAM`: the roster as an aligned table, or JSON with canonical terms and slots."""

from __future__ import annotations

import json
import unicodedata

from pairing.calendar import DAYS, PARTS, split_slot
from pairing.domain import Person, Role
from pairing.importer.values import role_option
from pairing.actions import reading
from pairing.storage import open_program

COLUMNS = ("id", "name", "role", "organization", "genres", "skills / needs", "availability", "cap.")
MAX_WIDTH = {"name": 20, "organization": 20, "genres": 24, "skills / needs": 32, "availability": 28}


def run(args) -> int:
    role = role_option(args.role)
    store = open_program(args.db, create=False)
    try:
        with store.sessions.begin() as session:
            people = reading.people(session, role)
    finally:
        store.close()
    print(json.dumps(roster_json(people), ensure_ascii=False, indent=2) if args.json else roster_table(people))
    return 0


# -- JSON ---------------------------------------------------------------------------------------

def person_json(person: Person) -> dict:
    """One person as in `roster --json`: canonical terms and slots; capacity is the effective one."""
    return {
        "id": person.id, "name": person.name, "role": str(person.role), "email": person.email,
        "phone": person.phone, "organization": person.organization, "genres": list(person.genres),
        "skills": dict(person.skills), "needs": list(person.needs), "availability": list(person.availability),
        "capacity": person.effective_capacity if person.role.is_mentor else None,
        "languages": list(person.languages), "prefers": list(person.prefers), "avoid": list(person.avoid),
        "notes": person.notes, "extra": dict(person.extra),
    }


def roster_json(people) -> dict:
    return {"people": [person_json(p) for p in people]}


# -- table --------------------------------------------------------------------------------------

def roster_table(people) -> str:
    if not people:
        return "No people in this program yet; add them with: pairing import ROSTER.csv --db PROGRAM"
    rows = [_row(p) for p in people]
    widths = [max(display_width(c) for c in column) for column in zip(COLUMNS, *rows)]
    lines = [_line(COLUMNS, widths), _line(tuple("-" * w for w in widths), widths)]
    lines += [_line(row, widths) for row in rows]
    lines.append(_totals(people))
    return "\n".join(lines)


def _row(person: Person) -> tuple[str, ...]:
    if person.role is Role.DIRECTOR:
        learning = "needs " + ", ".join(person.needs) if person.needs else ""
    else:
        learning = ", ".join(f"{k}:{v}" for k, v in person.skills.items())
    cells = {
        "id": person.id, "name": person.name, "role": str(person.role), "organization": person.organization,
        "genres": ", ".join(person.genres), "skills / needs": learning,
        "availability": compress_slots(person.availability),
        "cap.": str(person.effective_capacity) if person.role.is_mentor else "",
    }
    return tuple(truncate(cells[c], MAX_WIDTH.get(c, 40)) for c in COLUMNS)


def _line(cells, widths) -> str:
    return "  ".join(pad(c, w) for c, w in zip(cells, widths)).rstrip()


def _totals(people) -> str:
    counts = {role: sum(1 for p in people if p.role is role) for role in Role}
    parts = ", ".join(f"{n} {role}{'' if n == 1 else 's'}" for role, n in counts.items())
    return f"{len(people)} {'person' if len(people) == 1 else 'people'}: {parts}"


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def truncate(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out = ""
    for char in text:
        if display_width(out + char) > width - 1:
            break
        out += char
    return out + "…"


def compress_slots(slots) -> str:
    """`Sat AM, Sat PM, Sat EVE, Mon PM … Fri PM` → `Sat, Mon-Fri PM`; every weekly slot → `any`."""
    slots = set(slots)
    if len(slots) == len(DAYS) * len(PARTS):
        return "any"
    if any(split_slot(s)[0] not in DAYS for s in slots):
        return f"{len(slots)} slots"
    whole = [d for d in DAYS if all(f"{d} {p}" in slots for p in PARTS)]
    pieces = [_day_runs(whole)] if whole else []
    for part in PARTS:
        days = [d for d in DAYS if d not in whole and f"{d} {part}" in slots]
        if days:
            pieces.append(f"{_day_runs(days)} {part}")
    return ", ".join(pieces)


def _day_runs(days: list[str]) -> str:
    runs, start = [], None
    indices = [DAYS.index(d) for d in days]
    for pos, index in enumerate(indices):
        if start is None:
            start = index
        if pos + 1 == len(indices) or indices[pos + 1] != index + 1:
            runs.append(DAYS[start] if start == index else f"{DAYS[start]}-{DAYS[index]}")
            start = None
    return "/".join(runs)
