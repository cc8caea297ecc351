"""`pairing roster --db PROGRAM`: the roster as an aligned table, or JSON with canonical terms and slots."""

from __future__ import annotations

import json
import unicodedata

from pairing.actions import reading
from pairing.actions.program import open_program
from pairing.calendar import DAYS, PARTS, slot_label, split_slot
from pairing.cli import command_renderer
from pairing.domain import Person, Role
from pairing.importer.values import role_option
from pairing.words import RoleRef, Renderer, msg

COLUMNS = ("id", "name", "role", "organization", "genres", "learning", "availability", "capacity")
MAX_WIDTH = {"name": 20, "organization": 20, "genres": 24, "learning": 32, "availability": 28}


def run(args) -> int:
    role = role_option(args.role)
    store = open_program(args.db, create=False, read_only=True)  # issue 12: reading never writes
    try:
        with store.sessions() as session:
            program = reading.program(session)
    finally:
        store.close()
    say = command_renderer(args, program)
    people = [p for p in program.people if role is None or p.role is role]
    print(json.dumps(roster_json(people), ensure_ascii=False, indent=2) if args.json else roster_table(people, say))
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

def roster_table(people, say: Renderer = Renderer()) -> str:
    """The roster as aligned columns in the renderer's language (terms, slots and roles too)."""
    if not people:
        return say(msg("cli.roster_empty", command="pairing import ROSTER.csv --db PROGRAM"))
    header = tuple(say(msg(f"cli.column_{c}")) for c in COLUMNS)
    rows = [_row(p, say) for p in people]
    widths = [max(display_width(c) for c in column) for column in zip(header, *rows)]
    lines = [_line(header, widths), _line(tuple("-" * w for w in widths), widths)]
    lines += [_line(row, widths) for row in rows]
    lines.append(_totals(people, say))
    return "\n".join(lines)


def _row(person: Person, say: Renderer) -> tuple[str, ...]:
    terms = lambda kind, keys: say.join(say.term(kind, k) for k in keys)  # noqa: E731
    if person.role is Role.DIRECTOR:
        learning = say(msg("cli.needs", terms=terms("skill", person.needs))) if person.needs else ""
    else:
        learning = say.join(f"{say.term('skill', k)}:{v}" for k, v in person.skills.items())
    cells = {
        "id": person.id, "name": person.name, "role": say.value(RoleRef(str(person.role))),
        "organization": person.organization, "genres": terms("genre", person.genres), "learning": learning,
        "availability": compress_slots(person.availability, say),
        "capacity": str(person.effective_capacity) if person.role.is_mentor else "",
    }
    return tuple(truncate(cells[c], MAX_WIDTH.get(c, 40)) for c in COLUMNS)


def _line(cells, widths) -> str:
    return "  ".join(pad(c, w) for c, w in zip(cells, widths)).rstrip()


def _totals(people, say: Renderer) -> str:
    counts = {role: sum(1 for p in people if p.role is role) for role in Role}
    parts = [msg("cli.roster_count", count=n, role=RoleRef(str(role), plural=n != 1)) for role, n in counts.items()]
    return say(msg("cli.roster_totals", count=len(people), parts=tuple(say(p) for p in parts)))


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


def compress_slots(slots, say: Renderer = Renderer()) -> str:
    """`Sat AM, Sat PM, Sat EVE, Mon PM … Fri PM` → `Sat, Mon-Fri PM` (`周六、周一至周五 下午`);
    every weekly slot → `any`."""
    slots = set(slots)
    if len(slots) == len(DAYS) * len(PARTS):
        return say(msg("cli.any_slot"))
    if any(split_slot(s)[0] not in DAYS for s in slots):
        return say(msg("cli.slot_count", count=len(slots)))
    whole = [d for d in DAYS if all(f"{d} {p}" in slots for p in PARTS)]
    pieces = [_day_runs(whole, say)] if whole else []
    for part in PARTS:
        days = [d for d in DAYS if d not in whole and f"{d} {part}" in slots]
        if days:
            pieces.append(f"{_day_runs(days, say)} {_part(part, say)}")
    return say.join(pieces)


def _day(day: str, say: Renderer) -> str:
    return slot_label(f"{day} AM", say.lang).split(" ")[0]


def _part(part: str, say: Renderer) -> str:
    return slot_label(f"Mon {part}", say.lang).split(" ")[-1]


def _day_runs(days: list[str], say: Renderer) -> str:
    runs, start = [], None
    indices = [DAYS.index(d) for d in days]
    for pos, index in enumerate(indices):
        if start is None:
            start = index
        if pos + 1 == len(indices) or indices[pos + 1] != index + 1:
            first, last = _day(DAYS[start], say), _day(DAYS[index], say)
            runs.append(first if start == index else say(msg("cli.day_range", first=first, last=last)))
            start = None
    return "/".join(runs)
