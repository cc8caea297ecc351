"""Large-neighbourhood search around CP-SAT: free a few dozen directors whose best mentors are taken by
one another, re-solve their teams exactly with everybody else fixed, keep the change when the total
score rises. Each sub-solve is one worker with a deterministic-time limit, so runs repeat exactly."""

from __future__ import annotations

import threading
import time

import numpy as np

from pairing.engine import cpsat
from pairing.engine.candidates import Arcs, by_director
from pairing.engine.construct import Teams, is_complete
from pairing.engine.instance import Instance
from pairing.engine.scoring import load_marginal, team_values, weighted

REGION = 12  # directors freed per move
SEED_CANDIDATES = 6  # best mentors per role of the seed director whose teams join the region
SUB_DETERMINISTIC = 0.05  # deterministic-time limit of one sub-solve
MOVE_COST = 0.06  # seconds charged per move beyond its deterministic time (model build, LP set-up; measured)


def improve(inst: Instance, arcs: Arcs, teams: Teams, budget_s: float, seed: int,
            cancel: threading.Event | None = None, on_improve=None, deadline: float | None = None) -> Teams:
    """Improve complete teams for about budget_s seconds, counted in deterministic time (so runs repeat);
    `deadline` (a perf_counter time) is the user's time limit, never exceeded."""
    teams = {d: list(ms) for d, ms in teams.items()}
    rng = np.random.default_rng(seed)
    per_director = by_director(arcs, inst.n_directors)
    holders = _holders(inst, teams)
    seeds = np.array([d for d in range(inst.n_directors) if is_complete(inst, d, teams.get(d, []))])
    if not len(seeds):
        return teams
    start, spent = time.perf_counter(), 0.0
    # The budget is counted in deterministic time so that equal inputs repeat exactly; wall time is only
    # a safety net for a slow or busy machine.
    deadline = deadline if deadline is not None else start + budget_s * 1.5
    while spent < budget_s and time.perf_counter() < deadline - SUB_DETERMINISTIC:
        if cancel is not None and cancel.is_set():
            break
        region = _region(inst, arcs, per_director, holders, teams, int(seeds[rng.integers(len(seeds))]), rng)
        gain, det = _move(inst, arcs, teams, holders, region, seed)
        spent += det + MOVE_COST
        if gain > 0 and on_improve is not None:
            on_improve(gain)
    return teams


def _holders(inst: Instance, teams: Teams) -> list[set[int]]:
    holders: list[set[int]] = [set() for _ in range(inst.n_mentors)]
    for d, members in teams.items():
        for m in members:
            holders[m].add(d)
    return holders


def _region(inst, arcs, per_director, holders, teams, seed_d: int, rng) -> list[int]:
    """The seed director and the directors holding its best candidates."""
    idx = per_director[seed_d]
    best = []
    for producers in (True, False):
        part = [i for i in idx if (arcs.m[i] < inst.n_producers) == producers]
        part.sort(key=lambda i: -arcs.value[i])
        best.extend(int(arcs.m[i]) for i in part[:SEED_CANDIDATES])
    others = sorted({d for m in best for d in holders[m]} - {seed_d})
    rng.shuffle(others)
    return sorted([seed_d, *others[: REGION - 1]])


def _move(inst, arcs, teams, holders, region, seed) -> tuple[float, float]:
    """Re-solve one region; returns the score gained (0 if none) and the solver's deterministic time."""
    fixed = [d for d in region if not all((d, m) in inst.lock_set for m in teams.get(d, []))]
    if not fixed:
        return 0.0, 0.0
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for d, members in teams.items():
        if d not in region:
            for m in members:
                used[m] += 1
    before = region_value(inst, region, teams, used)
    tm = cpsat.build_model(inst, arcs, directors=region, used=used)
    cpsat.hint(tm, teams)
    out = cpsat.run(tm, SUB_DETERMINISTIC * 3, seed, 1, deterministic=True, det_limit=SUB_DETERMINISTIC)
    if out.teams is None or not all(is_complete(inst, d, out.teams.get(d, [])) for d in region):
        return 0.0, out.det_time
    candidate = {**teams, **{d: out.teams[d] for d in region}}
    after = region_value(inst, region, candidate, used)
    if after <= before + 1e-9:
        return 0.0, out.det_time
    for d in region:
        for m in teams.get(d, []):
            holders[m].discard(d)
        teams[d] = out.teams[d]
        for m in teams[d]:
            holders[m].add(d)
    return after - before, out.det_time


def region_value(inst: Instance, region: list[int], teams: Teams, used_outside: np.ndarray) -> float:
    """The region's part of the total score: its teams without load, plus the load its mentor places add."""
    total = 0.0
    extra: dict[int, int] = {}
    for d in region:
        breakdown = weighted(inst, team_values(inst, d, teams.get(d, [])))
        total += sum(v for k, v in breakdown.items() if k != "load")
        for m in teams.get(d, []):
            extra[m] = extra.get(m, 0) + 1
    for m, n in extra.items():
        base = int(used_outside[m])
        total += inst.weights["load"] * sum(load_marginal(inst, m, k) for k in range(base + 1, base + n + 1))
    return total
