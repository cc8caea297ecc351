"""Calendar invitations read back with icalendar: one event per team at its first meeting slot."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from export_fixtures import SETTINGS, people, result, save_program
from pairing.calendar import dated_calendar
from pairing.domain import RunResult, RunStatus, Team
from pairing.actions.exporting import load_export_data
from pairing.exports import ExportOptions, write_export
from pairing.storage import repo


def events(path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_one_event_per_team_at_its_first_slot_from_the_start_date(data, tmp_path):
    path = tmp_path / "teams.ics"
    report = write_export(data, "ics", path)
    found = events(path)
    assert len(found) == len(result().teams) == report.count
    # Start date Wednesday 2026-03-04. Team 1 is free Mon AM, Tue PM, Sat AM: Saturday the 7th comes first.
    # Team 2: Wed PM, the start day itself. Team 3: Mon AM or Wed PM: Wednesday the 4th.
    starts = [e.decoded("dtstart") for e in found]
    assert starts == [dt.datetime(2026, 3, 7, 9), dt.datetime(2026, 3, 4, 14), dt.datetime(2026, 3, 4, 14)]
    assert [e.decoded("dtend") - e.decoded("dtstart") for e in found] == [dt.timedelta(hours=3)] * 3
    assert "王芳" in str(found[0]["summary"])
    assert "张伟" in str(found[0]["description"])
    assert report.warnings == ()


def test_uids_are_stable_and_distinct(data, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_export(data, "ics", first)
    write_export(data, "ics", second)
    uids = [str(e["uid"]) for e in events(first)]
    assert uids == [str(e["uid"]) for e in events(second)]
    assert len(set(uids)) == len(uids)


def test_attendees_only_with_contacts(data, tmp_path):
    path = tmp_path / "teams.ics"
    write_export(data, "ics", path)
    assert all("attendee" not in e for e in events(path))
    assert b"example.org" not in path.read_bytes()
    write_export(data, "ics", path, ExportOptions(include_contacts=True))
    attendees = events(path)[0].get("attendee")
    assert sorted(str(a) for a in attendees) == ["mailto:wang@example.org", "mailto:zhang@example.org"]


def test_dated_slots_use_their_own_date(session, tmp_path):
    settings = SETTINGS.__class__(name="Camp", calendar=dated_calendar(dt.date(2026, 7, 1), dt.date(2026, 7, 3)))
    repo.save_settings(session, settings)
    repo.add_people(session, people())
    team = Team("D01", "P01", ("I01",), 50.0, meeting_slots=("2026-07-03 EVE", "2026-07-02 PM"))
    repo.save_run(session, settings, RunResult(RunStatus.FEASIBLE, teams=(team,)))
    path = tmp_path / "camp.ics"
    write_export(load_export_data(session), "ics", path)
    (event,) = events(path)
    assert event.decoded("dtstart") == dt.datetime(2026, 7, 2, 14)


def test_without_a_start_date_the_coming_monday_is_used_and_said(session, tmp_path):
    save_program(session, settings=SETTINGS.__class__(name="No dates"))
    path = tmp_path / "teams.ics"
    friday = dt.date(2026, 11, 20)
    report = write_export(load_export_data(session), "ics", path, ExportOptions(today=friday))
    assert events(path)[1].decoded("dtstart") == dt.datetime(2026, 11, 25, 14)  # Wed PM of the week of Mon 23rd
    assert any("no start date" in w and "2026-11-23" in w for w in report.warnings)


def test_a_team_without_a_meeting_slot_gets_no_event_and_a_warning(session, tmp_path):
    repo.add_people(session, people())
    repo.save_run(session, SETTINGS, RunResult(RunStatus.OPTIMAL, teams=(Team("D02", "P01", ("I02",)),)))
    path = tmp_path / "teams.ics"
    report = write_export(load_export_data(session), "ics", path)
    assert events(path) == []
    assert any("no meeting slot" in w and "D02" in w for w in report.warnings)


@pytest.mark.parametrize("today, monday", [(dt.date(2026, 11, 23), dt.date(2026, 11, 23)),
                                           (dt.date(2026, 11, 29), dt.date(2026, 11, 30))])
def test_the_coming_monday(today, monday):
    from pairing.exports.ics import coming_monday

    assert coming_monday(today) == monday
