"""Exact pricing of team columns: for each director, the best team (producer, instructor set) under mentor
prices, found by enumerating producer × instructor sets with pruning by upper bounds — never a fixed top-k.

A team's value (load aside: the master prices it per mentor) is
    Σ_m lin(d, m) + w_needs·needs(team) + w_meeting·meeting(team),
exactly as scoring.team_values weights it. Partial teams grow one instructor at a time, in each
director's order of optimistic instructor value U'(i) = lin(d, i) − price(i) + (i's needs credit alone);
a partial team T is extended by instructor j only while
    value(T) + U'(j) + (best completion from the instructors after j) > threshold(d),
which is valid because needs never gain more than a newcomer's own credit and the meeting value never
rises with more members. The optimistic values are sorted, so the instructors that pass form a prefix,
found by binary search. Every director of a block is processed at once with NumPy (no loop per director).
Whatever is pruned is provably at most the threshold, so the best value found (or the threshold) is an
exact upper bound on every team of the director: the Lagrangian bound sums it over directors."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from pairing.engine.instance import MEETING_FULL, Instance, pair_block

NEG = -1e9  # a forbidden mentor's optimistic value: any team using it is pruned
TWO_PRODUCERS = -2  # a director locked to two producers: no team holds both locks
GROUP_BITS = 4  # needs that split the candidate instructors into groups (the rest count for every group)
MAX_PARTIALS = 4_000_000
PROOF_PARTIALS = 300_000  # the same when enumerating for a proof (given up beyond: no proof, no stall)  # partial teams held at once per block (memory: ~100 bytes each)


@dataclass
class Column:
    """One team: a director, its producer and instructors (sorted), and its value without load."""

    d: int
    members: tuple[int, ...]  # producer first, then instructors ascending
    value: float
    slot: int = -1  # the team's weekly slot under "each mentor's teams meet at different weekly times"; else −1


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
    _pair_cache: dict = field(default_factory=dict, repr=False)
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


def price(space: Space, prices: np.ndarray, floor: np.ndarray, *, per_director: int = 3,
          directors: np.ndarray | None = None, scores: bool = True, keep_all: bool = False,
          restrict: int | None = None, deadline: float | None = None, slot: int | None = None) -> Priced:
    """Best teams of every director (or of `directors`) under mentor `prices`: columns whose priced value
    (value − Σ prices of its members) exceeds `floor[d]`, up to `per_director` each (the best first; all
    of them with keep_all, used to enumerate every column above a reduced-cost threshold).
    With scores=False every team is worth 0 (the master's phase 1: place everyone).
    With `restrict`, only each director's `restrict` most promising producers and instructors (by their
    optimistic value under these prices) are tried: a fast heuristic pricing whose `upper` is then no
    bound at all (it is set to +inf); column generation alternates it with exact rounds.
    Past `deadline` (a perf_counter time) the directors not yet priced get no columns and an infinite
    upper value (no bound): the caller sees that the pass was cut short in `complete`.
    With `slot`, only teams whose members are all free in that slot, as columns meeting weekly then
    (`price_weekly`; the caller passes the directors free then and prices that include the slot's)."""
    inst = space.inst
    best = np.full(inst.n_directors, -np.inf)
    upper = np.full(inst.n_directors, -np.inf)
    found: list[Column] = []
    wanted = np.arange(inst.n_directors) if directors is None else np.asarray(directors, dtype=np.int64)
    for start in range(0, len(wanted), space.block):
        rows = wanted[start: start + space.block]
        if not len(rows):
            continue
        if deadline is not None and time.perf_counter() > deadline:
            upper[wanted[start:]] = np.inf
            return Priced(best, upper, found, complete=False)
        b, u, cols = _price_block(space, rows, prices, floor[rows], per_director, scores, keep_all, restrict, slot)
        best[rows], upper[rows] = b, u
        found.extend(cols)
    return Priced(best, upper, found)


def pair_parts(space: Space, rows: np.ndarray, scores: bool, keep: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """lin (float64) and allowed for a block of directors (pair_block, computed once per block and kept
    by the space: pricing reads it every round; not kept with keep=False, for blocks seldom seen twice).
    A space with its own `pairs` source gives them from there."""
    if space.pairs is not None:
        return space.pairs(rows, scores)
    key = (int(rows[0]), len(rows), int(rows[-1]), scores)
    hit = space._pair_cache.get(key)
    if hit is not None and np.array_equal(hit[0], rows):
        return hit[1], hit[2]
    block = pair_block(space.inst, rows)
    lin = block.linear(space.inst).astype(np.float64) if scores else np.zeros(block.allowed.shape)
    allowed = block.allowed.copy()
    if keep and space.inst.n_directors * space.inst.n_mentors <= 30_000_000:
        space._pair_cache[key] = (rows.copy(), lin, allowed)
    return lin, allowed


def _price_block(space: Space, rows: np.ndarray, prices: np.ndarray, floor: np.ndarray, keep: int,
                 scores: bool, keep_all: bool, restrict: int | None = None, slot: int | None = None):
    inst = space.inst
    opts = inst.options
    n_p = inst.n_producers
    B = len(rows)
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
    # each mentor's needs credit alone, per director: Σ_k levels[m, cols[d, k]] × per_need[d]
    single = space.levels[:, cols].sum(axis=2).T * per_need[:, None]  # B × M
    shared = _pop(space.d_words[rows][:, None, :] & space.m_words[None, :, :])  # B × M shared slots
    meet_pair = w_meet * np.minimum(shared, MEETING_FULL)
    if opts.require_meeting:
        allowed = allowed & (shared > 0)
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
    if restrict is not None:
        prod_ok &= _top(np.where(prod_ok, a[:, :n_p] + single[:, :n_p] + meet_pair[:, :n_p], NEG), restrict)
        inst_ok &= _top(np.where(inst_ok, a[:, n_p:] + single[:, n_p:], NEG), restrict)
    hi = np.minimum(hi, inst_ok.sum(axis=1))  # never more newcomers than candidates (none: no mentor has a place)
    # optimistic completion: the best instructors by optimistic value U'(i) = a(i) + its needs credit alone
    u_i = np.where(inst_ok, a[:, n_p:] + single[:, n_p:], NEG)
    u_order = np.argsort(-u_i, axis=1, kind="stable")  # the canonical order: a team lists its instructors
    u_sorted = np.take_along_axis(u_i, u_order, axis=1)  # in rising position, so it is found once
    u_rank = np.empty_like(u_order)
    np.put_along_axis(u_rank, u_order, np.arange(u_order.shape[1])[None, :], axis=1)
    n_i = u_sorted.shape[1]
    pad = opts.instructors_max + 2
    s_req = np.concatenate([np.zeros((B, 1)), np.cumsum(np.concatenate(
        [u_sorted, np.full((B, pad), NEG)], axis=1), axis=1)], axis=1)
    s_opt = np.concatenate([np.zeros((B, 1)), np.cumsum(np.concatenate(
        [np.maximum(u_sorted, 0), np.zeros((B, pad))], axis=1), axis=1)], axis=1)

    a_top = -np.sort(-np.where(inst_ok, a[:, n_p:], NEG), axis=1)
    sa_req = np.concatenate([np.zeros((B, 1)), np.cumsum(np.concatenate(
        [a_top, np.full((B, pad), NEG)], axis=1), axis=1)], axis=1)
    sa_opt = np.concatenate([np.zeros((B, 1)), np.cumsum(np.concatenate(
        [np.maximum(a_top, 0), np.zeros((B, pad))], axis=1), axis=1)], axis=1)

    def rest_a(r_idx, req, opt):
        """Best a-part of req required and opt optional instructors (their needs credit left out)."""
        return (sa_req[r_idx, req] - sa_req[r_idx, 0]) + (sa_opt[r_idx, req + opt] - sa_opt[r_idx, req])

    def open_needs(r_idx, lvl):
        """The needs credit a team with coverage lvl could still gain (every open need at level 1)."""
        gap = np.maximum(1.0 - lvl, 0.0) * (np.arange(lvl.shape[1])[None, :] < counts[r_idx][:, None])
        return gap.sum(axis=1) * per_need[r_idx]

    def rest(r_idx, start, req, opt):
        """Best completion from canonical positions ≥ start: req required and opt optional instructors."""
        a1 = s_req[r_idx, start + req] - s_req[r_idx, start]
        a2 = s_opt[r_idx, start + req + opt] - s_opt[r_idx, start + req]
        return a1 + a2

    # candidate order: instructors grouped by which of the director's first GROUP_BITS needs they cover,
    # each group by a(i) falling; a newcomer j of group g adds at most a(j) + cap_g(T), the needs of g
    # the team T leaves uncovered (levels are at most 1), so within a group the passing j form a prefix.
    n_bits = np.minimum(counts, GROUP_BITS)
    sig = np.zeros((B, n_i), dtype=np.int64)
    for k in range(GROUP_BITS):
        has = (space.levels[n_p:][:, cols[:, k]].T > 0) & (k < n_bits)[:, None] if k < cols.shape[1] else None
        if has is not None:
            sig |= has.astype(np.int64) << k
    n_groups = 1 << GROUP_BITS
    sig[~inst_ok] = n_groups  # forbidden: a trailing group nobody reads
    a_i = a[:, n_p:]
    order = np.lexsort((-a_i, sig), axis=-1)
    a_sorted = np.take_along_axis(a_i, order, axis=1)
    sig_sorted = np.take_along_axis(sig, order, axis=1)
    g_start = np.stack([np.searchsorted(row, np.arange(n_groups + 1)) for row in sig_sorted])  # B × (G+1)
    group_bits = ((np.arange(n_groups)[:, None] >> np.arange(GROUP_BITS)[None, :]) & 1).astype(np.float64)

    kept: list[tuple] = []
    threshold = np.maximum(floor.astype(np.float64), NEG / 2)
    upper = threshold.copy()  # the pruning threshold only rises: it bounds whatever is pruned
    best = np.full(B, -np.inf)
    # producers: optimistic value with their own meeting credit, sorted; a prefix passes
    u_p = np.where(prod_ok, a[:, :n_p] + single[:, :n_p] + meet_pair[:, :n_p], NEG) + constant[:, None]
    # locked instructors enter every team from the start
    base_lin = np.array([a[r, list(x)].sum() if x else 0.0 for r, x in enumerate(lock_i)])
    base_mask = space.d_words[rows].copy()
    for r, locked in enumerate(lock_i):
        for m in locked:
            base_mask[r] &= space.m_words[m]
    base_lv = np.zeros(cols.shape)
    for r, locked in enumerate(lock_i):
        for m in locked:
            base_lv[r] = np.maximum(base_lv[r], space.levels[m, cols[r]])
    if not keep_all:  # a greedy dive gives a strong incumbent
        dive, dive_p, dive_i = _dive(space, rows, a, per_need, constant, w_meet, cols, prod_ok, inst_ok, u_p,
                                     lo, hi, base_lin, base_mask, base_lv)
        # only strictly better teams are searched (ties would all pass: in phase 1 every team is worth 0);
        # the dive's own team is a column candidate like any other
        threshold = np.maximum(threshold, dive)
        upper = np.maximum(upper, threshold)
        found = np.isfinite(dive)
        best = np.where(found, dive, best)
        good = found & (dive > floor + 1e-9)
        if good.any():
            kept.append((np.nonzero(good)[0], dive_p[good], dive_i[good], dive[good]))
    zero = np.zeros(B, dtype=np.int64)
    first = rest(np.arange(B), zero, np.minimum(np.maximum(lo, 0), n_i + pad - 1), np.maximum(hi - lo, 0))
    base_needs = (base_lv * per_need[:, None]).sum(axis=1)  # what the locked instructors cover already
    bound_p = u_p + (base_lin + base_needs)[:, None] + first[:, None]
    lo_c = np.minimum(np.maximum(lo, 0), n_i + pad - 1)
    capped_p = (np.where(prod_ok, a[:, :n_p] + meet_pair[:, :n_p], NEG) + constant[:, None]
                + (base_lin + base_needs)[:, None]
                + (open_needs(np.arange(B), base_lv))[:, None] + rest_a(np.arange(B), lo_c, np.maximum(hi - lo, 0))[:, None])
    bound_p = np.minimum(bound_p, capped_p)
    two = (hi == 2) & (lo <= 2)  # the usual last two instructors: a completion bound that sees their overlap
    partners = None
    if two.any():
        comp, partners = _pair_completion(space, cols, per_need, a[:, n_p:], single[:, n_p:], inst_ok, sig, n_bits)
        one = np.where(lo <= 1, u_sorted[:, 0], NEG)  # a single instructor (the best U')
        none = np.where(lo <= 0, 0.0, NEG)
        tight = np.maximum(np.maximum(comp, one), none)
        bound_p[two] = np.minimum(bound_p[two], (u_p + (base_lin + base_needs)[:, None] + tight[:, None])[two])
    bound_p[hi < 0] = NEG
    p_order = np.argsort(-bound_p, axis=1, kind="stable")
    bound_sorted = np.take_along_axis(bound_p, p_order, axis=1)
    n_pass = (bound_sorted > threshold[:, None]).sum(axis=1)
    r_idx = np.repeat(np.arange(B), n_pass)
    k = np.arange(len(r_idx)) - np.repeat(np.cumsum(n_pass) - n_pass, n_pass)
    p = p_order[r_idx, k]
    # partial teams
    mask = base_mask[r_idx] & space.m_words[p]
    lvl = np.maximum(base_lv[r_idx], space.levels[p[:, None], cols[r_idx]])
    lin_sum = base_lin[r_idx] + a[r_idx, p]
    members = np.full((len(r_idx), max(opts.instructors_max, 1)), -1, dtype=np.int64)
    count = np.zeros(len(r_idx), dtype=np.int64)
    last = np.full(len(r_idx), -1, dtype=np.int64)
    while len(r_idx):
        pop = _pop(mask)
        value = lin_sum + (lvl * per_need[r_idx, None]).sum(axis=1) + w_meet * np.minimum(pop, MEETING_FULL) \
            + constant[r_idx]
        alive = pop > 0 if opts.require_meeting else np.ones(len(r_idx), dtype=bool)
        complete = alive & (count >= lo[r_idx])
        if complete.any():
            np.maximum.at(best, r_idx[complete], value[complete])
            np.maximum.at(upper, r_idx[complete], value[complete])
            if not keep_all:
                np.maximum.at(threshold, r_idx[complete], value[complete])
            good = complete & (value > floor[r_idx] + 1e-9)
            if good.any():
                kept.append((r_idx[good], p[good], members[good].copy(), value[good]))
        # extend by one instructor while the bound passes
        grow = alive & (count < hi[r_idx])
        if not grow.any():
            break
        r2, p2, mem2, cnt2, last2, mask2, lvl2, lin2, val2 = (
            x[grow] for x in (r_idx, p, members, count, last, mask, lvl, lin_sum, value))
        req = np.maximum(lo[r2] - cnt2 - 1, 0)
        opt = np.maximum(hi[r2] - cnt2 - 1 - req, 0)
        final = req + opt == 0
        src_m, j_m = _extend_middle(~final, r2, val2, last2, req, opt, threshold, u_sorted, rest, n_i)
        if partners is not None:  # one instructor after j at most: j's partner bound by group (overlap seen)
            rr, left_req, left_opt = r2[src_m], req[src_m], opt[src_m]
            last_one = (left_req + left_opt == 1) & two[rr]
            if last_one.any():
                j_inst = u_order[rr, j_m]
                g = sig[rr, j_inst]
                top_i, top_v = partners
                q = np.where(top_i[rr, 0, g] == j_inst, top_v[rr, 1, g], top_v[rr, 0, g])
                q = np.where(left_req > 0, q, np.maximum(q, 0.0))
                keep_m = ~last_one | (val2[src_m] + u_i[rr, j_inst] + q > threshold[rr])
                src_m, j_m = src_m[keep_m], j_m[keep_m]
        # a second bound for growing teams: every a-part at its best, needs at most what is still open
        inst_m = u_order[r2[src_m], j_m] + n_p
        capped = (val2[src_m] + a[r2[src_m], inst_m] + open_needs(r2[src_m], lvl2[src_m])
                  + rest_a(r2[src_m], req[src_m], opt[src_m]))
        ok = capped > threshold[r2[src_m]]
        src_m, j_m = src_m[ok], j_m[ok]
        src_f, j_f = _extend_final(final, r2, val2, last2, lvl2, counts, per_need, threshold, a_sorted, g_start,
                                   group_bits, order, u_rank, u_i, n_i)
        src = np.concatenate([src_m, src_f])
        j = np.concatenate([j_m, j_f])
        total = len(src)
        if total > (PROOF_PARTIALS if keep_all else MAX_PARTIALS):
            raise MemoryError(f"pricing would hold {total} partial teams")
        r_idx = r2[src]
        m_new = u_order[r_idx, j] + n_p
        p = p2[src]
        members = mem2[src]
        count = cnt2[src]
        members[np.arange(total), count] = m_new
        count = count + 1
        last = j
        mask = mask2[src] & space.m_words[m_new]
        lvl = np.maximum(lvl2[src], space.levels[m_new[:, None], cols[r_idx]])
        lin_sum = lin2[src] + a[r_idx, m_new]
    upper = np.maximum(upper, threshold)
    if restrict is not None:
        upper[:] = np.inf
    columns = _columns(inst, rows, kept, keep, keep_all, lock_i, prices, -1 if slot is None else slot)
    return best, upper, columns


def _pair_completion(space: Space, cols: np.ndarray, per_need: np.ndarray, a_i: np.ndarray, single_i: np.ndarray,
                     inst_ok: np.ndarray, sig: np.ndarray, n_bits: np.ndarray) -> np.ndarray:
    """Per director of the block, an upper bound on a(i) + a(j) + needs credit of {i, j} over pairs of
    distinct allowed instructors that sees their overlap: labelled so that i is in group g (the needs it
    covers among the first GROUP_BITS), j adds at most its credit on the needs outside g plus, on those in
    g, its level above the lowest positive level (i covers them at least that well). Separable once g is
    fixed, so the best pair is a top-2 per group (distinct instructors)."""
    levels = space.levels
    floor_level = float(levels[levels > 0].min()) if (levels > 0).any() else 1.0
    n_p = space.inst.n_producers
    n_groups = 1 << GROUP_BITS
    lv = np.transpose(levels[n_p:][:, cols], (1, 0, 2))  # B × I × K
    k_bits = min(GROUP_BITS, cols.shape[1])
    low = np.minimum(lv[:, :, :k_bits], floor_level) * (np.arange(k_bits)[None, :] < n_bits[:, None])[:, None, :]
    bits = ((np.arange(n_groups)[:, None] >> np.arange(k_bits)[None, :]) & 1).astype(np.float64)  # G × k
    own = np.where(inst_ok, a_i + single_i, NEG)  # B × I
    B, n_i = own.shape
    r = np.arange(B)
    # the partner's best two for each group g (one group at a time: B × I arrays only, memory stays flat)
    top2 = np.zeros((B, 2, n_groups), dtype=np.int64)
    p_val = np.full((B, 2, n_groups), NEG)
    for g in range(n_groups):
        part = np.where(inst_ok, own - (low @ bits[g]) * per_need[:, None], NEG)
        idx = np.argpartition(-part, 1, axis=1)[:, :2] if n_i > 1 else np.zeros((B, 1), dtype=np.int64)
        val = np.take_along_axis(part, idx, axis=1)
        o = np.argsort(-val, axis=1)
        top2[:, : idx.shape[1], g] = np.take_along_axis(idx, o, axis=1)
        p_val[:, : idx.shape[1], g] = np.take_along_axis(val, o, axis=1)
    # i's best two within each group: sort by (group, own falling); every (row, group) run is contiguous
    sig_ok = np.where(inst_ok, sig, n_groups)
    o = np.lexsort((-own, sig_ok), axis=-1)
    own_s = np.take_along_axis(own, o, axis=1)
    key = (r[:, None] * (n_groups + 2) + np.take_along_axis(sig_ok, o, axis=1)).ravel()
    first = np.searchsorted(key, (r[:, None] * (n_groups + 2) + np.arange(n_groups)[None, :]).ravel()).reshape(B, n_groups)
    flat = own_s.ravel()
    size = flat.size
    in_run = lambda pos: (pos < size) & (key[np.minimum(pos, size - 1)] == (r[:, None] * (n_groups + 2)  # noqa: E731
                                                                        + np.arange(n_groups)[None, :]))
    v1 = np.where(in_run(first), flat[np.minimum(first, size - 1)], NEG)
    v2 = np.where(in_run(first + 1), flat[np.minimum(first + 1, size - 1)], NEG)
    i1 = np.take_along_axis(o, np.minimum(first - r[:, None] * n_i, n_i - 1), axis=1)
    j1, q1, q2 = top2[:, 0, :], p_val[:, 0, :], p_val[:, 1, :]
    value = np.where(i1 == j1, np.maximum(v1 + q2, v2 + q1), v1 + q1)
    best = np.where(v1 > NEG / 2, value, NEG).max(axis=1)
    return np.maximum(best, NEG), (top2, np.maximum(p_val, NEG))


def _top(values: np.ndarray, k: int) -> np.ndarray:
    """Per row, the k largest entries (ties at the cut-off all kept)."""
    if values.shape[1] <= k:
        return np.ones(values.shape, dtype=bool)
    cut = -np.partition(-values, k - 1, axis=1)[:, k - 1]
    return values >= cut[:, None]


def _ragged(starts: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each i, the positions starts[i] … starts[i] + n[i] − 1: (which i, position) arrays."""
    which = np.repeat(np.arange(len(n)), n)
    return which, starts[which] + np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)


def _extend_middle(sel, r2, val2, last2, req, opt, threshold, u_sorted, rest, n_i):
    """Newcomers of partial teams that will still grow: a prefix of the canonical order after the last
    member, found by binary search on value(T) + U'(j) + best completion after j (falling in j)."""
    idx = np.nonzero(sel)[0]
    rr, v, req, opt = r2[idx], val2[idx], req[idx], opt[idx]
    start = last2[idx] + 1
    low, high = start.copy(), np.full(len(idx), n_i, dtype=np.int64)
    while True:
        active = low < high
        if not active.any():
            break
        mid = (low + high) // 2
        j = np.minimum(mid, n_i - 1)
        passes = v + u_sorted[rr, j] + rest(rr, j + 1, req, opt) > threshold[rr]
        low = np.where(active & passes, mid + 1, low)
        high = np.where(active & ~passes, mid, high)
    which, j = _ragged(start, np.maximum(low - start, 0))
    return idx[which], j


def _extend_final(sel, r2, val2, last2, lvl2, counts, per_need, threshold, a_sorted, g_start, group_bits, order,
                  u_rank, u_i, n_i):
    """The last newcomer of partial teams: per group of instructors (by which needs they cover), a prefix
    by a(j) falling passes value(T) + a(j) + needs of the group T leaves open > threshold; then only
    newcomers after the last member in the canonical order, whose U' bound passes too."""
    idx = np.nonzero(sel)[0]
    rr, v, lvl = r2[idx], val2[idx], lvl2[idx]
    gap = np.maximum(1.0 - lvl, 0.0) * (np.arange(lvl.shape[1])[None, :] < counts[rr][:, None])
    low_bits = gap[:, :GROUP_BITS] if gap.shape[1] >= GROUP_BITS else np.pad(
        gap, ((0, 0), (0, GROUP_BITS - gap.shape[1])))
    beyond = gap[:, GROUP_BITS:].sum(axis=1)
    cap = (low_bits @ group_bits.T + beyond[:, None]) * per_need[rr][:, None]  # partials × groups
    need_a = threshold[rr][:, None] - v[:, None] - cap
    g_lo, g_hi = g_start[rr, :-1], g_start[rr, 1:]
    pi, gi = np.nonzero((g_lo < g_hi) & (a_sorted[rr[:, None], np.minimum(g_lo, n_i - 1)] > need_a))
    low, high = g_lo[pi, gi], g_hi[pi, gi]
    start = low.copy()
    r3, need = rr[pi], need_a[pi, gi]
    while True:  # the first position in the group whose a(j) no longer passes
        active = low < high
        if not active.any():
            break
        mid = (low + high) // 2
        passes = a_sorted[r3, np.minimum(mid, n_i - 1)] > need
        low = np.where(active & passes, mid + 1, low)
        high = np.where(active & ~passes, mid, high)
    which, pos = _ragged(start, low - start)
    part = pi[which]
    rq = rr[part]
    inst_j = order[rq, pos]
    rank = u_rank[rq, inst_j]
    ok = (rank > last2[idx][part]) & (v[part] + u_i[rq, inst_j] > threshold[rq])
    return idx[part[ok]], rank[ok]


DIVES = 3  # producers each director dives from


def _dive(space: Space, rows, a, per_need, constant, w_meet, cols, prod_ok, inst_ok, u_p, lo, hi,
          base_lin, base_mask, base_lv):
    """The best of a few greedy teams per director (from its DIVES most promising producers, adding the
    instructor that raises the exact value most): its value (−inf when no dive ends in a valid team), its
    producer and its instructors (mentor indices, −1 padded; locked instructors not included)."""
    inst = space.inst
    n_p = inst.n_producers
    require = inst.options.require_meeting
    B = len(rows)
    i_words = space.m_words[n_p:]
    i_levels = space.levels[n_p:][:, cols]  # instructors × B × K
    i_levels = np.transpose(i_levels, (1, 0, 2))  # B × I × K
    best = np.full(B, -np.inf)
    width = max(inst.options.instructors_max, 1)
    best_p = np.full(B, -1, dtype=np.int64)
    best_i = np.full((B, width), -1, dtype=np.int64)  # the best team's instructors (mentor indices)
    order = np.argsort(-u_p, axis=1, kind="stable")[:, :DIVES]
    r = np.arange(B)

    def record(valid, value, p, picks):
        better = valid & (value > best)
        best[better] = value[better]
        best_p[better] = p[better]
        best_i[better] = picks[better]

    for k in range(order.shape[1]):
        p = order[:, k]
        ok = prod_ok[r, p] & (hi >= 0)
        mask = base_mask & space.m_words[p]
        lvl = np.maximum(base_lv, space.levels[p[:, None], cols])
        lin_sum = base_lin + a[r, p]
        taken = ~inst_ok.copy()
        value = lin_sum + (lvl * per_need[:, None]).sum(axis=1) + w_meet * np.minimum(_pop(mask), MEETING_FULL) \
            + constant
        valid = ok & (lo <= 0) & ((_pop(mask) > 0) | (not require))
        picks = np.full((B, width), -1, dtype=np.int64)
        record(valid, value, p, picks)
        count = np.zeros(B, dtype=np.int64)
        for _ in range(int(max(hi.max(initial=0), 0))):
            new_mask = mask[:, None, :] & i_words[None, :, :]
            pop = _pop(new_mask)
            new_lvl = np.maximum(lvl[:, None, :], i_levels)
            cand = (lin_sum[:, None] + a[:, n_p:] + (new_lvl * per_need[:, None, None]).sum(axis=2)
                    + w_meet * np.minimum(pop, MEETING_FULL) + constant[:, None])
            cand = np.where(taken | ((pop == 0) if require else False), -np.inf, cand)
            pick = np.argmax(cand, axis=1)
            gain_ok = np.isfinite(cand[r, pick]) & ok & (count < hi)
            must = count < lo
            take = gain_ok & (must | (cand[r, pick] > value))
            if not take.any():
                break
            mask = np.where(take[:, None], new_mask[r, pick], mask)
            lvl = np.where(take[:, None], new_lvl[r, pick], lvl)
            lin_sum = np.where(take, lin_sum + a[r, n_p + pick], lin_sum)
            value = np.where(take, cand[r, pick], value)
            taken[r[take], pick[take]] = True
            picks[r[take], np.minimum(count[take], width - 1)] = pick[take] + n_p
            count = count + take
            # a director that took no instructor this step keeps its earlier mask: it must still meet
            valid = ok & (count >= lo) & ((_pop(mask) > 0) | (not require))
            record(valid, value, p, picks)
    return best, best_p, best_i


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

