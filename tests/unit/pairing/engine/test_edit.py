"""Manual edits are checked by rule codes, never by reading a sentence (issue 8)."""

from __future__ import annotations

import pytest

from pairing.domain import Person, Program, Role, RunResult, RunStatus, Settings, Team
from pairing.engine import SolveOptions, TeamEvaluator
from pairing.words import render

OPTIONS = SolveOptions(time_limit_s=1, workers=1)


def _program(organization: str) -> Program:
    slot = ("Mon AM",)
    people = (
        Person("D1", "Ann", Role.DIRECTOR, organization=organization, availability=slot),
        Person("P1", "Pat", Role.PRODUCER, organization=organization, availability=slot, capacity=2),
        Person("I1", "Ike", Role.INSTRUCTOR, availability=slot, capacity=2),
    )
    return Program(Settings(), people)


@pytest.mark.parametrize("organization", ["slot machine pictures", "Capacity Films", "Slot Machine Pictures"])
def test_the_same_organization_rule_is_reported_whatever_the_organization_is_called(organization):
    """An organization whose name holds "slot" or "capacity" was silently skipped when the rule was
    recognised by a substring of its sentence."""
    program = _program(organization)
    team = Team("D1", "P1", ("I1",))
    problems = TeamEvaluator(program, OPTIONS).check_team(RunResult(RunStatus.FEASIBLE, teams=(team,)), team)
    assert [p.code for p in problems] == ["rules.same_organization"]
    assert organization in render(problems[0]) and "同属" in render(problems[0], "zh")


def test_capacity_and_meeting_are_reported_once_with_their_numbers():
    program = _program("")
    people = tuple(p.with_changes(capacity=0) if p.id == "P1" else p for p in program.people)
    people = tuple(p.with_changes(availability=("Tue PM",)) if p.id == "I1" else p for p in people)
    program = Program(Settings(), people)
    team = Team("D1", "P1", ("I1",))
    result = RunResult(RunStatus.FEASIBLE, teams=(team,))
    codes = [p.code for p in TeamEvaluator(program, OPTIONS).check_team(result, team)]
    assert codes == ["rules.over_capacity", "rules.team_no_meeting"]
