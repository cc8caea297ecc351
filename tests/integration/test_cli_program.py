"""`pairing program` and `pairing schedule` end to end on the bundled sample (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pairing.cli import main
from pairing.storage import open_program, program_repo
from schedule_checks import problems

SAMPLE = Path(__file__).parents[2] / "resources" / "sample" / "roster.csv"


@pytest.fixture
def sample(tmp_path, capsys):
    path = tmp_path / "sample.pairing"
    assert main(["import", str(SAMPLE), "--db", str(path)]) == 0
    capsys.readouterr()
    return str(path)


def program_json(db, capsys, *options) -> dict:
    assert main(["program", "--db", db, "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_program_sets_and_shows_its_properties(sample, capsys):
    data = program_json(sample, capsys, "--name", "BJIFF Talents 2027", "--start", "2027-03-01", "--weeks", "26",
                        "--cadence", "fortnightly", "--meeting-minutes", "90")
    assert {k: data[k] for k in ("name", "start", "weeks", "cadence", "meeting_minutes")} == {
        "name": "BJIFF Talents 2027", "start": "2027-03-01", "weeks": 26, "cadence": "fortnightly",
        "meeting_minutes": 90}
    assert data["roles"]["director"] == {"en": "young director", "zh": "青年导演"}
    assert data["time_zone"] == "Asia/Shanghai"
    assert program_json(sample, capsys) == data  # saved: read back unchanged


def test_a_screenwriting_camp_names_its_people(sample, capsys):
    data = program_json(sample, capsys, "--kind", "screenwriting")
    assert data["roles"]["director"] == {"en": "screenwriter", "zh": "编剧学员"}
    assert data["roles"]["producer"] == {"en": "lead mentor", "zh": "主导师"}
    data = program_json(sample, capsys, "--role", "instructor=story coach/故事教练")
    assert data["roles"]["instructor"] == {"en": "story coach", "zh": "故事教练"}
    assert data["roles"]["director"]["zh"] == "编剧学员"
    assert main(["program", "--db", sample, "--lang", "zh"]) == 0
    assert "编剧学员 / 主导师 / 故事教练" in capsys.readouterr().out


@pytest.mark.parametrize("option, value, said", [
    ("--start", "2027-02-30", "2027-02-30 is not a date that exists"),
    ("--weeks", "0", "0 weeks is not a program length"),
    ("--cadence", "daily", "daily is not a cadence: expected one of once, weekly, fortnightly, monthly"),
    ("--meeting-minutes", "600", "600 minutes is not a meeting length"),
    ("--time-zone", "Mars/Olympus", "Mars/Olympus is not a time zone"),
    ("--role", "boss=Boss", "boss=Boss does not name a role"),
])
def test_bad_values_are_refused_with_a_sentence_naming_them(sample, capsys, option, value, said):
    before = program_json(sample, capsys)
    assert main(["program", "--db", sample, option, value]) == 1
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert program_json(sample, capsys) == before  # nothing half written


def test_refusals_in_chinese(sample, capsys):
    assert main(["program", "--db", sample, "--weeks", "0", "--lang", "zh"]) == 1
    assert "0 周不是有效的项目周期" in capsys.readouterr().err


def test_schedule_needs_a_run_and_a_start(sample, capsys):
    assert main(["schedule", "--db", sample]) == 1
    assert "no run yet" in capsys.readouterr().err
    assert main(["solve", "--db", sample, "--time-limit", "5"]) == 0
    capsys.readouterr()
    assert main(["schedule", "--db", sample, "--lang", "zh"]) == 1
    assert "尚未设置第一周" in capsys.readouterr().err


def test_sample_schedule_fortnightly_over_26_weeks_has_no_clash(sample, capsys):
    program_json(sample, capsys, "--start", "2027-03-01", "--weeks", "26", "--cadence", "fortnightly")
    assert main(["solve", "--db", sample, "--time-limit", "5"]) == 0
    capsys.readouterr()
    code = main(["schedule", "--db", sample, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == (1 if data["unscheduled"] else 0)
    meeting = data["meetings"][0]
    assert set(meeting) == {"team", "start", "end", "slot", "people"}
    assert all(set(u) == {"team", "missing", "why"} for u in data["unscheduled"])
    store = open_program(sample)
    from pairing.storage import repo
    with store.sessions() as session:
        run = repo.latest_run(session)
        schedule = program_repo.get_schedule(session, run.id)
        people = repo.load_program(session).by_id()
    store.close()
    assert [m.to_json() for m in schedule.meetings] == data["meetings"]
    import datetime as dt
    assert problems(schedule, people, run.result.teams, start=dt.date(2027, 3, 1), weeks=26,
                    cadence="fortnightly", minutes=120) == []


def test_schedule_text_in_both_languages(sample, capsys):
    program_json(sample, capsys, "--start", "2027-03-01", "--weeks", "8", "--cadence", "weekly")
    main(["solve", "--db", sample, "--time-limit", "5"])
    capsys.readouterr()
    main(["schedule", "--db", sample])
    out = capsys.readouterr().out
    assert "weeks from 2027-03-01, every week" in out
    main(["schedule", "--db", sample, "--lang", "zh"])
    out = capsys.readouterr().out
    assert "自 2027-03-01 起共 8 周，每周" in out


def test_done_when_every_person_gets_a_calendar_without_one_clash(sample, capsys, tmp_path):
    """Issue 10's check: program, solve, schedule, export --per-person, then tools/check_calendars.py."""
    import subprocess
    import sys

    program_json(sample, capsys, "--start", "2027-03-01", "--weeks", "26", "--cadence", "fortnightly")
    assert main(["solve", "--db", sample, "--time-limit", "5"]) == 0
    main(["schedule", "--db", sample])
    folder = tmp_path / "out"
    assert main(["export", "--db", sample, "--format", "ics", "--per-person", str(folder)]) == 0  # the words
    assert str(folder) in capsys.readouterr().out
    tool = Path(__file__).parents[2] / "tools" / "check_calendars.py"
    done = subprocess.run([sys.executable, str(tool), str(folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip().endswith(" 0 clashes")
    assert len(list(folder.glob("P*.ics"))) == 8


def test_teams_short_because_a_mentor_is_booked_are_said_with_the_missing_rule(tmp_path, capsys):
    from pairing.domain import Person, Role, RunResult, RunStatus, Settings, Team
    from pairing.storage import repo

    path = tmp_path / "p.pairing"
    store = open_program(path)
    with store.sessions.begin() as session:
        slot = ("Mon PM",)
        repo.add_people(session, [Person("D01", "Ann", Role.DIRECTOR, availability=slot),
                                  Person("D02", "Bo", Role.DIRECTOR, availability=slot),
                                  Person("P01", "Helen Ma", Role.PRODUCER, availability=slot)])
        repo.save_run(session, Settings(), RunResult(RunStatus.FEASIBLE, teams=(Team("D01", "P01"), Team("D02", "P01"))))
    store.close()
    main(["program", "--db", str(path), "--start", "2027-03-01", "--weeks", "4", "--cadence", "weekly"])
    capsys.readouterr()
    assert main(["schedule", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "4 meetings short" in out and "the time of Helen Ma (P01) is taken by" in out
    assert "each mentor's teams meet at different weekly times" in out


def test_an_export_without_output_is_a_usage_error_unless_per_person_ics(sample, capsys):
    import pytest

    for args in (["--format", "csv"], ["--format", "ics"]):
        with pytest.raises(SystemExit) as exit_:
            main(["export", "--db", sample, *args, "--lang", "zh"])
        assert exit_.value.code == 2
        assert "导出需要 -o/--output" in capsys.readouterr().err
