"""The schedule of a run made with "each mentor's teams meet at different weekly times" (issue 10 part 5):
always clash-free with every meeting of every team, at weekly, fortnightly and monthly cadence — checked by
the independent checker (tests/schedule_checks.py), not by the scheduler's code. Without the rule the
schedule does what the pairing allows and says, per team, what it could not place."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pairing.domain import Cadence, Person, Program, ProgramProperties, Role, RunResult, RunStatus, SavedRun, Settings, Team
from pairing.engine import SolveOptions, solve
from pairing.schedule.service import make_schedule
from pairing.schedule.solver import ScheduleOptions
from pairing.synthetic import synthetic_program
from pairing.words import render
from schedule_checks import expected_meetings, problems

START = dt.date(2027, 3, 3)
OPTIONS = ScheduleOptions(time_limit_s=5, workers=1)


def solved(program: Program, rule: bool) -> SavedRun:
    settings = replace(program.settings, distinct_mentor_slots=rule)
    result = solve(replace(program, settings=settings),
                   SolveOptions.from_settings(settings, time_limit_s=3, workers=1, seed=0))
    return SavedRun(1, dt.datetime(2027, 1, 1), settings, result)


def check(program, properties, run, schedule):
    return problems(schedule, program.by_id(), run.result.teams, start=properties.start, weeks=properties.weeks,
                    cadence=str(properties.cadence), minutes=properties.meeting_minutes)


@pytest.mark.parametrize("seed, size", [(1, 16), (2, 24), (3, 30)])
def test_with_the_rule_every_team_gets_all_its_meetings_and_nobody_is_booked_twice(seed, size):
    program = synthetic_program(size, seed=seed)
    run = solved(program, rule=True)
    assert run.result.teams
    held = [(m, t.weekly_slot) for t in run.result.teams for m in t.mentors]
    assert len(held) == len(set(held))  # the run itself keeps the rule
    for cadence in (Cadence.WEEKLY, Cadence.FORTNIGHTLY, Cadence.MONTHLY):
        properties = ProgramProperties(start=START, weeks=26, cadence=cadence, meeting_minutes=120)
        schedule = make_schedule(program, properties, run, options=OPTIONS)
        assert check(program, properties, run, schedule) == []
        assert schedule.unscheduled == ()
        want = expected_meetings(str(cadence), 26)
        for team in run.result.teams:
            meetings = schedule.of_team(team.director)
            assert len(meetings) == want
            assert {m.slot for m in meetings} == {team.weekly_slot}


@pytest.mark.parametrize("seed", [1, 2])
def test_without_the_rule_the_schedule_says_what_it_could_not_place(seed):
    program = synthetic_program(24, seed=seed)
    run = solved(program, rule=False)
    properties = ProgramProperties(start=START, weeks=26, cadence=Cadence.WEEKLY, meeting_minutes=120)
    schedule = make_schedule(program, properties, run, options=OPTIONS)
    assert check(program, properties, run, schedule) == []  # short teams are explained, never double-booked
    assert all(u.missing > 0 and render(u.why) and render(u.why, "zh") for u in schedule.unscheduled)


def one_slot_people():
    slot = ("Mon PM",)
    return (Person("D01", "Ann", Role.DIRECTOR, availability=slot + ("Tue AM",)),
            Person("D02", "Bo", Role.DIRECTOR, availability=slot + ("Tue AM",)),
            Person("P01", "Helen Ma", Role.PRODUCER, availability=slot + ("Tue AM",)),
            Person("I01", "Ivy", Role.INSTRUCTOR, availability=slot + ("Tue AM",)),
            Person("I02", "Jon", Role.INSTRUCTOR, availability=slot))


def test_the_rule_moves_a_mentors_second_team_to_another_weekly_time():
    """Helen Ma takes both teams; without the rule both may meet on Monday afternoon (the schedule then
    puts one on alternate weeks or leaves it short); with it, the teams get different weekly times."""
    program = Program(Settings(calendar=("Mon PM", "Tue AM")), one_slot_people())
    run = solved(program, rule=True)
    assert len(run.result.teams) == 2
    assert {t.weekly_slot for t in run.result.teams} == {"Mon PM", "Tue AM"}
    properties = ProgramProperties(start=START, weeks=8, cadence=Cadence.WEEKLY)
    schedule = make_schedule(program, properties, run, options=OPTIONS)
    assert schedule.unscheduled == () and len(schedule.meetings) == 16
    assert check(program, properties, run, schedule) == []


def test_without_the_rule_a_short_team_is_said_short():
    program = Program(Settings(calendar=("Mon PM",)), one_slot_people()[:3] + one_slot_people()[3:])
    teams = (Team("D01", "P01", ("I01",)), Team("D02", "P01", ("I02",)))
    run = SavedRun(1, dt.datetime(2027, 1, 1), program.settings, RunResult(RunStatus.FEASIBLE, teams=teams))
    properties = ProgramProperties(start=START, weeks=4, cadence=Cadence.WEEKLY)
    schedule = make_schedule(program, properties, run, options=OPTIONS)
    (short,) = schedule.unscheduled
    assert short.missing == 4 and "Helen Ma (P01)" in render(short.why)
    assert check(program, properties, run, schedule) == []
