"""Diagnoses and unmatched reasons are messages that carry the ids they concern (issue 8)."""

from __future__ import annotations

from pairing.domain import Lock, Person, Program, Role, RunStatus, Settings
from pairing.engine import SolveOptions, solve
from pairing.words import render

OPTIONS = SolveOptions(time_limit_s=2, workers=1)
SLOT = ("Mon AM",)


def _p(pid: str, role: Role, **kw) -> Person:
    return Person(pid, pid, role, availability=SLOT, **kw)


def test_the_reason_of_d10_is_about_d10_not_d100():
    """D10's locks were explained by the first lock problem whose text contained "D10": D100's."""
    people = (
        _p("D10", Role.DIRECTOR), _p("D100", Role.DIRECTOR), _p("D2", Role.DIRECTOR),
        *(_p(f"P{i}", Role.PRODUCER, capacity=2) for i in (1, 2, 3)),
        *(_p(f"I{i}", Role.INSTRUCTOR, capacity=3) for i in (1, 2, 3, 4)),
    )
    locks = (Lock("D100", "P1"), Lock("D100", "P2"),  # two producers: D100 cannot be placed
             Lock("D10", "I1"), Lock("D10", "I2"), Lock("D10", "I3"))  # three instructors, two at most
    result = solve(Program(Settings(instructors_max=2), people, locks), OPTIONS)
    assert result.status is RunStatus.INFEASIBLE
    why = {u.id: u.why for u in result.unmatched}
    assert set(why) == {"D10", "D100"}
    assert why["D10"].arg("detail").code == "rules.locks_instructors"
    assert why["D100"].arg("detail").code == "rules.locks_producers"
    assert "D100" not in render(why["D10"]) and "3 instructors" in render(why["D10"])


def test_the_kind_of_rule_is_counted_by_its_code_not_by_the_organization_name():
    """A rule was told by words in its sentence: "Avoid Pictures" read as the avoid rule."""
    people = (
        _p("D1", Role.DIRECTOR, organization="Avoid Pictures"),
        _p("P1", Role.PRODUCER, organization="Avoid Pictures", capacity=2),
        _p("I1", Role.INSTRUCTOR, capacity=2),
    )
    result = solve(Program(Settings(), people), OPTIONS)
    problem = next(d for d in result.diagnosis if d.code == "rules.no_possible_mentor")
    assert [k.code for k in problem.arg("why").arg("kinds")] == ["rules.kind_organization"]
    assert render(problem) == ("no possible senior producer for D1: 1 is from the same organization")
    assert render(problem, "zh") == "D1没有可配的监制：1 位来自同一机构"
