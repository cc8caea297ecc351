"""Exact pricing of team columns: for each director, the best team (producer, instructor set) under mentor
prices, found by enumerating producer × instructor sets with pruning by upper bounds — never a fixed top-k.

A team's value (load aside: the master prices it per mentor) is
    Σ_m lin(d, m) + w_needs·needs(team) + w_meeting·meeting(team),
exactly as scoring.team_values weights it. This module prepares each block of directors — pair values
less prices, the rules and locks as which mentors may join, the locked instructors' part of every team —
and the compiled depth-first search of price_kernel.py prices every director of the block (its bounds are
described there). Whatever is pruned is provably at most the threshold, so the best value found (or the
threshold) is an exact upper bound on every team of the director: the Lagrangian bound sums it over
directors."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from pairing.engine.instance import MEETING_FULL, Instance, pair_block
from pairing.engine.price_kernel import GROUPS, price_rows

# a pass's cost in deterministic units (≈ seconds on one core of the idle measuring machine): a part per
# director and per director × mentor (preparing its blocks, the pair values kept) and a part per step of
# the compiled search, which counts them (Priced.work). Fitted to 14 passes of 1,000 directors at 10,000
# and 2,000, exact and heuristic, from the flows' prices to the LP's duals (0.12 to 3.8 ms a director):
# within 0.72-1.26 of each (docs/engine.md)
DIRECTOR_UNITS = 85e-6
PAIR_UNITS = 0.024e-6
STEP_UNITS = 47e-9
TWO_PRODUCERS = -2  # a director locked to two producers: no team holds both locks
KEPT_PAIRS = 100_000_000  # director × mentor pairs up to which each process keeps their values (5 bytes a pair)
PROOF_COLUMNS = 300_000  # columns above the floor one block may enumerate for a proof (beyond: no proof, no stall)


@dataclass
class Column:
    """One team: a director, its producer and instructors (sorted), and its value without load."""

    d: int
    members: tuple[int, ...]  # producer first, then instructors ascending
    value: float
    slot: int = -1  # the team's weekly slot under "each mentor's teams meet at different weekly times"; else −1


@dataclass
class PairsKept:
    """Every director × mentor pair value (float32, as pair_block values them) and whether the pair is
    allowed, for the directors priced so far: a pass reads them instead of valuing its pairs again."""

    lin: np.ndarray  # directors × mentors (rows not yet valued hold nothing: np.empty, touched when valued)
    allowed: np.ndarray
    valued: np.ndarray  # directors: whether the row is filled

    @classmethod
    def empty(cls, n_directors: int, n_mentors: int) -> PairsKept:
        return cls(np.empty((n_directors, n_mentors), np.float32), np.empty((n_directors, n_mentors), bool),
                   np.zeros(n_directors, bool))


@dataclass
class Space:
    """The per-program data pricing reads: slot bitmasks as 64-bit words, needs as skill columns, locks.
    Built once by the caller (the solver's evaluator owns it); no hidden state."""

    inst: Instance
    d_words: np.ndarray  # directors × words
    m_words: np.ndarray  # mentors × words
    need_cols: np.ndarray  # directors × max needs, index into levels (the last column is all zeros)
    levels: np.ndarray  # mentors × (skills + 1): need_value of each skill level
    need_count: np.ndarray  # directors: number of needs (len of the list)
    locked_p: np.ndarray  # directors: the locked producer, −1 for none, TWO_PRODUCERS
    locked_i: list[tuple[int, ...]]  # directors: locked instructors
    block: int = 256
    groups: int = GROUPS  # needs coverages each director's producers are grouped by (price_kernel)
    _pairs_kept: PairsKept | None = field(default=None, repr=False)
    # another source of (lin, allowed) for a block of rows than pair_block: restricted.py's candidate
    # spaces, whose mentors are a subset and whose pairs outside each director's candidates are not allowed
    pairs: Callable[[np.ndarray, bool], tuple[np.ndarray, np.ndarray]] | None = field(default=None, repr=False)

    @property
    def n_words(self) -> int:
        return self.d_words.shape[1]


def build_space(inst: Instance) -> Space:
    n_slots = len(inst.slots)
    words = max(1, (n_slots + 63) // 64)
    d_words = _words(inst.d_avail, words)
    m_words = _words(inst.m_avail, words)
    column = {s: j for j, s in enumerate(inst.skills)}
    counts = np.array([len(p.needs) for p in inst.directors], dtype=np.int64)
    width = max(int(counts.max(initial=0)), 1)
    need_cols = np.full((inst.n_directors, width), len(inst.skills), dtype=np.int64)
    for d, person in enumerate(inst.directors):
        for k, need in enumerate(person.needs):
            need_cols[d, k] = column[need]
    levels = np.zeros((inst.n_mentors, len(inst.skills) + 1), dtype=np.float64)
    levels[:, : len(inst.skills)] = inst.level_m
    locked_p = np.full(inst.n_directors, -1, dtype=np.int64)
    locked_i: list[list[int]] = [[] for _ in range(inst.n_directors)]
    for d, m in inst.locks:
        if inst.is_producer(m):
            locked_p[d] = m if locked_p[d] == -1 else TWO_PRODUCERS
        else:
            locked_i[d].append(m)
    return Space(inst, d_words, m_words, need_cols, levels, counts, locked_p, [tuple(sorted(x)) for x in locked_i])


def _words(masks: list[int], words: int) -> np.ndarray:
    out = np.zeros((len(masks), words), dtype=np.uint64)
    for i, mask in enumerate(masks):
        for w in range(words):
            out[i, w] = (mask >> (64 * w)) & 0xFFFFFFFFFFFFFFFF
    return out


@dataclass
class Priced:
    """The outcome of one pricing pass: per director the best value found (−inf when it has no valid team)
    and an upper bound on every team's priced value; the columns worth adding."""

    best: np.ndarray
    upper: np.ndarray
    columns: list[Column]
    complete: bool = True
    work: int = 0  # the search's steps (price_kernel.price_rows): the pass's cost, the same on any machine


def price(space: Space, prices: np.ndarray, floor: np.ndarray, *, per_director: int = 3,
          directors: np.ndarray | None = None, scores: bool = True, keep_all: bool = False,
          restrict: int | None = None, deadline: float | None = None, slot: int | None = None) -> Priced:
    """Best teams of every director (or of `directors`) under mentor `prices`: columns whose priced value
    (value − Σ prices of its members) exceeds `floor[d]`, up to `per_director` each (the best first; all
    of them with keep_all, used to enumerate every column above a reduced-cost threshold).
    With scores=False every team is worth 0 (the master's phase 1: place everyone).
    With `restrict`, only each director's `restrict` most promising producers and instructors (by their
    optimistic value under these prices: a-part, needs credit, a producer's meeting credit; chosen in the
    compiled search) are tried: a fast heuristic pricing whose `upper` is then no bound at all (it is set
    to +inf); column generation alternates it with exact rounds.
    Past `deadline` (a perf_counter time) the directors not yet priced get no columns and an infinite
    upper value (no bound): the caller sees that the pass was cut short in `complete`.
    With `slot`, only teams whose members are all free in that slot, as columns meeting weekly then
    (`price_weekly`; the caller passes the directors free then and prices that include the slot's)."""
    inst = space.inst
    best = np.full(inst.n_directors, -np.inf)
    upper = np.full(inst.n_directors, -np.inf)
    found: list[Column] = []
    work = 0
    wanted = np.arange(inst.n_directors) if directors is None else np.asarray(directors, dtype=np.int64)
    for start in range(0, len(wanted), space.block):
        rows = wanted[start: start + space.block]
        if not len(rows):
            continue
        if deadline is not None and time.perf_counter() > deadline:
            upper[wanted[start:]] = np.inf
            return Priced(best, upper, found, complete=False, work=work)
        b, u, cols, steps = _price_block(space, rows, prices, floor[rows], per_director, scores, keep_all, restrict,
                                         slot)
        best[rows], upper[rows] = b, u
        found.extend(cols)
        work += steps
    return Priced(best, upper, found, work=work)


def units(directors: int, mentors: int, steps: int) -> float:
    """A pass over `directors` directors and `mentors` mentors whose search took `steps` steps, in
    deterministic units on one core."""
    return directors * (DIRECTOR_UNITS + mentors * PAIR_UNITS) + steps * STEP_UNITS


def pair_parts(space: Space, rows: np.ndarray, scores: bool, keep: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """lin (float32; zeros without scores) and allowed for some directors (pair_block), valued once per
    director and kept by the space up to KEPT_PAIRS pairs: pricing reads them every round (not kept with
    keep=False, for rows seldom seen twice). A space with its own `pairs` source gives them from there."""
    if space.pairs is not None:
        return space.pairs(rows, scores)
    inst = space.inst
    kept = space._pairs_kept
    if kept is None and keep and inst.n_directors * inst.n_mentors <= KEPT_PAIRS:
        kept = space._pairs_kept = PairsKept.empty(inst.n_directors, inst.n_mentors)
    if kept is None or not keep:
        block = pair_block(inst, rows)
        lin = block.linear(inst) if scores else np.zeros(block.allowed.shape, np.float32)
        return lin, block.allowed.copy()
    new = rows[~kept.valued[rows]]
    if len(new):
        block = pair_block(inst, new)
        kept.lin[new] = block.linear(inst)
        kept.allowed[new] = block.allowed
        kept.valued[new] = True
    lin = kept.lin[rows] if scores else np.zeros((len(rows), inst.n_mentors), np.float32)
    return lin, kept.allowed[rows]


def _price_block(space: Space, rows: np.ndarray, prices: np.ndarray, floor: np.ndarray, keep: int,
                 scores: bool, keep_all: bool, restrict: int | None = None, slot: int | None = None):
    """One block of directors: the rules, locks and prices as arrays, then the compiled search
    (price_kernel.price_rows) for every director of the block."""
    inst = space.inst
    opts = inst.options
    n_p = inst.n_producers
    lin, allowed = pair_parts(space, rows, scores, keep=slot is None)
    if slot is not None:  # a weekly slot: every member free then
        allowed = allowed & (inst.slot_m[:, slot] > 0)[None, :] & (inst.slot_d[rows, slot] > 0)[:, None]
    a = lin - prices[None, :]
    w_need = inst.weights["needs"] * 100.0 if scores else 0.0
    w_meet = inst.weights["meeting"] * 100.0 / MEETING_FULL if scores else 0.0
    counts = space.need_count[rows]
    per_need = np.where(counts > 0, w_need / np.maximum(counts, 1), 0.0)  # credit per need per level value
    constant = np.where(counts == 0, w_need, 0.0)  # no needs: full needs marks whatever the team
    cols = space.need_cols[rows]  # B × K
    # locks: the locked producer is the only producer; locked instructors are in every team, not candidates
    lock_p = space.locked_p[rows]
    lock_i = [space.locked_i[int(d)] for d in rows]
    n_lock_i = np.array([len(x) for x in lock_i], dtype=np.int64)
    lo = np.maximum(opts.instructors_min - n_lock_i, 0)
    hi = opts.instructors_max - n_lock_i
    prod_ok = allowed[:, :n_p].copy()
    has_lock = lock_p >= 0
    prod_ok[lock_p == TWO_PRODUCERS] = False
    if has_lock.any():
        prod_ok[has_lock] = False
        prod_ok[np.nonzero(has_lock)[0], lock_p[has_lock]] = allowed[np.nonzero(has_lock)[0], lock_p[has_lock]]
    inst_ok = allowed[:, n_p:].copy()
    for r, locked in enumerate(lock_i):
        for m in locked:
            if not allowed[r, m]:
                hi[r] = -1  # a locked instructor the rules forbid: no team
            inst_ok[r, m - n_p] = False
    # locked instructors enter every team from the start
    base_lin = np.array([a[r, list(x)].sum() if x else 0.0 for r, x in enumerate(lock_i)])
    base_mask = space.d_words[rows].copy()
    base_lv = np.zeros(cols.shape)
    for r, locked in enumerate(lock_i):
        for m in locked:
            base_mask[r] &= space.m_words[m]
            base_lv[r] = np.maximum(base_lv[r], space.levels[m, cols[r]])
    width = max(opts.instructors_max, 1)
    best, upper, r_k, p_k, m_k, v_k, n_k, steps = price_rows(
        np.ascontiguousarray(a), prod_ok, inst_ok, space.m_words, space.levels, cols, counts,
        per_need, constant, w_meet, MEETING_FULL, bool(opts.require_meeting), lo, hi, base_lin, base_mask, base_lv,
        np.asarray(floor, dtype=np.float64), int(keep), bool(keep_all), PROOF_COLUMNS, width, max(space.groups, 2),
        0 if restrict is None else int(restrict))
    if n_k < 0:
        raise MemoryError(f"more than {PROOF_COLUMNS} columns above the floor in one block")
    if restrict is not None:
        upper[:] = np.inf
    kept = [(r_k[:n_k], p_k[:n_k], m_k[:n_k], v_k[:n_k])] if n_k else []
    columns = _columns(inst, rows, kept, keep, keep_all, lock_i, prices, -1 if slot is None else slot)
    return best, upper, columns, int(steps)


def _columns(inst: Instance, rows, kept, keep: int, keep_all: bool, lock_i, prices, slot: int = -1) -> list[Column]:
    """The kept teams as columns, valued without their prices."""
    if not kept:
        return []
    r = np.concatenate([k[0] for k in kept])
    p = np.concatenate([k[1] for k in kept])
    mem = np.concatenate([k[2] for k in kept])
    val = np.concatenate([k[3] for k in kept])
    order = np.lexsort((-val, r))
    r, p, mem, val = r[order], p[order], mem[order], val[order]
    starts = np.r_[0, np.nonzero(np.diff(r))[0] + 1]
    rank = np.arange(len(r)) - np.repeat(starts, np.diff(np.r_[starts, len(r)]))
    pick = np.ones(len(r), dtype=bool) if keep_all else rank < keep
    out = []
    for i in np.nonzero(pick)[0]:
        row = int(r[i])
        instructors = tuple(sorted([int(m) for m in mem[i] if m >= 0] + list(lock_i[row])))
        members = (int(p[i]), *instructors)
        out.append(Column(int(rows[row]), members, float(val[i] + prices[list(members)].sum()), slot))
    return out


def price_weekly(space: Space, mu: np.ndarray, nu: np.ndarray, floor: np.ndarray, *, per_director: int = 3,
                 directors: np.ndarray | None = None, scores: bool = True, keep_all: bool = False,
                 restrict: int | None = None, deadline: float | None = None) -> Priced:
    """Exact pricing with "each mentor's teams meet at different weekly times": a column is a team and its
    weekly slot j (every member free then), priced value = value − Σ_m (mu[m] + nu[m, j]) with nu ≥ 0 the
    duals of the mentor × slot rows. The best of each director is the best over slots of pricing with the
    slot's prices among the mentors free then — exact, no top-k.

    Cheap first: teams priced without slots (nu left out: an upper bound on every slot's value) each at
    their cheapest shared slot; only directors whose unslotted best beats the floor while no slotted team
    does are priced slot by slot. With keep_all (the proof's enumeration) every slot is priced."""
    inst = space.inst
    wanted = np.arange(inst.n_directors) if directors is None else np.asarray(directors, dtype=np.int64)
    best = np.full(inst.n_directors, -np.inf)
    found: list[Column] = []
    if keep_all:
        upper, open_ = np.full(inst.n_directors, -np.inf), wanted
    else:
        base = price(space, mu, floor, per_director=per_director, directors=wanted, scores=scores,
                     restrict=restrict, deadline=deadline)
        upper = base.upper.copy()
        for column in base.columns:
            slotted = _cheapest_slot(space, column, mu, nu)
            if slotted is not None:
                value = slotted.value - float((mu[list(slotted.members)] + nu[list(slotted.members), slotted.slot]).sum())
                best[column.d] = max(best[column.d], value)
                if value > floor[column.d]:
                    found.append(slotted)
        if not base.complete:
            return Priced(best, upper, found, complete=False)
        open_ = wanted[(upper[wanted] > floor[wanted]) & (best[wanted] <= floor[wanted])]
    slot_upper = np.full(inst.n_directors, -np.inf)
    for j in range(len(inst.slots)):
        rows = open_[inst.slot_d[open_, j] > 0]
        if not len(rows):
            continue
        priced = price(space, mu + nu[:, j], floor, per_director=per_director, directors=rows, scores=scores,
                       keep_all=keep_all, restrict=restrict, deadline=deadline, slot=j)
        if not priced.complete:
            upper[open_] = np.inf
            return Priced(best, upper, found, complete=False)
        slot_upper[rows] = np.maximum(slot_upper[rows], priced.upper[rows])
        best[rows] = np.maximum(best[rows], priced.best[rows])
        found.extend(priced.columns)
    upper[open_] = slot_upper[open_]
    if restrict is not None:
        upper[:] = np.inf
    return Priced(best, upper, found if keep_all else _best_per_director(found, mu, nu, per_director))


def _cheapest_slot(space: Space, column: Column, mu: np.ndarray, nu: np.ndarray) -> Column | None:
    """The column at the slot its members share where their slot prices are lowest (None: no shared slot)."""
    inst = space.inst
    mask = inst.d_avail[column.d]
    for m in column.members:
        mask &= inst.m_avail[m]
    shared = [j for j in range(len(inst.slots)) if mask >> j & 1]
    if not shared:
        return None
    cost = nu[list(column.members)][:, shared].sum(axis=0)
    return Column(column.d, column.members, column.value, shared[int(np.argmin(cost))])


def _best_per_director(columns: list[Column], mu: np.ndarray, nu: np.ndarray, keep: int) -> list[Column]:
    def priced(c: Column) -> float:
        return c.value - float((mu[list(c.members)] + nu[list(c.members), c.slot]).sum())

    out, count = [], {}
    for c in sorted(columns, key=lambda c: (c.d, -priced(c))):
        if count.get(c.d, 0) < keep:
            out.append(c)
            count[c.d] = count.get(c.d, 0) + 1
    return out


def _pop(words: np.ndarray) -> np.ndarray:
    """Set bits per row of 64-bit words."""
    return np.bitwise_count(words).sum(axis=-1).astype(np.int64)


def column_value(space: Space, d: int, members: tuple[int, ...], scores: bool = True) -> float:
    """One team's value without load, the way pricing computes it (used for pool columns and tests)."""
    inst = space.inst
    if not scores:
        return 0.0
    rows = np.array([d])
    lin = pair_block(inst, rows).linear(inst).astype(np.float64)
    total = float(lin[0, list(members)].sum())
    count = int(space.need_count[d])
    if count:
        lv = space.levels[list(members)][:, space.need_cols[d, :count]].max(axis=0)
        total += inst.weights["needs"] * 100.0 * float(lv.sum()) / count
    else:
        total += inst.weights["needs"] * 100.0
    mask = space.d_words[d].copy()
    for m in members:
        mask &= space.m_words[m]
    total += inst.weights["meeting"] * 100.0 / MEETING_FULL * min(int(_pop(mask[None])[0]), MEETING_FULL)
    return total



def warm_up() -> None:
    """Compile the pricing search once (Numba keeps it on disk beside the module): `make` runs this after
    installing, so that no solve pays for the compilation."""
    from pairing.synthetic import synthetic_program
    from pairing.engine.instance import compile_program
    from pairing.engine.options import SolveOptions

    program = synthetic_program(6, seed=1)
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    space = build_space(inst)
    price(space, np.zeros(inst.n_mentors), np.full(inst.n_directors, -np.inf), per_director=2)
    price(space, np.zeros(inst.n_mentors), np.full(inst.n_directors, 1.0), per_director=0, keep_all=True)
