"""The meeting calendar read back with icalendar (issue 10): every scheduled meeting, recurrences
expanded, a VTIMEZONE, stable UIDs with SEQUENCE bumped on change, attendees only with contacts, one
file per person."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import replace

from dateutil.rrule import rrulestr
from icalendar import Calendar

from export_fixtures import SETTINGS, people, save_program
from pairing.calendar import dated_calendar
from pairing.domain import Cadence, ProgramKind, RunResult, RunStatus, Team, template_roles
from pairing.actions.exporting import export_data, load_export_data
from pairing.exports import ExportOptions, write_export
from pairing.schedule.edit import moved
from pairing.schedule.service import make_schedule
from pairing.storage import program_repo, repo
from pairing.words import render

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def events(path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def expanded(path) -> list[tuple[dt.datetime, dt.datetime, str, tuple[str, ...]]]:
    """Every occurrence of every event: (start, end, uid, attendees), recurrences expanded."""
    found = []
    for event in events(path):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        starts = [start]
        if "rrule" in event:
            starts = list(rrulestr(event["rrule"].to_ical().decode(), dtstart=start))
        attendees = event.get("attendee", [])
        attendees = tuple(str(a) for a in (attendees if isinstance(attendees, list) else [attendees]))
        found += [(s, s + (end - start), str(event["uid"]), attendees) for s in starts]
    return sorted(found)


def scheduled(session, **changes):
    """Save properties and a schedule of the saved run, as `pairing schedule` would."""
    properties = replace(program_repo.get_properties(session), **changes)
    program_repo.save_properties(session, properties)
    program = repo.load_program(session)
    run = repo.latest_run(session)
    schedule = make_schedule(program, properties, run)
    program_repo.save_schedule(session, schedule)
    return schedule


def test_every_scheduled_meeting_is_in_the_calendar_at_its_time(session, tmp_path):
    save_program(session)
    schedule = scheduled(session, weeks=10, cadence=Cadence.FORTNIGHTLY)
    assert len(schedule.meetings) == 15 and schedule.unscheduled == ()
    path = tmp_path / "meetings.ics"
    report = write_export(load_export_data(session), "ics", path)
    assert report.warnings == ()
    occurrences = [(s, e) for s, e, _, _ in expanded(path)]
    wanted = sorted((m.start.replace(tzinfo=SHANGHAI), m.end.replace(tzinfo=SHANGHAI)) for m in schedule.meetings)
    assert occurrences == wanted
    assert all("rrule" in e for e in events(path))  # each team meets at one weekly time: one series each
    assert len(events(path)) == 3


def test_the_calendar_declares_the_programs_time_zone(session, tmp_path):
    save_program(session)
    scheduled(session, weeks=4, time_zone="Europe/Berlin")
    path = tmp_path / "meetings.ics"
    write_export(load_export_data(session), "ics", path)
    calendar = Calendar.from_ical(path.read_bytes())
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Berlin"
    first = events(path)[0]
    assert first["dtstart"].params["TZID"] == "Europe/Berlin"
    assert first.decoded("dtstart").utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))


def test_irregular_meetings_are_single_events(session, tmp_path):
    save_program(session)
    schedule = scheduled(session, weeks=6, cadence=Cadence.WEEKLY)
    meeting = schedule.of_team("D02")[2]
    program_repo.save_schedule(session, moved(schedule, meeting, (meeting.week, f"Fri {meeting.slot.split()[1]}")))
    path = tmp_path / "meetings.ics"
    write_export(load_export_data(session), "ics", path)
    d02 = [e for e in events(path) if "-D02-" in str(e["uid"])]
    assert len(d02) == 3  # weeks 1-2 in a series, week 3 alone, weeks 4-6 in a series
    assert sum(1 for e in d02 if "rrule" not in e) == 1
    assert len([o for o in expanded(path) if "-D02-" in o[2]]) == 6


def test_uids_are_stable_and_sequence_counts_changes(session, tmp_path):
    save_program(session)
    schedule = scheduled(session, weeks=6)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_export(load_export_data(session), "ics", first)
    meeting = schedule.of_team("D01")[0]
    program_repo.save_schedule(session, moved(schedule, meeting, (0, "Mon AM" if meeting.slot != "Mon AM" else "Tue PM")))
    write_export(load_export_data(session), "ics", second)
    before = {str(e["uid"]): int(e["sequence"]) for e in events(first)}
    after = {str(e["uid"]): int(e["sequence"]) for e in events(second)}
    assert set(before) <= set(after)
    for uid, sequence in after.items():
        assert sequence == (1 if "-D01-" in uid else 0)


def test_attendees_only_with_contacts_and_no_attendee_is_booked_twice(session, tmp_path):
    save_program(session)
    scheduled(session, weeks=8)
    path = tmp_path / "meetings.ics"
    write_export(load_export_data(session), "ics", path)
    assert all("attendee" not in e for e in events(path))
    assert b"example.org" not in path.read_bytes()
    write_export(load_export_data(session), "ics", path, ExportOptions(include_contacts=True))
    by_attendee = defaultdict(list)
    for start, end, _, attendees in expanded(path):
        for attendee in attendees:
            by_attendee[attendee].append((start, end))
    assert set(by_attendee) == {"mailto:wang@example.org", "mailto:zhang@example.org", "mailto:ana@example.org"}
    for times in by_attendee.values():
        times.sort()
        assert all(b[0] >= a[1] for a, b in zip(times, times[1:]))


def test_one_calendar_per_person_with_only_their_meetings(session, tmp_path):
    save_program(session)
    schedule = scheduled(session, weeks=8)
    folder = tmp_path / "people"
    write_export(load_export_data(session), "ics", tmp_path / "all.ics", ExportOptions(per_person=folder))
    files = sorted(p.name for p in folder.iterdir())
    assert "P01 张伟.ics" in files and "D01 王芳.ics" in files
    assert len(files) == len({p for m in schedule.meetings for p in m.people})
    mine = expanded(folder / "P01 张伟.ics")
    assert len(mine) == len(schedule.of_person("P01")) == 16
    assert {uid.split("-")[1] for _, _, uid, _ in mine} == {"D01", "D02"}


def test_without_a_saved_schedule_one_is_made_and_said(session, tmp_path):
    save_program(session, settings=SETTINGS.__class__(name="No dates"))
    path = tmp_path / "teams.ics"
    friday = dt.date(2026, 11, 20)
    report = write_export(export_data(session, "ics", today=friday), "ics", path)
    assert expanded(path)[0][0].date() >= dt.date(2026, 11, 23)
    warnings = [render(w) for w in report.warnings]
    assert any("no saved schedule" in w for w in warnings)
    assert any("no start date" in w and "2026-11-23" in w for w in warnings)


def test_dated_slots_use_their_own_date(session, tmp_path):
    calendar = dated_calendar(dt.date(2026, 7, 1), dt.date(2026, 7, 14))
    settings = SETTINGS.__class__(name="Camp", calendar=calendar)
    repo.save_settings(session, settings)
    free = ("2026-07-02 PM", "2026-07-09 EVE")
    repo.add_people(session, [p.with_changes(availability=free) for p in people()])
    team = Team("D01", "P01", ("I01",), 50.0, meeting_slots=free)
    repo.save_run(session, settings, RunResult(RunStatus.FEASIBLE, teams=(team,)))
    scheduled(session, start=None, weeks=2, cadence=Cadence.WEEKLY)
    path = tmp_path / "camp.ics"
    write_export(load_export_data(session), "ics", path)
    assert [s for s, *_ in expanded(path)] == [dt.datetime(2026, 7, 2, 14, tzinfo=SHANGHAI),
                                               dt.datetime(2026, 7, 9, 19, tzinfo=SHANGHAI)]


def test_a_team_that_cannot_meet_gets_no_event_and_a_warning(session, tmp_path):
    repo.add_people(session, people())
    repo.save_run(session, SETTINGS, RunResult(RunStatus.OPTIMAL, teams=(Team("D04", "P01", ("I02",)),)))
    scheduled(session, start=dt.date(2026, 3, 2), weeks=4)
    path = tmp_path / "teams.ics"
    report = write_export(load_export_data(session), "ics", path)
    assert events(path) == []
    assert any("李雷 (D04)" in render(w) and "cannot be placed" in render(w) for w in report.warnings)


def test_invitations_use_the_programs_role_names(session, tmp_path):
    save_program(session)
    scheduled(session, weeks=2, kind=ProgramKind.SCREENWRITING, roles=template_roles(ProgramKind.SCREENWRITING))
    path = tmp_path / "camp.ics"
    write_export(load_export_data(session), "ics", path, ExportOptions(lang="zh"))
    description = str(events(path)[0]["description"])
    assert "编剧学员" in description and "主导师" in description
