"""Calendar invitations: one event per team at its first meeting slot, on the program's dates.

Dated slots (`2026-03-02 AM`) use their own date. Weekly slots (`Mon AM`) are placed in the first
week from the program's start date; a program without a start date uses the coming Monday (today
if it is a Monday) and the export says so, so that the curator can set the start date and re-export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress, vText

from pairing.calendar import PART_HOURS, is_dated, slot_date, split_slot
from pairing.exports.atomic import Progress, atomic_path
from pairing.exports.cells import joined
from pairing.exports.labels import text
from pairing.exports.sheet import Member, Sheet, TeamSheet

PRODID = "-//Talent Pairing//pairing sheets//EN"


def coming_monday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def week_start(sheet: Sheet, today: dt.date) -> tuple[dt.date, list[str]]:
    """The date weekly slots count from, and a warning when the program has none."""
    start = sheet.program.settings.start_date or sheet.settings.start_date
    if start is not None:
        return start, []
    monday = coming_monday(today)
    weekly = any(not is_dated(s) for team in sheet.teams for s in team.meeting_slots)
    warning = (f"The program has no start date, so weekly meeting slots were placed in the week of "
               f"{monday.isoformat()}; set the program's start date and export again to use the real dates.")
    return monday, [warning] if weekly else []


def slot_times(slot: str, start: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
    """Start and end of a slot on the calendar (local, floating time), or None if it has no date."""
    day = slot_date(slot, start)
    _, part = split_slot(slot)
    if day is None or part not in PART_HOURS:
        return None
    begin, end = PART_HOURS[part]
    return dt.datetime.combine(day, dt.time(begin)), dt.datetime.combine(day, dt.time(end))


def first_meeting(team: TeamSheet, start: dt.date) -> tuple[str, dt.datetime, dt.datetime] | None:
    """The earliest of the team's meeting slots on the calendar."""
    placed = [(times, slot) for slot in team.meeting_slots if (times := slot_times(slot, start))]
    if not placed:
        return None
    (begin, end), slot = min(placed)
    return slot, begin, end


def event_uid(sheet: Sheet, team: TeamSheet) -> str:
    """Stable per program and director: re-exporting a later run updates the same invitation."""
    key = f"{sheet.program_name}\n{team.director.id}".encode("utf-8")
    return f"{hashlib.sha1(key).hexdigest()[:16]}-{team.director.id}@talent-pairing"


def team_event(sheet: Sheet, team: TeamSheet, slot: str, begin: dt.datetime, end: dt.datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(sheet, team))
    event.add("sequence", sheet.run_id)
    event.add("dtstamp", sheet.created.replace(tzinfo=sheet.created.tzinfo or dt.timezone.utc))
    event.add("dtstart", begin)
    event.add("dtend", end)
    event.add("summary", summary(sheet, team))
    event.add("description", description(sheet, team))
    if sheet.include_contacts:
        for member in team.members:
            if member.email:
                event.add("attendee", attendee(member), encode=0)
    return event


def summary(sheet: Sheet, team: TeamSheet) -> str:
    lang = sheet.lang
    return f"{text('first_meeting', lang)} · {text('team', lang)} {team.number}: {team.director.name}"


def description(sheet: Sheet, team: TeamSheet) -> str:
    lang = sheet.lang
    lines = [f"{m.role_label}: {m.name}" + (f" ({m.organization})" if m.organization else "")
             for m in team.members]
    lines.append(f"{text('meeting_slots', lang)}: {joined(team.meeting_labels)}")
    for key, values in (("shared_genres", team.shared_genres), ("needs_covered", team.needs_covered)):
        if values:
            lines.append(f"{text(key, lang)}: {joined(values)}")
    if sheet.note:
        lines.append(sheet.note)
    return "\n".join(lines)


def attendee(member: Member) -> vCalAddress:
    address = vCalAddress(f"mailto:{member.email}")
    address.params["cn"] = vText(member.name)
    address.params["role"] = vText("REQ-PARTICIPANT")
    return address


def build_calendar(sheet: Sheet, *, today: dt.date | None = None,
                   progress: Progress | None = None) -> tuple[Calendar, list[str]]:
    """The calendar of first meetings, and warnings (no start date, teams without a meeting slot)."""
    start, warnings = week_start(sheet, today or dt.date.today())
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{sheet.program_name} — {text('run', sheet.lang)} {sheet.run_id}")
    unplaced = []
    for team in sheet.teams:
        meeting = first_meeting(team, start)
        if meeting is None:
            unplaced.append(f"{team.number} ({team.director.display})")
        else:
            calendar.add_component(team_event(sheet, team, *meeting))
        if progress:
            progress.step()
    if unplaced:
        warnings.append(f"No invitation for team(s) {', '.join(unplaced)}: they have no meeting slot.")
    return calendar, warnings


def write_ics(sheet: Sheet, path: Path, *, today: dt.date | None = None,
              progress: Progress | None = None) -> list[str]:
    calendar, warnings = build_calendar(sheet, today=today, progress=progress)
    data = calendar.to_ical()
    with atomic_path(path) as temp:
        temp.write_bytes(data)
    return warnings
