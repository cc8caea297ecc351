"""Calendar invitations from the run's meeting schedule (issue 10).

Every scheduled meeting is in the calendar: a team that meets at one weekly time at the program's
cadence is one event with a recurrence rule (RRULE), other meetings are single events. Times are
wall-clock times of the program's time zone (default Asia/Shanghai), declared in a VTIMEZONE. UIDs are
stable per program and team (the program's own random uid, the team's director, the first meeting's
period), and SEQUENCE counts how often the team's meetings changed, so that a calendar that imported
an earlier file updates the same invitations. ATTENDEE lines only when contacts are included.
`write_ics_per_person` writes one file per person with only their meetings.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from pairing.exports.atomic import Progress, atomic_path
from pairing.exports.cells import joined
from pairing.exports.sheet import Member, Sheet, TeamSheet
from pairing.domain import Meeting, Schedule
from pairing.words import Renderer, msg

PRODID = "-//Talent Pairing//meeting calendar//EN"
_UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def coming_monday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


@dataclass(frozen=True)
class Series:
    """Meetings of one team sent as one invitation: a regular run (RRULE) or a single meeting."""

    team: str
    meetings: tuple[Meeting, ...]
    interval_weeks: int  # 0 for a single meeting

    @property
    def first(self) -> Meeting:
        return self.meetings[0]


def team_series(meetings: tuple[Meeting, ...], period_weeks: int) -> list[Series]:
    """A team's meetings as invitations: each maximal run at one weekly time, `period_weeks` apart, with
    two meetings or more is one recurring series; every other meeting is a single event."""
    series, run = [], []
    for meeting in sorted(meetings, key=lambda m: m.start):
        if run and not _continues(run[-1], meeting, period_weeks):
            series.append(_series(run, period_weeks))
            run = []
        run.append(meeting)
    if run:
        series.append(_series(run, period_weeks))
    return series


def _continues(last: Meeting, meeting: Meeting, period_weeks: int) -> bool:
    return (meeting.start - last.start == dt.timedelta(weeks=period_weeks)
            and meeting.end - meeting.start == last.end - last.start)


def _series(run: list[Meeting], period_weeks: int) -> Series:
    return Series(run[0].team, tuple(run), period_weeks if len(run) > 1 else 0)


def event_uid(program_uid: str, series: Series) -> str:
    return f"{program_uid[:16]}-{series.team}-p{series.first.period}@talent-pairing"


class _Invitations:
    """Events of one schedule in one language, with the sheet's names and roles."""

    def __init__(self, sheet: Sheet, schedule: Schedule, program_uid: str) -> None:
        self.sheet, self.schedule, self.uid = sheet, schedule, program_uid or "talent-pairing"
        self.teams = {t.director.id: t for t in sheet.teams}
        self.zone = zoneinfo.ZoneInfo(schedule.frame.time_zone)
        roles = sheet.program.properties.role_names() if sheet.program.properties else None
        self.say = Renderer.for_lang(sheet.lang, **({"roles": roles} if roles else {})).sentence

    def calendar(self, name: str, meetings: tuple[Meeting, ...], progress: Progress | None = None) -> Calendar:
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", self.schedule.frame.time_zone)
        calendar.add_component(Timezone.from_tzid(self.schedule.frame.time_zone))
        by_team: dict[str, list[Meeting]] = {}
        for meeting in meetings:
            by_team.setdefault(meeting.team, []).append(meeting)
        for team_id, team_meetings in by_team.items():
            for series in team_series(tuple(team_meetings), self.schedule.frame.period_weeks):
                calendar.add_component(self.event(series))
            if progress:
                progress.step()
        return calendar

    def event(self, series: Series) -> Event:
        team = self.teams.get(series.team)
        first = series.first
        event = Event()
        event.add("uid", event_uid(self.uid, series))
        event.add("sequence", self.schedule.sequences.get(series.team, 0))
        event.add("dtstamp", _utc(self.sheet.created))
        event.add("dtstart", first.start.replace(tzinfo=self.zone))
        event.add("dtend", first.end.replace(tzinfo=self.zone))
        if series.interval_weeks:
            event.add("rrule", {"freq": "weekly", "interval": series.interval_weeks, "count": len(series.meetings)})
        event.add("summary", self.summary(team, series))
        event.add("description", self.description(team))
        if self.sheet.include_contacts and team is not None:
            for member in team.members:
                if member.email:
                    event.add("attendee", attendee(member), encode=0)
        return event

    def summary(self, team: TeamSheet | None, series: Series) -> str:
        name = team.director.name if team else series.team
        number = team.number if team else "?"
        return self.say(msg("schedule.ics_summary", number=number, director=name))

    def description(self, team: TeamSheet | None) -> str:
        if team is None:
            return ""
        lines = [f"{self.role_label(m)}: {m.name}" + (f" ({m.organization})" if m.organization else "")
                 for m in team.members]
        for key, values in (("schedule.ics_genres", team.shared_genres), ("schedule.ics_needs", team.needs_covered)):
            if values:
                lines.append(self.say(msg(key, values=joined(values))))
        if self.sheet.note:
            lines.append(self.sheet.note)
        return "\n".join(lines)


    def role_label(self, member: Member) -> str:
        """The member's role in the program's own words (a screenwriting camp's 编剧学员)."""
        properties = self.sheet.program.properties
        if member.role is None or properties is None:
            return member.role_label
        word = properties.role_word(str(member.role), self.sheet.lang)
        return word[:1].upper() + word[1:]


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=moment.tzinfo or dt.timezone.utc)


def attendee(member: Member) -> vCalAddress:
    address = vCalAddress(f"mailto:{member.email}")
    address.params["cn"] = vText(member.name)
    address.params["role"] = vText("REQ-PARTICIPANT")
    return address


def build_calendar(sheet: Sheet, schedule: Schedule, program_uid: str = "",
                   progress: Progress | None = None) -> Calendar:
    """The program's meeting calendar: every scheduled meeting of the run."""
    invitations = _Invitations(sheet, schedule, program_uid)
    name = invitations.say(msg("schedule.ics_calendar", program=sheet.program_name, run=sheet.run_id))
    return invitations.calendar(name, schedule.meetings, progress)


def write_ics(sheet: Sheet, path: Path, schedule: Schedule, *, program_uid: str = "",
              progress: Progress | None = None) -> None:
    data = build_calendar(sheet, schedule, program_uid, progress).to_ical()
    with atomic_path(path) as temp:
        temp.write_bytes(data)


def person_file_name(person_id: str, name: str) -> str:
    """`P01 Helen Ma.ics`: the id first (unique), then the name, without characters file systems refuse."""
    text = _UNSAFE_IN_FILE_NAME.sub("_", f"{person_id} {name}" if name and name != person_id else person_id)
    return text.strip(" .")[:120] + ".ics"


def write_ics_per_person(sheet: Sheet, folder: Path, schedule: Schedule, *, program_uid: str = "") -> list[Path]:
    """One calendar per person with only their meetings (what a curator e-mails to each mentor)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    invitations = _Invitations(sheet, schedule, program_uid)
    names = {m.id: m.name for team in sheet.teams for m in team.members}
    written = []
    for person in dict.fromkeys(p for m in schedule.meetings for p in m.people):
        name = names.get(person, person)
        title = invitations.say(msg("schedule.ics_person", program=sheet.program_name, person=name))
        path = folder / person_file_name(person, name)
        data = invitations.calendar(title, schedule.of_person(person)).to_ical()
        with atomic_path(path) as temp:
            temp.write_bytes(data)
        written.append(path)
    return written
