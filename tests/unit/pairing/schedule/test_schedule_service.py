"""Schedules of generated programs, checked by an independent checker; explanations; manual changes."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from pairing.calendar import dated_calendar
from pairing.domain import (
    Cadence, Person, Program, ProgramProperties, Role, RunResult, RunStatus, SavedRun, Settings, Team,
)
from pairing.schedule.service import make_schedule
from pairing.schedule.solver import ScheduleOptions
from pairing.synthetic import synthetic_program
from pairing.words import render
from schedule_checks import problems

START = dt.date(2027, 3, 3)  # a Wednesday: weekly slots before it fall in the next week
OPTIONS = ScheduleOptions(time_limit_s=5, workers=1)


def random_teams(program: Program, seed: int, *, share_slot: bool) -> tuple[Team, ...]:
    """Teams of one producer and 1–2 instructors; mentors take several teams. With `share_slot`, mentors
    are picked among those free at one of the director's slots when any is (as the engine would)."""
    rng = random.Random(seed)
    load = {p.id: 0 for p in program.people}
    teams = []
    for director in program.directors:
        chosen = []
        for pool, n in ((program.producers, 1), (program.instructors, rng.randint(1, 2))):
            open_ = [m for m in pool if load[m.id] < m.effective_capacity]
            if share_slot:
                free = set(director.availability)
                for m in chosen:
                    free &= set(m.availability)
                fitting = [m for m in open_ if free & set(m.availability)]
                open_ = fitting or open_
            picked = rng.sample(open_, min(n, len(open_)))
            for m in picked:
                load[m.id] += 1
            chosen += picked
        producer = chosen[0].id if chosen and chosen[0].role is Role.PRODUCER else None
        teams.append(Team(director.id, producer, tuple(m.id for m in chosen if m.role is Role.INSTRUCTOR)))
    return tuple(teams)


def saved(teams, settings=Settings()) -> SavedRun:
    return SavedRun(1, dt.datetime(2027, 1, 1), settings, RunResult(RunStatus.FEASIBLE, teams=tuple(teams)))


def check(program, properties, run, schedule):
    return problems(schedule, program.by_id(), run.result.teams, start=properties.start, weeks=properties.weeks,
                    cadence=str(properties.cadence), minutes=properties.meeting_minutes)


@pytest.mark.parametrize("seed, cadence, weeks", [
    (1, Cadence.WEEKLY, 8), (2, Cadence.FORTNIGHTLY, 26), (3, Cadence.MONTHLY, 26), (4, Cadence.ONCE, 4),
    (5, Cadence.FORTNIGHTLY, 9),
])
@pytest.mark.parametrize("share_slot", [True, False])
def test_generated_programs_keep_every_rule_or_explain(seed, cadence, weeks, share_slot):
    program = synthetic_program(30, seed=seed)
    properties = ProgramProperties(start=START, weeks=weeks, cadence=cadence, meeting_minutes=90)
    run = saved(random_teams(program, seed, share_slot=share_slot))
    schedule = make_schedule(program, properties, run, options=OPTIONS)
    assert check(program, properties, run, schedule) == []
    assert all(render(u.why) and render(u.why, "zh") for u in schedule.unscheduled)
    if share_slot:
        assert len(schedule.meetings) > 0


def test_a_team_meets_at_one_stable_weekly_time_when_it_can():
    program = synthetic_program(12, seed=7)
    properties = ProgramProperties(start=START, weeks=26, cadence=Cadence.FORTNIGHTLY)
    run = saved(random_teams(program, 7, share_slot=True))
    schedule = make_schedule(program, properties, run, options=OPTIONS)
    for team in run.result.teams:
        meetings = schedule.of_team(team.director)
        if len(meetings) == 13:
            assert len({m.slot for m in meetings}) == 1
            assert {(b.start - a.start).days for a, b in zip(meetings, meetings[1:])} == {14}


def people_sharing_one_slot():
    slot = ("Mon PM",)
    return (
        Person("D01", "Ann", Role.DIRECTOR, availability=slot), Person("D02", "Bo", Role.DIRECTOR, availability=slot),
        Person("P01", "Helen Ma", Role.PRODUCER, availability=slot + ("Tue AM",)),
        Person("I01", "Ivy", Role.INSTRUCTOR, availability=slot), Person("I02", "Jon", Role.INSTRUCTOR, availability=slot),
    )


TWO_TEAMS = (Team("D01", "P01", ("I01",)), Team("D02", "P01", ("I02",)))


def test_a_mentors_teams_on_their_only_free_slot_meet_on_alternate_weeks():
    program = Program(Settings(), people_sharing_one_slot())
    properties = ProgramProperties(start=START, weeks=26, cadence=Cadence.FORTNIGHTLY)
    schedule = make_schedule(program, properties, saved(TWO_TEAMS), options=OPTIONS)
    assert schedule.unscheduled == ()
    first = {t: schedule.of_team(t)[0].week for t in ("D01", "D02")}
    assert sorted(first.values()) == [0, 1]
    assert check(program, properties, saved(TWO_TEAMS), schedule) == []


def test_weekly_teams_that_cannot_all_meet_are_said_short_naming_whose_time_collides():
    program = Program(Settings(), people_sharing_one_slot())
    properties = ProgramProperties(start=START, weeks=6, cadence=Cadence.WEEKLY)
    schedule = make_schedule(program, properties, saved(TWO_TEAMS), options=OPTIONS)
    assert len(schedule.meetings) == 6
    (short,) = schedule.unscheduled
    assert short.missing == 6
    sentence = render(short.why)
    assert "6 meetings short" in sentence and "Helen Ma (P01)" in sentence
    other = "D01" if short.team == "D02" else "D02"
    assert other in sentence
    assert "Helen Ma (P01)" in render(short.why, "zh") and "少了 6 次会面" in render(short.why, "zh")


def test_members_never_free_together_are_named():
    people = (Person("D01", "Ann", Role.DIRECTOR, availability=("Mon AM",)),
              Person("P01", "Helen Ma", Role.PRODUCER, availability=("Tue AM",)))
    program = Program(Settings(), people)
    properties = ProgramProperties(start=START, weeks=4, cadence=Cadence.WEEKLY)
    schedule = make_schedule(program, properties, saved([Team("D01", "P01")]), options=OPTIONS)
    (short,) = schedule.unscheduled
    assert short.missing == 4
    assert render(short.why) == ("Ann (D01): Ann (D01) and Helen Ma (P01) are never free at the same time, "
                                 "so its 4 meetings cannot be placed.")


def test_a_dated_calendar_uses_its_own_dates():
    calendar = dated_calendar(dt.date(2026, 7, 1), dt.date(2026, 7, 28))
    free = tuple(s for s in calendar if s.startswith(("2026-07-02", "2026-07-09", "2026-07-20")))
    people = (Person("D01", "Ann", Role.DIRECTOR, availability=free),
              Person("P01", "Helen Ma", Role.PRODUCER, availability=free))
    program = Program(Settings(calendar=calendar), people)
    properties = ProgramProperties(weeks=4, cadence=Cadence.WEEKLY)
    run = saved([Team("D01", "P01")], Settings(calendar=calendar))
    schedule = make_schedule(program, properties, run, options=OPTIONS)
    assert schedule.frame.start == dt.date(2026, 7, 1)
    assert [m.start.date() for m in schedule.meetings] == [dt.date(2026, 7, 2), dt.date(2026, 7, 9),
                                                           dt.date(2026, 7, 20)]
    (short,) = schedule.unscheduled
    assert short.missing == 1 and "week(s) 4" in render(short.why)
    assert problems(schedule, program.by_id(), run.result.teams, start=dt.date(2026, 7, 1), weeks=4,
                    cadence="weekly", minutes=120) == []


def test_after_a_manual_change_only_that_team_and_its_mentors_teams_move():
    program = synthetic_program(30, seed=11)
    properties = ProgramProperties(start=START, weeks=12, cadence=Cadence.FORTNIGHTLY)
    teams = random_teams(program, 11, share_slot=True)
    first = make_schedule(program, properties, saved(teams), options=OPTIONS)
    changed = teams[0]
    new_instructor = next(i.id for i in program.instructors if i.id not in changed.instructors)
    teams2 = (replace(changed, instructors=(new_instructor,)),) + teams[1:]
    second = make_schedule(program, properties, saved(teams2), previous=first, incremental=True, options=OPTIONS)
    assert check(program, properties, saved(teams2), second) == []
    touched = set(changed.mentors) | {new_instructor}
    may_move = {changed.director} | {t.director for t in teams2 if touched & set(t.mentors)}
    for team in teams2:
        if team.director not in may_move:
            assert first.of_team(team.director) == second.of_team(team.director), team.director
            assert second.sequences.get(team.director, 0) == first.sequences.get(team.director, 0)
    assert len(may_move) < len(teams2)


def test_the_same_input_gives_the_same_schedule():
    program = synthetic_program(20, seed=3)
    properties = ProgramProperties(start=START, weeks=8, cadence=Cadence.WEEKLY)
    run = saved(random_teams(program, 3, share_slot=True))
    one = make_schedule(program, properties, run, options=OPTIONS)
    two = make_schedule(program, properties, run, options=OPTIONS)
    assert one.meetings == two.meetings
