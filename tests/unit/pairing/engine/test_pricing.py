"""Exact pricing (pairing/engine/pricing.py) against enumeration of every team under random prices."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pairing.engine.construct import locked_members
from pairing.engine import pricing
from pairing.engine.instance import MEETING_FULL, compile_program
from pairing.engine.pricing import build_space, column_value, pair_parts, price
from pairing.engine.scoring import team_values, weighted
from pairing.synthetic import synthetic_program
from pairing.domain import Person, Program, Role, Settings
from pairing.engine.options import SolveOptions
from tests.unit.pairing.engine.test_engine_bruteforce import SLOTS, _valid, programs, unplaceable_locked_director


def every_team(inst, d):
    opts = inst.options
    for p in inst.producer_range:
        for k in range(opts.instructors_min, opts.instructors_max + 1):
            for instructors in itertools.combinations(inst.instructor_range, k):
                team = (p, *instructors)
                if _valid(inst, d, list(team)):
                    yield team


def value_without_load(inst, d, team) -> float:
    return sum(v for c, v in weighted(inst, team_values(inst, d, team)).items() if c != "load")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(0, 1000))
def test_pricing_finds_each_directors_best_priced_team_and_bounds_every_team(case, seed):
    program, options = case
    inst = compile_program(program, options)
    locked_members(inst)  # marks directors whose locks cannot hold
    space = build_space(inst)
    prices = np.random.default_rng(seed).normal(0, 10, inst.n_mentors)
    found = price(space, prices, np.full(inst.n_directors, -np.inf), per_director=2)
    for d in range(inst.n_directors):
        if d in inst.blocked:
            continue
        values = [value_without_load(inst, d, t) - prices[list(t)].sum() for t in every_team(inst, d)]
        best = max(values, default=-np.inf)
        if np.isfinite(best):
            assert abs(found.best[d] - best) < 1e-4  # (pair values are float32)
            assert found.upper[d] >= best - 1e-4
        else:
            assert not np.isfinite(found.best[d])
    for column in found.columns:
        assert _valid(inst, column.d, list(column.members))
        assert abs(column.value - value_without_load(inst, column.d, column.members)) < 1e-4


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.integers(0, 1000), st.integers(1, 4), st.sampled_from([2, 64]))
def test_the_columns_are_each_directors_best_teams_above_its_floor(case, seed, keep, groups):
    """The compiled search keeps exactly the `keep` best teams above the floor (their values, ties
    aside), also with the producers' coverage groups overflowing into the last one (groups=2)."""
    program, options = case
    inst = compile_program(program, options)
    locked_members(inst)
    space = build_space(inst)
    space.groups = groups
    rng = np.random.default_rng(seed)
    prices = rng.normal(0, 10, inst.n_mentors)
    floor = rng.normal(20, 15, inst.n_directors)
    found = price(space, prices, floor, per_director=keep)
    for d in range(inst.n_directors):
        if d in inst.blocked:
            continue
        values = sorted((value_without_load(inst, d, t) - prices[list(t)].sum() for t in every_team(inst, d)),
                        reverse=True)
        want = [v for v in values if v > floor[d] + 1e-6][:keep]
        got = sorted((c.value - prices[list(c.members)].sum() for c in found.columns if c.d == d), reverse=True)
        assert len(got) == len(want)
        assert np.allclose(got, want, atol=1e-4)
        assert found.upper[d] >= max(values, default=-np.inf) - 1e-4


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 1000), st.sampled_from([(0, 3), (1, 3), (2, 4), (3, 3)]))
def test_pricing_of_larger_teams_equals_enumeration(seed, sizes):
    """Teams of up to four instructors: the search goes deeper than the usual two."""
    program = synthetic_program(12, seed=seed % 7)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, instructors_min=sizes[0],
                                                               instructors_max=sizes[1]))
    prices = np.random.default_rng(seed).normal(0, 8, inst.n_mentors)
    found = price(build_space(inst), prices, np.full(inst.n_directors, -np.inf), per_director=3)
    for d in range(inst.n_directors):
        values = sorted((value_without_load(inst, d, t) - prices[list(t)].sum() for t in every_team(inst, d)),
                        reverse=True)
        got = sorted((c.value - prices[list(c.members)].sum() for c in found.columns if c.d == d), reverse=True)
        assert np.allclose(got, values[:3], atol=1e-4)
        assert abs(found.best[d] - values[0]) < 1e-4 if values else not np.isfinite(found.best[d])


def test_column_value_equals_the_team_score_without_load():
    program = synthetic_program(15, seed=4)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, instructors_max=3))
    space = build_space(inst)
    for d in range(inst.n_directors):
        for team in itertools.islice(every_team(inst, d), 40):
            assert abs(column_value(space, d, team) - value_without_load(inst, d, team)) < 1e-4


def test_enumeration_keeps_every_team_above_the_floor():
    program = synthetic_program(8, seed=2)
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    space = build_space(inst)
    prices = np.zeros(inst.n_mentors)
    floor = np.full(inst.n_directors, 38.123)  # (not a score a team can have: no rounding at the edge)
    found = price(space, prices, floor, per_director=0, keep_all=True)
    got = {(c.d, c.members) for c in found.columns}
    want = {(d, t) for d in range(inst.n_directors) for t in every_team(inst, d)
            if value_without_load(inst, d, t) > 38.123}
    assert got == want


def test_a_director_whose_locks_meet_no_producer_gets_no_column_beside_others_that_grow():
    """Pricing's greedy dive grows every director of a block at once; one that adds no instructor (here D0,
    its locked instructor filling its team) kept the value of a team with no shared slot (D0 + P0 + I0)."""
    program, options = unplaceable_locked_director()
    inst = compile_program(program, options)
    locked_members(inst)
    found = price(build_space(inst), np.zeros(inst.n_mentors), np.full(inst.n_directors, -np.inf))
    assert not np.isfinite(found.best[inst.d_index["D0"]])
    assert {c.d for c in found.columns} == {inst.d_index["D1"]}
    assert all(_valid(inst, c.d, list(c.members)) for c in found.columns)


def test_pricing_with_no_instructor_to_add():
    """No instructor at all (a neighbourhood where every instructor is full, 0 instructors allowed): teams
    of a producer alone, no error."""
    people = tuple(Person(id=pid, name=pid, role=role, availability=("Tue PM",), capacity=capacity)
                   for pid, role, capacity in (("D0", Role.DIRECTOR, None), ("D1", Role.DIRECTOR, None),
                                               ("P0", Role.PRODUCER, 2)))
    inst = compile_program(Program(settings=Settings(calendar=SLOTS), people=people),
                           SolveOptions(instructors_min=0, instructors_max=1))
    for keep_all in (False, True):
        found = price(build_space(inst), np.zeros(inst.n_mentors), np.full(2, -np.inf), keep_all=keep_all)
        assert sorted((c.d, c.members) for c in found.columns) == [(0, (0,)), (1, (0,))]


@pytest.mark.parametrize("seed", [0, 1])
def test_the_search_counts_the_same_steps_whatever_ran_before(seed):
    """The steps a pass counts (whole_lp's deterministic units) depend only on the program, the prices and
    the floors: never on memory a search reads before writing it (a coverage group with no producer once
    did, and the count differed from one pass to the next)."""
    program = synthetic_program(150, seed=seed)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    rng = np.random.default_rng(seed)
    mu = rng.normal(0, 10, inst.n_mentors)
    floor = np.full(inst.n_directors, -np.inf)
    first = price(space, mu, floor, per_director=3)
    for _ in range(3):  # other passes in between, whose scratch memory the next pass may be given
        price(space, rng.normal(0, 30, inst.n_mentors), floor, per_director=1, directors=np.arange(0, 150, 7))
    again = price(space, mu, floor, per_director=3)
    assert first.work > 0 and again.work == first.work


def _with_twins(n: int, seed: int) -> Program:
    """A synthetic program where every producer has twins: the same weekly slots and skills (so the same
    class: any team of one is a team of the other), other genres, languages and organizations (so other
    pair values)."""
    program = synthetic_program(n, seed=seed)
    people = list(program.people)
    rng = np.random.default_rng(seed)
    genres = sorted({g for p in people for g in p.genres})
    for person in [p for p in people if p.role is Role.PRODUCER]:
        for twin in range(2):
            people.append(replace(person, id=f"{person.id}-twin{twin}", name=f"{person.name} {twin}",
                                  genres=tuple(rng.choice(genres, 2, replace=False)), prefers=(), avoid=(),
                                  organization=f"Twin org {twin}", languages=person.languages[:twin + 1]))
    return replace(program, people=tuple(people))


@pytest.mark.parametrize("seed, keep", [(0, 1), (1, 3), (2, 6)])
def test_twin_producers_searched_once_keep_every_directors_best_teams(seed, keep):
    """Producers of one class (the same slots with the director, the same levels at its needs) are
    searched once, the others take the first's teams: each director's `keep` best teams and its bound are
    still those of enumerating every team."""
    program = _with_twins(10, seed)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    rng = np.random.default_rng(seed)
    prices = rng.normal(0, 3, inst.n_mentors)
    found = price(build_space(inst), prices, np.full(inst.n_directors, -np.inf), per_director=keep)
    twins = 0
    for d in range(inst.n_directors):
        teams = sorted(((value_without_load(inst, d, t) - prices[list(t)].sum(), t) for t in every_team(inst, d)),
                       reverse=True)
        got = sorted((c.value - prices[list(c.members)].sum() for c in found.columns if c.d == d), reverse=True)
        assert np.allclose(got, [v for v, _ in teams[:keep]], atol=1e-4)
        assert abs(found.best[d] - teams[0][0]) < 1e-4 and found.upper[d] >= teams[0][0] - 1e-4
        twins += sum("twin" in inst.mentors[c.members[0]].id for c in found.columns if c.d == d)
    assert twins > 0  # (twins do take part: the case the classes serve)


def test_a_heuristic_pass_tries_only_each_directors_most_promising_mentors():
    """With `restrict` k, a director's teams use only its k most promising producers (pair value less
    price, its shared slots' meeting credit, its needs credit) and k most promising instructors (pair
    value less price, needs credit); its best there is a real team's value, never above the exact best."""
    program = synthetic_program(40, seed=5)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    space = build_space(inst)
    prices = np.random.default_rng(5).normal(0, 5, inst.n_mentors)
    floor = np.full(inst.n_directors, -np.inf)
    exact = price(space, prices, floor, per_director=3)
    k = 4
    quick = price(space, prices, floor, per_director=3, restrict=k)
    assert np.all(np.isinf(quick.upper))  # no bound
    assert np.all(quick.best <= exact.best + 1e-9) and quick.work < exact.work
    n_p = inst.n_producers
    for d in range(inst.n_directors):
        lin, allowed = pair_parts(space, np.array([d]), True)
        a = lin[0] - prices
        per_need = inst.weights["needs"] * 100.0 / max(space.need_count[d], 1)
        credit = space.levels[:, space.need_cols[d, :space.need_count[d]]].sum(axis=1) * per_need
        shared = np.array([bin(inst.d_avail[d] & inst.m_avail[m]).count("1") for m in range(inst.n_mentors)])
        meeting = inst.weights["meeting"] * 100.0 / MEETING_FULL * np.minimum(shared, MEETING_FULL)
        ok = allowed[0] & (shared > 0)  # (the meeting rule is on: a mentor sharing no slot joins no team)
        producer_rank = np.where(ok[:n_p], a[:n_p] + meeting[:n_p] + credit[:n_p], -np.inf)
        instructor_rank = np.where(ok[n_p:], a[n_p:] + credit[n_p:], -np.inf)
        producers = set(np.nonzero(producer_rank >= np.sort(producer_rank)[-k])[0])
        instructors = set(n_p + np.nonzero(instructor_rank >= np.sort(instructor_rank)[-k])[0])
        for column in (c for c in quick.columns if c.d == d):
            assert column.members[0] in producers and set(column.members[1:]) <= instructors
            assert _valid(inst, d, list(column.members))


def test_kept_pair_values_price_as_values_computed_afresh(monkeypatch):
    """Pricing reads each director's pair values kept by the space from its first pass on; a space that
    keeps none (KEPT_PAIRS 0) computes them every pass: the same passes, to the last bit."""
    program = synthetic_program(60, seed=8)
    inst = compile_program(program, SolveOptions.from_settings(program.settings, workers=1))
    rng = np.random.default_rng(8)
    passes = [(rng.normal(0, 10, inst.n_mentors), rng.choice(inst.n_directors, 25, replace=False))
              for _ in range(3)]
    kept_space = build_space(inst)
    kept_space.block = 8
    kept = [price(kept_space, mu, np.full(inst.n_directors, -np.inf), directors=np.sort(ds)) for mu, ds in passes]
    assert kept_space._pairs_kept is not None and kept_space._pairs_kept.valued.sum() > 25
    monkeypatch.setattr(pricing, "KEPT_PAIRS", 0)
    fresh_space = build_space(inst)
    fresh_space.block = 8
    fresh = [price(fresh_space, mu, np.full(inst.n_directors, -np.inf), directors=np.sort(ds)) for mu, ds in passes]
    assert fresh_space._pairs_kept is None
    for a, b in zip(kept, fresh):
        assert np.array_equal(a.best, b.best) and np.array_equal(a.upper, b.upper) and a.work == b.work
        assert [(c.d, c.members, c.value) for c in a.columns] == [(c.d, c.members, c.value) for c in b.columns]
