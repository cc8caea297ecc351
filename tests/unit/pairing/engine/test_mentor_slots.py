"""The rule "each mentor's teams meet at different weekly times" (issue 9 part 6): the solver keeps it,
proves it when it cannot, and manual edits are checked against it — in English and Chinese."""

from __future__ import annotations

from dataclasses import replace

from pairing.domain import Person, Program, Role, RunStatus, Settings, Team
from pairing.engine import SolveOptions, TeamEvaluator, settle_weekly_slots, solve
from pairing.engine.instance import compile_program
from pairing.engine.mentor_slots import assign, clashes
from pairing.words import render

CALENDAR = ("Mon PM", "Tue AM")


def people(helen_free=("Mon PM",)):
    both = CALENDAR
    return (Person("D01", "Ann", Role.DIRECTOR, availability=both),
            Person("D02", "Bo", Role.DIRECTOR, availability=both),
            Person("P01", "Helen Ma", Role.PRODUCER, availability=helen_free, capacity=2),
            Person("I01", "Ivy", Role.INSTRUCTOR, availability=both),
            Person("I02", "Jon", Role.INSTRUCTOR, availability=both))


def program(rule=True, helen_free=("Mon PM",)):
    return Program(Settings(calendar=CALENDAR, distinct_mentor_slots=rule), people(helen_free))


def options(prog, **kw):
    return SolveOptions.from_settings(prog.settings, time_limit_s=5, workers=1, **kw)


def test_a_producer_free_in_one_slot_cannot_take_two_teams_and_the_diagnosis_names_her_and_the_slot():
    prog = program()
    result = solve(prog, options(prog))
    assert result.status is RunStatus.INFEASIBLE
    assert len(result.teams) == 1 and len(result.unmatched) == 1
    sentences = [render(d) for d in result.diagnosis]
    assert any("Helen Ma (P01)" in s and "Mon PM" in s for s in sentences), sentences
    chinese = [render(d, "zh") for d in result.diagnosis]
    assert any("P01" in s and "周一" in s for s in chinese), chinese


def test_without_the_rule_the_same_program_places_both():
    prog = program(rule=False)
    result = solve(prog, options(prog))
    assert len(result.teams) == 2 and all(t.weekly_slot is None for t in result.teams)


def test_with_a_second_free_slot_both_teams_get_different_weekly_times():
    prog = program(helen_free=CALENDAR)
    result = solve(prog, options(prog))
    assert result.status is RunStatus.OPTIMAL
    assert sorted(t.weekly_slot for t in result.teams) == list(CALENDAR)
    assert all(t.weekly_slot in t.meeting_slots for t in result.teams)
    assert "weekly_slot" in result.to_json()["teams"][0]


def test_assign_frees_the_team_that_cannot_be_kept_and_keeps_the_better_one():
    prog = program()
    inst = compile_program(prog, options(prog))
    p, i1, i2 = inst.m_index["P01"], inst.m_index["I01"], inst.m_index["I02"]
    teams, slots = assign(inst, {0: [p, i1], 1: [p, i2]}, values={0: 10.0, 1: 50.0})
    assert list(teams) == [1] and clashes(inst, teams, slots) == []


def test_a_manual_edit_that_gives_a_mentor_two_teams_at_one_weekly_time_is_named():
    prog = program(helen_free=CALENDAR)
    result = solve(prog, options(prog))
    first, second = result.teams
    edited = replace(second, weekly_slot=first.weekly_slot)
    problems = TeamEvaluator(prog, options(prog)).check_team(result, edited)
    (problem,) = [p for p in problems if "Helen Ma (P01)" in render(p)]  # and any instructor they share
    sentence = render(problem)
    assert first.director in sentence and "two teams" in sentence and first.weekly_slot[:3] in sentence
    assert "两个小组" in render(problem, "zh")


def test_settling_after_a_change_keeps_the_old_time_or_finds_a_free_one():
    prog = program(helen_free=CALENDAR)
    result = solve(prog, options(prog))
    first, second = result.teams
    clashing = (first, replace(second, weekly_slot=first.weekly_slot))
    settled = settle_weekly_slots(prog, clashing, {second.director})
    assert settled[0] == first and settled[1].weekly_slot == second.weekly_slot
    kept = settle_weekly_slots(prog, (first, replace(second, weekly_slot=None)), {second.director}, result.teams)
    assert kept[1].weekly_slot == second.weekly_slot


def test_no_weekly_time_left_is_said_with_the_slots_the_team_shares():
    prog = program()
    d1 = Team("D01", "P01", ("I01",), weekly_slot="Mon PM")
    d2 = Team("D02", "P01", ("I02",))
    result = solve(program(rule=False), options(program(rule=False)))
    result = replace(result, teams=(d1, d2))
    (problem,) = TeamEvaluator(prog, options(prog)).check_team(result, d2)
    assert "D02" in render(problem) and "Mon PM" in render(problem)
    assert "D02" in render(problem, "zh")


def test_the_sheets_show_a_teams_weekly_time_first_in_both_languages():
    import datetime as dt

    from pairing.domain import SavedRun
    from pairing.exports.sheet import build_sheet

    prog = program(helen_free=CALENDAR)
    result = solve(prog, options(prog))
    run = SavedRun(1, dt.datetime(2027, 1, 1), prog.settings, result)
    for lang, mark in (("en", "(weekly time)"), ("zh", "（每周见面时段）")):
        sheet = build_sheet(prog, run, lang=lang)
        for team, shown in zip(result.teams, sheet.teams):
            assert shown.meeting_slots[0] == team.weekly_slot
            assert shown.meeting_labels[0].endswith(mark)
            assert not any(mark in label for label in shown.meeting_labels[1:])


def test_the_large_path_repair_moves_a_team_to_make_room_for_a_director_left_out():
    """slot_repair.keep (the large-program path's last step): Ann's team holds Helen Ma at the only time Bo
    is free; the greedy refill cannot place Bo, the column model on both moves Ann's team to Tuesday."""
    import time

    from pairing.engine.candidates import build_arcs
    from pairing.engine.slot_repair import keep

    both = CALENDAR
    people = (Person("D01", "Ann", Role.DIRECTOR, availability=both),
              Person("D02", "Bo", Role.DIRECTOR, availability=("Mon PM",)),
              Person("P01", "Helen Ma", Role.PRODUCER, availability=both, capacity=2),
              Person("I01", "Ivy", Role.INSTRUCTOR, availability=("Mon PM",), capacity=1),
              Person("I02", "Jon", Role.INSTRUCTOR, availability=both, capacity=1))
    prog = Program(Settings(calendar=CALENDAR, distinct_mentor_slots=True), people)
    inst = compile_program(prog, options(prog))
    p, ivy, jon = inst.m_index["P01"], inst.m_index["I01"], inst.m_index["I02"]
    teams, slots = keep(inst, build_arcs(inst), {0: [p, ivy]}, time.perf_counter() + 5)
    assert sorted(teams) == [0, 1] and clashes(inst, teams, slots) == []
    assert teams[0] == [p, jon] and inst.slots[slots[0]] == "Tue AM" and inst.slots[slots[1]] == "Mon PM"
