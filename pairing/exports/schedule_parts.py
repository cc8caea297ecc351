"""The schedule in the pairing sheets (issue 10): each team's meetings as lines, a meetings table and
a person × week table, in the sheet's language with the program's role names."""

from __future__ import annotations

from pairing.calendar import DAYS, split_slot
from pairing.exports.sheet import Sheet
from pairing.domain import Meeting, Schedule
from pairing.words import Message, Renderer, SlotRef, msg


def renderer_of(sheet: Sheet) -> Renderer:
    properties = sheet.program.properties
    return Renderer.for_lang(sheet.lang, roles=properties.role_names()) if properties else Renderer.for_lang(sheet.lang)


def weekday_slot(meeting: Meeting) -> str:
    """`Mon PM` for a meeting in any calendar (a dated slot's weekday)."""
    return f"{DAYS[meeting.start.weekday()]} {split_slot(meeting.slot)[1]}"


def team_meeting_lines(schedule: Schedule, team: str) -> list[Message]:
    """One line per run of meetings at one weekly time, one per single meeting, then why it is short."""
    from pairing.exports.ics import team_series

    lines = []
    for series in team_series(schedule.of_team(team), schedule.frame.period_weeks):
        first, last = series.meetings[0], series.meetings[-1]
        slot = SlotRef(weekday_slot(first))
        if series.interval_weeks:
            lines.append(msg("schedule.series", slot=slot, cadence=msg(f"program.cadence_{schedule.frame.cadence}"),
                             first=f"{first.start:%Y-%m-%d}", last=f"{last.start:%Y-%m-%d}", count=len(series.meetings),
                             time=f"{first.start:%H:%M}–{first.end:%H:%M}"))
        else:
            lines.append(msg("schedule.single", date=f"{first.start:%Y-%m-%d}", slot=slot,
                             time=f"{first.start:%H:%M}–{first.end:%H:%M}"))
    lines += [u.why for u in schedule.unscheduled if u.team == team]
    return lines


def meeting_rows(sheet: Sheet, schedule: Schedule):
    """Header, then one row per meeting: team number, director, date, weekday and part, start, end, people."""
    say = renderer_of(sheet)
    numbers = {t.director.id: t.number for t in sheet.teams}
    names = {m.id: m.display for t in sheet.teams for m in t.members}
    yield [say(msg(f"schedule.column_{k}")) for k in ("team", "director", "date", "slot", "start", "end", "people")]
    for m in schedule.meetings:
        yield [numbers.get(m.team, ""), names.get(m.team, m.team), f"{m.start:%Y-%m-%d}",
               say.value(SlotRef(weekday_slot(m))), f"{m.start:%H:%M}", f"{m.end:%H:%M}",
               say.join(names.get(p, p) for p in m.people)]


def person_week_rows(sheet: Sheet, schedule: Schedule):
    """Header, then one row per person of the run: their meetings in each week of the program
    (`Mon PM · 3` = Monday afternoon with team 3)."""
    say = renderer_of(sheet)
    numbers = {t.director.id: t.number for t in sheet.teams}
    members = {m.id: m for t in sheet.teams for m in t.members}
    weeks = schedule.frame.weeks
    head = [say(msg(f"schedule.column_{k}")) for k in ("person", "role")]
    yield head + [say(msg("schedule.week", week=w + 1, date=_week_start(schedule, w))) for w in range(weeks)]
    by_person: dict[str, dict[int, list[str]]] = {}
    for m in schedule.meetings:
        for person in m.people:
            cell = f"{say.value(SlotRef(weekday_slot(m)))} · {numbers.get(m.team, m.team)}"
            by_person.setdefault(person, {}).setdefault(m.week, []).append(cell)
    for person_id, member in members.items():
        role = member.role_label
        if member.role is not None and sheet.program.properties:
            role = sheet.program.properties.role_word(str(member.role), sheet.lang)
        cells = by_person.get(person_id, {})
        yield [member.display, role] + ["\n".join(cells.get(w, [])) for w in range(weeks)]


def _week_start(schedule: Schedule, week: int) -> str:
    import datetime as dt

    return (schedule.frame.start + dt.timedelta(weeks=week)).strftime("%m-%d")
