"""The team-column search (pairing/engine/columns.py): everyone placed whenever a pairing exists, status
`infeasible` only with a proof naming people, `unknown` otherwise, same teams for the same seed."""

from __future__ import annotations

import time
from unittest.mock import patch

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

from pairing.domain import Person, Program, Role, RunStatus, Settings, Weights
from pairing.engine import SolveOptions, master, solve
from pairing.engine.bound import flow_bound
from pairing.engine.candidates import build_arcs
from pairing.engine.columns import SEED_COLUMNS, _phase_one, _seed
from pairing.engine.construct import greedy, is_complete, locked_members
from pairing.engine.instance import compile_program
from pairing.engine.master import Master, _paced_step
from pairing.engine.pricing import build_space
from pairing.engine.result import assemble
from pairing.synthetic import synthetic_program
from pairing.words import render
from tests.unit.pairing.engine.test_engine_bruteforce import _hard_rules_hold, exhaustive, programs

FAST = SolveOptions(time_limit_s=3, workers=1)


def _p(pid, role, **kw):
    kw.setdefault("availability", ("Mon AM", "Tue PM"))
    return Person(id=pid, name=kw.pop("name", pid), role=role, **kw)


def _greedy_trap() -> Program:
    """D1 is the first in line and likes P1 best; D2 can only work with P1 (it avoids P2)."""
    people = [
        _p("D1", Role.DIRECTOR, genres=("sci-fi",)), _p("D2", Role.DIRECTOR, genres=("drama",), avoid=("P2",)),
        _p("P1", Role.PRODUCER, genres=("sci-fi",), capacity=1), _p("P2", Role.PRODUCER, capacity=1),
        _p("I1", Role.INSTRUCTOR, capacity=2),
    ]
    return Program(settings=Settings(), people=tuple(people))


def test_a_feasible_program_where_greedy_fails_gets_every_director_placed():
    program = _greedy_trap()
    inst = compile_program(program, FAST)
    teams = greedy(inst, build_arcs(inst))
    assert not all(is_complete(inst, d, teams.get(d, [])) for d in range(inst.n_directors))  # the trap works
    result = solve(program, FAST)
    assert result.status is RunStatus.OPTIMAL and not result.unmatched
    assert {t.director: t.producer for t in result.teams} == {"D1": "P2", "D2": "P1"}


def _crowded() -> Program:
    """Three directors who all avoid P3 share P1 and P2 (one place each): no precheck sees it (there are 5
    producer places and each director has two possible producers), yet one director must stay out."""
    people = [_p(f"D{k}", Role.DIRECTOR, avoid=("P3",)) for k in (1, 2, 3)] + [
        _p("P1", Role.PRODUCER, capacity=1), _p("P2", Role.PRODUCER, capacity=1),
        _p("P3", Role.PRODUCER, capacity=3), _p("I1", Role.INSTRUCTOR, capacity=5),
    ]
    return Program(settings=Settings(), people=tuple(people))


def test_a_provably_infeasible_program_is_infeasible_with_a_diagnosis_naming_people():
    result = solve(_crowded(), FAST)
    assert result.status is RunStatus.INFEASIBLE
    assert len(result.teams) == 2 and len(result.unmatched) == 1
    text = " ".join(render(m) for m in result.diagnosis)
    assert "P1" in text and "P2" in text and all(d in text for d in ("D1", "D2", "D3"))


def test_the_masters_phase_one_proves_the_shortfall_and_names_the_contested_mentors():
    inst = compile_program(_crowded(), FAST)
    proven, sentences = _phase_one(inst, build_space(inst), {}, time.perf_counter() + 30, None)
    assert proven
    text = " ".join(render(m) for m in sentences)
    assert "at most 2 of 3" in text and "P1" in text and "P2" in text and "P3" not in text
    assert all(d in text for d in ("D1", "D2", "D3"))


def test_unmatched_directors_without_a_proof_give_status_unknown():
    program = _crowded()
    inst = compile_program(program, FAST)
    arcs = build_arcs(inst)
    teams = {0: [0, 3]}  # D1 with P1 and I1; D2 and D3 left out by a search that ran out of time
    unknown = assemble(inst, teams, arcs, RunStatus.FEASIBLE, 100.0, 0.1, [])
    assert unknown.status is RunStatus.UNKNOWN and len(unknown.unmatched) == 2
    proven = assemble(inst, teams, arcs, RunStatus.FEASIBLE, 100.0, 0.1, [], proven_infeasible=True)
    assert proven.status is RunStatus.INFEASIBLE
    cancelled = assemble(inst, teams, arcs, RunStatus.CANCELLED, 100.0, 0.1, [])
    assert cancelled.status is RunStatus.CANCELLED


def _tight(n: int, seed: int) -> Program:
    """About 1.05 producer places per director, the same-organization rule on, one organization in three."""
    program = synthetic_program(n, seed=seed, slack=1.05, settings=Settings(avoid_same_organization=True))
    orgs = [f"Org {k}" for k in range(max(2, n // 8))]
    people = tuple(p.with_changes(organization=orgs[i % len(orgs)]) if i % 3 == 0 else p
                   for i, p in enumerate(program.people))
    return Program(settings=program.settings, people=people)


def test_tight_programs_get_every_director_placed_and_a_valid_bound():
    for seed in (1, 2):
        program = _tight(40, seed)
        result = solve(program, SolveOptions.from_settings(program.settings, time_limit_s=4, workers=1))
        assert not result.unmatched, result.diagnosis
        assert result.status in (RunStatus.OPTIMAL, RunStatus.FEASIBLE)
        assert result.bound >= result.objective - 1e-6


def test_the_column_search_repeats_exactly_with_the_same_seed():
    program = synthetic_program(30, seed=7, settings=Settings(weights=Weights(needs=5)))
    options = SolveOptions.from_settings(program.settings, time_limit_s=3, workers=1, seed=3)
    first, second = solve(program, options), solve(program, options)
    assert [(t.director, t.producer, t.instructors) for t in first.teams] == \
        [(t.director, t.producer, t.instructors) for t in second.teams]
    assert first.bound == second.bound


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_column_generation_cut_short_keeps_a_bound_above_the_optimum(case):
    """With column generation stopped after its first round (as when a loaded machine reaches the share
    of the limit before the LP converges), the dive, its completion and CP-SAT over the few columns still
    give a pairing that keeps every rule, and the bound reported — the Lagrangian of the last exact
    pricing — is never below the exhaustive optimum; `infeasible` only when no pairing places everyone."""
    program, options = case
    options = SolveOptions(**{**options.__dict__, "fair": False})
    with patch.object(master, "MAX_ROUNDS", 1):
        result = solve(program, options)
    _hard_rules_hold(program, options, result)
    placed, best = exhaustive(program, options)
    assert len(result.teams) <= placed
    assert result.bound >= best - 1e-6
    assert result.objective <= best + 0.01 * max(1, placed)
    if result.status is RunStatus.INFEASIBLE:
        assert placed < len(program.directors)
    if result.status is RunStatus.OPTIMAL:
        assert abs(result.objective - best) <= 0.01 * max(1, placed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(0, 2**16))
def test_the_seed_pricing_bound_is_never_below_the_optimum(case, seed):
    """Seeding the pool under mentor prices (the flows' duals in a solve; here random ones too) gives
    Lagrangian bounds that hold for every complete pairing (none, inf, when a director has no team) and
    for every pairing at all."""
    program, options = case
    options = SolveOptions(**{**options.__dict__, "fair": False})
    inst = compile_program(program, options)
    locked_members(inst)
    placed, best = exhaustive(program, options)
    prices = np.zeros(inst.n_mentors)
    flow_bound(inst, build_arcs(inst), prices=prices)
    random = np.random.default_rng(seed).uniform(-30, 30, inst.n_mentors)
    for mu in (prices, random):
        master = Master(inst, build_space(inst))
        value, any_pairing = _seed(master, mu)
        assert any_pairing >= best - 1e-6
        if placed == inst.n_directors:
            assert value >= best - 1e-6
        assert len(master.columns) <= SEED_COLUMNS * inst.n_directors


def test_a_paced_dive_takes_larger_steps_only_when_it_would_miss_its_deadline():
    assert _paced_step(left=90, step=4, steps=10, spent=0.1, remaining=5.0) == 4  # ample time: as planned
    paced = _paced_step(left=90, step=4, steps=10, spent=1.0, remaining=0.5)  # 0.1 s a step, 0.5 s left
    assert paced > 4 and 90 / paced <= 0.5 / 0.1
    assert _paced_step(left=90, step=4, steps=1, spent=1.0, remaining=0.5) == 4  # no pace measured yet
