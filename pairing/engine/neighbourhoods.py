"""Large programs: the team-column model (master.py, pricing.py) on neighbourhoods of a large-neighbourhood
search. Where the whole-program master LP is too slow (above solver.COLUMN_MAX_PAIRS), a move frees about
REGION directors, fixes every other team, takes the places those teams use off the mentors' capacities
(each mentor's load levels starting after them), and solves the neighbourhood with the column machinery:
column generation with exact pricing over every mentor that still has a place (never a top-k), then
price-and-dive, and CP-SAT over the generated columns (price-and-branch) when the dive stays short of the
neighbourhood's LP. The move is kept when the total rises; so a team may use any mentor with a free place,
not only a director's best candidates.

Seeds are chosen from the duals: a full pricing pass under program-wide mentor prices (solver.py:
the flow bound's duals) gives each director's reduced cost — how much its best priced team beats its own —
and the directors with the largest go first; each neighbourhood then grows from its seed through mentor
sharing (the directors holding the mentors its members want). Directors already freed go last.

The budget is counted in deterministic units (mentor columns priced, simplex iterations, directors dived,
CP-SAT deterministic time; ≈ seconds on an idle core of the measuring machine), so the same program and
seed give the same teams with one worker; the wall clock is only a safety net."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np

from pairing.engine.bound import pairwise_upper
from pairing.engine.candidates import Arcs
from pairing.engine.construct import Teams, is_complete
from pairing.engine.instance import Instance
from pairing.engine.lns import region_value
from pairing.engine.master import PER_DIRECTOR, TOLERANCE, UNPLACED, Master, OutOfTime, dive, integer_teams
from pairing.engine.pricing import Column, Space, build_space, price, units
from pairing.engine.scoring import team_values, weighted

REGION = 120  # directors freed per move
ROUNDS = 6  # pricing rounds per move at most (measured: most of the LP's rise comes in the first 5)
WANTED = 4  # best candidates per role of a director whose holders join its neighbourhood
BRANCH_GAP = 0.002  # CP-SAT over the columns when the dive is further than this share below the LP
BRANCH_DETERMINISTIC = 0.3  # its deterministic-time limit
REPAIR_DETERMINISTIC = 1.0  # CP-SAT's deterministic-time limit when repairing a director the dive leaves out
# Deterministic cost units, measured at 2,000 directors on an idle core:
PASS_PAIR_COST = 4.8e-7  # a full pricing pass (bound.column_bound), per director × mentor
# per simplex iteration of a neighbourhood's master LP: re-measured after the LP's rounding became the
# search's start (2,000 `meeting`, idle: 45,000 iterations in 12 moves, 1.9 s beside their pricing; the
# 2·10⁻⁴ of before ended the search at 21 s of 30); a move's pricing counts pricing.units
ITERATION_COST = 4.5e-5
DIVE_COST = 5e-4  # per director of the neighbourhood: the dive's LP re-solves
RESTRICT_ABOVE = 2_000  # mentors with a place above which a restricted move sees only its directors' arcs.
# Measured at 10,000 (58-59 CPU s of moves from the construction): meeting, ~2,850 mentors with a place
# in a move (~960 among its arcs): 54 restricted moves 645,061 against 26 moves 641,285; tight (slack 1.05),
# ~1,230 (~390): 59 moves over all 623,989 against 71 restricted 619,786 — few mentors with places are all
# worth seeing, and a small move's fixed units then dominate.
MOVE_COST = 0.02  # per move: building the neighbourhood, its space and its master
RESERVE_MARGIN = 1.25  # the reserve after the search, counted this much longer than its units at the pace seen


@dataclass
class Search:
    """What the neighbourhood search leaves: the teams, how many moves and how many were kept."""

    teams: Teams
    moves: int = 0
    kept: int = 0
    spent: float = 0.0  # deterministic units
    gains: list[float] = field(default_factory=list)  # every kept move's gain, in order


def improve(inst: Instance, arcs: Arcs, teams: Teams, budget: float, seed: int, *, deadline: float,
            cancel: threading.Event | None = None, on_improve: Callable[[float], None] | None = None,
            hopeless: set[int] = frozenset(), reduced: np.ndarray | None = None, reserve: float = 0.0,
            restrict: bool = False) -> Search:
    """Improve complete teams for `budget` deterministic units, never past `deadline` (a perf_counter
    time) less `reserve` units at the pace the machine shows (what must still run after the search).
    `reduced` (per director: what freeing it could gain, as the duals see it) orders the seeds. With
    `restrict` (very large programs) a move sees only the mentors among its directors' arcs and their own
    mentors, not every mentor with a free place: its pricing and its master shrink with them."""
    out = Search({d: list(ms) for d, ms in teams.items()})
    teams = out.teams
    placeable = np.array([d not in hopeless and is_complete(inst, d, teams.get(d, []))
                          for d in range(inst.n_directors)], dtype=bool)
    if placeable.sum() < 2:
        return out
    chooser = _Chooser(inst, arcs, placeable, reduced, np.random.default_rng(seed))
    began, longest = time.perf_counter(), 0.0
    while out.spent < budget:
        # the safety net: the next move (as long as the longest so far) and the reserve, at the pace the
        # machine shows now, must end before the deadline
        if time.perf_counter() + longest + RESERVE_MARGIN * reserve * _slowdown(began, out.spent) > deadline:
            break
        if cancel is not None and cancel.is_set():
            break
        region = chooser.region(teams)
        moved = time.perf_counter()
        gain, cost = move(inst, teams, region, seed, deadline, cancel,
                          within=_candidates(arcs, teams, region) if restrict else None)
        longest = max(longest, time.perf_counter() - moved)
        out.spent += cost
        out.moves += 1
        if gain > 0:
            out.kept += 1
            out.gains.append(gain)
            if on_improve is not None:
                on_improve(gain)
    return out


def _slowdown(began: float, spent: float) -> float:
    """Wall seconds per deterministic unit so far (at least 1): how much slower than measured this
    machine runs now."""
    return max(1.0, (time.perf_counter() - began) / spent) if spent > 0 else 1.0


class _Chooser:
    """Seeds and neighbourhoods. Seeds: the directors never freed, by reduced cost (largest first; in a
    fixed shuffled order without one), then the least freed. A neighbourhood grows breadth-first from its
    seed: each member's wanted mentors (its best candidates and its own mentors) bring in the directors
    holding them."""

    def __init__(self, inst: Instance, arcs: Arcs, placeable: np.ndarray, reduced, rng):
        self.placeable = placeable
        self.visits = np.zeros(inst.n_directors, dtype=np.int64)
        self.wanted = _wanted(inst, arcs)
        order = np.nonzero(placeable)[0]
        rng.shuffle(order)
        if reduced is not None:
            order = order[np.argsort(-reduced[order], kind="stable")]
        self.order = order
        self.rng = rng

    def seed(self) -> int:
        least = self.visits[self.order].min()
        candidates = self.order[self.visits[self.order] == least]
        return int(candidates[0]) if least == 0 else int(candidates[self.rng.integers(len(candidates))])

    def region(self, teams: Teams) -> list[int]:
        holders: dict[int, list[int]] = {}
        for d in sorted(teams):
            if self.placeable[d]:
                for m in teams[d]:
                    holders.setdefault(m, []).append(d)
        start = self.seed()
        region, queue, seen = [start], [start], {start}
        while queue and len(region) < REGION:
            d = queue.pop(0)
            for m in (*self.wanted[d], *teams.get(d, [])):
                for h in holders.get(int(m), ()):
                    if h not in seen and len(region) < REGION:
                        seen.add(h)
                        region.append(h)
                        queue.append(h)
        if len(region) < REGION:  # a sparse corner: fill with the least freed others
            rest = self.order[~np.isin(self.order, region)]
            rest = rest[np.argsort(self.visits[rest], kind="stable")][: REGION - len(region)]
            region.extend(int(d) for d in rest)
        self.visits[region] += 1
        return sorted(region)


def _wanted(inst: Instance, arcs: Arcs) -> list[np.ndarray]:
    """Each director's best WANTED candidates per role (by pairwise value)."""
    role = (arcs.m >= inst.n_producers).astype(np.int64)
    order = np.lexsort((-arcs.value, role, arcs.d))
    group = arcs.d[order] * 2 + role[order]
    starts = np.r_[0, np.nonzero(np.diff(group))[0] + 1] if len(order) else np.zeros(0, np.int64)
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    keep = np.sort(order[rank < WANTED])
    bounds = np.searchsorted(arcs.d[keep], np.arange(inst.n_directors + 1))
    mentors = arcs.m[keep]
    return [mentors[bounds[d]: bounds[d + 1]] for d in range(inst.n_directors)]


def _usage(inst: Instance, teams: Teams, region) -> np.ndarray:
    inside = set(region)
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for d, members in teams.items():
        if d not in inside:
            for m in members:
                used[m] += 1
    return used


def move(inst: Instance, teams: Teams, region: list[int], seed: int, deadline: float,
         cancel: threading.Event | None = None, within: np.ndarray | None = None) -> tuple[float, float]:
    """Solve one neighbourhood with the column model and keep its teams when the total rises (only over
    the mentors `within`, when given). Returns the gain (0 when nothing better was found) and the move's
    cost in deterministic units."""
    used = _usage(inst, teams, region)
    sub, gains, mentors = sub_instance(inst, np.asarray(region, dtype=np.int64), used, within)
    local = {int(m): i for i, m in enumerate(mentors)}
    space = build_space(sub)
    master = Master(sub, space, gains=gains)
    current = {i: [local[m] for m in teams.get(d, [])] for i, d in enumerate(region)}
    master.add_teams(current)
    before = region_value(inst, region, teams, used)
    cost = MOVE_COST
    try:
        lp, bound, iterations, priced = _generate(master, space, deadline, cancel)
        cost += priced + iterations * ITERATION_COST
        if bound is not None and bound <= before + 1e-6:  # proven: nothing better in this neighbourhood
            return 0.0, cost
        found = dive(master, deadline, cancel)
        cost += DIVE_COST * len(region)
    except OutOfTime:
        return 0.0, cost
    value = _value(inst, region, teams, used, found, mentors)
    left = deadline - time.perf_counter()
    if lp - value > BRANCH_GAP * abs(lp) and left > 0.05 and not (cancel is not None and cancel.is_set()):
        out = integer_teams(master, list(range(len(master.columns))), found if value > -np.inf else current,
                            min(left, 4 * BRANCH_DETERMINISTIC), seed, 1, cancel, det_limit=BRANCH_DETERMINISTIC)
        cost += BRANCH_DETERMINISTIC
        if out.teams is not None and _value(inst, region, teams, used, out.teams, mentors) > value:
            found, value = out.teams, _value(inst, region, teams, used, out.teams, mentors)
    if value <= before + 1e-9:
        return 0.0, cost
    for i, members in found.items():
        teams[region[i]] = [int(mentors[m]) for m in members]
    return value - before, cost


def repair(inst: Instance, arcs: Arcs, teams: Teams, hopeless: set[int], seed: int, deadline: float,
           cancel: threading.Event | None = None) -> int:
    """Feasibility first: place the directors the construction left without a complete team, one at a
    time, by the column model on a neighbourhood around each — the director and the directors holding the
    mentors it could work with (their places become free in the neighbourhood); the master's
    unplaced-director penalty makes column generation and the dive place everyone the neighbourhood can
    hold, and CP-SAT over the columns places as many as possible first. Kept when every director of the
    neighbourhood ends with a complete team, whatever the score. Returns how many were placed."""
    placed = 0
    per_director = {int(d): arcs.m[arcs.d == d] for d in range(inst.n_directors)
                    if d not in hopeless and not is_complete(inst, d, teams.get(d, []))}
    for d, candidates in per_director.items():
        if time.perf_counter() > deadline or (cancel is not None and cancel.is_set()):
            break
        region = _around(inst, teams, d, candidates, hopeless)
        used = _usage(inst, teams, region)
        sub, gains, mentors = sub_instance(inst, np.asarray(region, dtype=np.int64), used)
        local = {int(m): i for i, m in enumerate(mentors)}
        space = build_space(sub)
        master = Master(sub, space, gains=gains)
        current = {i: [local[m] for m in teams.get(r, [])] for i, r in enumerate(region)
                   if is_complete(inst, r, teams.get(r, []))}
        master.add_teams(current)
        try:
            _generate(master, space, deadline, cancel, rounds=3 * ROUNDS)
            found = dive(master, deadline, cancel)
        except OutOfTime:
            break
        if _value(inst, region, teams, used, found, mentors) == float("-inf"):
            left = deadline - time.perf_counter()
            if left <= 0.05:
                break
            out = integer_teams(master, list(range(len(master.columns))), current, min(left, 4 * REPAIR_DETERMINISTIC),
                                seed, 1, cancel, det_limit=REPAIR_DETERMINISTIC)
            found = out.teams or {}
        if _value(inst, region, teams, used, found, mentors) == float("-inf"):
            continue
        for i, members in found.items():
            teams[region[i]] = [int(mentors[m]) for m in members]
        placed += 1
    return placed


REPAIR_BATCH = 8  # directors without a team placed together by repair_many


def repair_many(inst: Instance, arcs: Arcs, teams: Teams, hopeless: set[int], seed: int, deadline: float,
                cancel: threading.Event | None = None, pool: dict[int, list[Column]] | None = None,
                budget: float = float("inf")) -> tuple[int, float]:
    """Place the directors without a complete team (after rounding the whole-program LP) a few at a time:
    a neighbourhood of REPAIR_BATCH of them and the directors holding the mentors they could work with,
    solved by the column model with the master's unplaced-director penalty (column generation from the
    whole LP's columns of those directors, `pool`, then the dive, then CP-SAT over the columns placing as
    many as possible). Kept when more directors of the neighbourhood are placed and none that was placed
    is left out. Each director is tried at most twice. Within `budget` deterministic units (the wall-clock
    `deadline` as the net). Returns how many were placed and the units spent."""
    placed_count, spent = 0, 0.0
    tries = np.zeros(inst.n_directors, dtype=np.int64)
    while time.perf_counter() < deadline and spent < budget and not (cancel is not None and cancel.is_set()):
        open_ = [d for d in range(inst.n_directors)
                 if d not in hopeless and tries[d] < 2 and not is_complete(inst, d, teams.get(d, []))]
        if not open_:
            break
        batch = open_[:REPAIR_BATCH]
        tries[batch] += 1
        region = _around_many(inst, teams, batch, arcs, hopeless)
        gained, cost = _repair_region(inst, teams, region, seed, deadline, cancel, pool)
        spent += cost
        if gained is None:
            break
        placed_count += gained
    return placed_count, spent


def _around_many(inst: Instance, teams: Teams, batch: list[int], arcs: Arcs, hopeless: set[int]) -> list[int]:
    """The batch and the directors holding the mentors it could work with (fewest free places first), up
    to REGION + the batch."""
    holders: dict[int, list[int]] = {}
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for r in sorted(teams):
        for m in teams[r]:
            used[m] += 1
            if r not in hopeless:
                holders.setdefault(m, []).append(r)
    candidates = np.unique(arcs.m[np.isin(arcs.d, batch)])
    region = list(batch)
    seen = set(batch)
    for m in sorted((int(m) for m in candidates), key=lambda m: (inst.capacity[m] - used[m], m)):
        for r in holders.get(m, ()):
            if r not in seen and len(region) < REGION + len(batch):
                seen.add(r)
                region.append(r)
    return sorted(region)


def _repair_region(inst: Instance, teams: Teams, region: list[int], seed: int, deadline: float, cancel,
                   pool: dict[int, list[Column]] | None) -> tuple[int | None, float]:
    """One repair neighbourhood: how many more directors it placed (teams updated; None when out of time)
    and its cost in deterministic units."""
    used = _usage(inst, teams, region)
    sub, gains, mentors = sub_instance(inst, np.asarray(region, dtype=np.int64), used)
    local = {int(m): i for i, m in enumerate(mentors)}
    space = build_space(sub)
    master = Master(sub, space, gains=gains)
    before = [i for i, r in enumerate(region) if is_complete(inst, r, teams.get(r, []))]
    current = {i: [local[m] for m in teams[region[i]]] for i in before}
    master.add_teams(current)
    for i, d in enumerate(region):
        for column in (pool or {}).get(d, ()):
            if all(m in local for m in column.members):
                master.add(Column(i, tuple(local[m] for m in column.members), column.value))
    cost = MOVE_COST
    try:
        _, _, iterations, priced = _generate(master, space, deadline, cancel, rounds=2 * ROUNDS)
        cost += priced + iterations * ITERATION_COST + DIVE_COST * len(region)
        found = dive(master, deadline, cancel)
    except OutOfTime:
        return None, cost
    if not _keeps(inst, region, mentors, found, before) or len(found) < len(region):
        left = deadline - time.perf_counter()
        if left <= 0.05:
            return None, cost
        cost += REPAIR_DETERMINISTIC
        out = integer_teams(master, list(range(len(master.columns))), current, min(left, 4 * REPAIR_DETERMINISTIC),
                            seed, 1, cancel, det_limit=REPAIR_DETERMINISTIC)
        if out.teams is not None and _keeps(inst, region, mentors, out.teams, before) and \
                _placed(inst, region, mentors, out.teams) > _placed(inst, region, mentors, found):
            found = out.teams
    if not _keeps(inst, region, mentors, found, before) or _placed(inst, region, mentors, found) <= len(before):
        return 0, cost
    gained = _placed(inst, region, mentors, found) - len(before)
    for i in range(len(region)):
        if i in found and is_complete(inst, region[i], [int(mentors[m]) for m in found[i]]):
            teams[region[i]] = [int(mentors[m]) for m in found[i]]
    return gained, cost


def _placed(inst: Instance, region: list[int], mentors: np.ndarray, found: Teams) -> int:
    return sum(1 for i, ms in found.items() if is_complete(inst, region[i], [int(mentors[m]) for m in ms]))


def _keeps(inst: Instance, region: list[int], mentors: np.ndarray, found: Teams, before: list[int]) -> bool:
    """Every director of the neighbourhood that had a complete team still has one."""
    return all(i in found and is_complete(inst, region[i], [int(mentors[m]) for m in found[i]]) for i in before)


def _around(inst: Instance, teams: Teams, d: int, candidates: np.ndarray, hopeless: set[int]) -> list[int]:
    """A repair neighbourhood: the director, then the directors holding its candidate mentors (the mentors
    with the fewest free places first), up to REGION."""
    holders: dict[int, list[int]] = {}
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for r in sorted(teams):
        for m in teams[r]:
            used[m] += 1
            if r != d and r not in hopeless:
                holders.setdefault(m, []).append(r)
    region = [d]
    for m in sorted((int(m) for m in candidates), key=lambda m: (inst.capacity[m] - used[m], m)):
        for r in holders.get(m, ()):
            if r not in region and len(region) < REGION:
                region.append(r)
    return sorted(region)


def _value(inst: Instance, region: list[int], teams: Teams, used: np.ndarray, found: Teams, mentors) -> float:
    """The region's score with the neighbourhood's teams `found` (−inf unless every director is placed)."""
    if len(found) < len(region):
        return float("-inf")
    candidate = {**teams, **{region[i]: [int(mentors[m]) for m in ms] for i, ms in found.items()}}
    if not all(is_complete(inst, d, candidate[d]) for d in region):
        return float("-inf")
    return region_value(inst, region, candidate, used)


def _generate(master: Master, space: Space, deadline: float, cancel, rounds: int = ROUNDS
              ) -> tuple[float, float | None, int, float]:
    """Column generation on the neighbourhood, at most ROUNDS rounds of exact pricing over every mentor
    with a place: the last LP value, the neighbourhood's bound when pricing proved the LP optimal (else
    None), the simplex iterations and its pricing's units (pricing.units: for the move's cost)."""
    n = master.inst.n_directors
    iterations, priced_units = 0, 0.0
    lp, bound = float("inf"), None
    for _ in range(rounds):
        lp, pi, mu = master.solve_lp(deadline)
        iterations += int(master.lp.getInfo().simplex_iteration_count)
        floor = np.where(pi > UNPLACED / 2, -np.inf, pi) + TOLERANCE
        priced = price(space, mu, floor, per_director=PER_DIRECTOR, deadline=deadline)
        priced_units += units(n, master.inst.n_mentors, priced.work)
        added = sum(master.add(c) for c in priced.columns)
        if not priced.complete:
            break
        if not added:
            bound = master.lagrangian(priced.upper, mu)
            break
        if cancel is not None and cancel.is_set():
            break
    if bound is None and lp < float("inf"):
        lp, _, _ = master.solve_lp(deadline)  # the columns of the last round in the LP too
        iterations += int(master.lp.getInfo().simplex_iteration_count)
    return lp, bound, iterations, priced_units


def sub_instance(inst: Instance, region: np.ndarray, used: np.ndarray, within: np.ndarray | None = None
                 ) -> tuple[Instance, list[np.ndarray], np.ndarray]:
    """The neighbourhood as a program of its own: its directors and the mentors with a free place once
    the other teams take theirs (every such mentor — pricing still sees all that the neighbourhood could
    use — or, with `within` and more than RESTRICT_ABOVE of them, those among `within`), both renumbered
    from 0, capacities the places left, each mentor's load levels starting after the places taken.
    Returns the sub-program, its load levels and the mentors' program indices."""
    residual = np.maximum(inst.capacity - used, 0)
    free = residual > 0
    if within is not None and free.sum() > RESTRICT_ABOVE:
        free &= np.isin(np.arange(inst.n_mentors), within)
    mentors = np.nonzero(free)[0]
    pos = {int(d): i for i, d in enumerate(region)}
    mpos = np.full(inst.n_mentors, -1, dtype=np.int64)
    mpos[mentors] = np.arange(len(mentors))

    def pairs(collection):
        return [(pos[d], int(mpos[m])) for d, m in collection if d in pos and mpos[m] >= 0]

    sub = replace(
        inst,
        directors=tuple(inst.directors[d] for d in region),
        mentors=tuple(inst.mentors[m] for m in mentors),
        n_producers=int(np.searchsorted(mentors, inst.n_producers)),
        d_avail=[inst.d_avail[d] for d in region],
        m_avail=[inst.m_avail[m] for m in mentors],
        capacity=residual[mentors],
        d_index={inst.directors[d].id: i for i, d in enumerate(region)},
        m_index={inst.mentors[m].id: i for i, m in enumerate(mentors)},
        locks=sorted(pairs(inst.locks)),
        genre_d=inst.genre_d[region], lang_d=inst.lang_d[region], need_d=inst.need_d[region],
        slot_d=inst.slot_d[region], org_d=inst.org_d[region],
        genre_m=inst.genre_m[mentors], lang_m=inst.lang_m[mentors], level_m=inst.level_m[mentors],
        slot_m=inst.slot_m[mentors], org_m=inst.org_m[mentors],
        pref_pairs={(pos[d], int(mpos[m])): v for (d, m), v in inst.pref_pairs.items()
                    if d in pos and mpos[m] >= 0},
        pref_ranks={(pos[d], int(mpos[m])): r for (d, m), r in inst.pref_ranks.items() if d in pos and mpos[m] >= 0},
        avoid_pairs=pairs(inst.avoid_pairs),
        stable_pairs=set(pairs(inst.stable_pairs)),
        blocked=set(),
    )
    return sub, level_gains_after(inst, used[mentors], residual[mentors], mentors), mentors


def _candidates(arcs: Arcs, teams: Teams, region: list[int]) -> np.ndarray:
    """The mentors of the region's directors' arcs and of their own teams (their places are free in the
    neighbourhood, so the current teams stay possible)."""
    bounds = np.searchsorted(arcs.d, np.r_[region, np.asarray(region) + 1]).reshape(2, -1)
    own = [m for d in region for m in teams.get(d, [])]
    return np.unique(np.concatenate([arcs.m[a:b] for a, b in zip(*bounds)] + [np.asarray(own, dtype=np.int64)]))


def level_gains_after(inst: Instance, used: np.ndarray, residual: np.ndarray, mentors: np.ndarray
                      ) -> list[np.ndarray]:
    """Per mentor (program indices `mentors`), what its next places add to the load score once `used`
    places are taken: the (used + k)-th marginal for k = 1 … residual (scoring.load_marginal, vectorised)."""
    cap = np.maximum(inst.capacity[mentors], 1).astype(np.float64)
    scale = inst.weights["load"] * inst.share * 100.0
    return [scale * (1 - 2 * (used[i] + np.arange(residual[i])) / cap[i]) for i in range(len(mentors))]


def reduced_costs(inst: Instance, teams: Teams, mu: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Per director: how much its best team under the prices `mu` (upper, from a full pricing pass) beats
    its current team under the same prices — what freeing it could gain, as the duals see it."""
    out = np.zeros(inst.n_directors)
    for d in range(inst.n_directors):
        members = teams.get(d, [])
        if members and np.isfinite(upper[d]):
            out[d] = upper[d] - (team_value(inst, d, members) - float(mu[list(members)].sum()))
    return out


def team_value(inst: Instance, d: int, members: list[int]) -> float:
    """A team's score without its load part (the column value, as the master sees it)."""
    return sum(v for k, v in weighted(inst, team_values(inst, d, members)).items() if k != "load")


def pairwise_reduced(inst: Instance, arcs: Arcs, teams: Teams, mu: np.ndarray) -> np.ndarray | None:
    """Per director, the dual guidance without a pricing pass: under mentor prices `mu` (the flow bound's
    duals), how much its best pairwise team (bound.pairwise_upper) beats its own team priced the same way.
    None when the pair values are not kept (arcs.dense)."""
    upper = pairwise_upper(inst, arcs, mu)
    if upper is None:
        return None
    return reduced_costs(inst, teams, mu, upper)
