"""Restricted pricing for very large programs (10,000 directors: 85 M director × mentor pairs, where one
exact pricing pass over every pair costs about 50 s): each director's teams are priced exactly over its
candidate mentors only — its arcs (candidates.py: its best mentors per role by optimistic pair value, the
mentors' best directors, locked and previous pairs) — and every team that uses a mentor outside them is
bounded from above, so the result is still a proof.

The bound outside the candidates. For mentor prices mu, a team's priced value is at most
    u(d, p) − mu[p]  +  the best `hi` of u(d, i) − mu[i] over its instructors (`lo` of them required)
where u(d, m) is the optimistic pair value arcs.dense keeps for every pair (pricing's own U': the linear
pair criteria, the mentor's needs credit alone, the producer's shared slots as the meeting credit; −inf
where a hard rule forbids the pair) plus the needs constant of a director without needs. A team that
uses an outside producer is then at most  P_out + completion(all instructors); one that uses an outside
instructor at most  P_all + I_out + completion(the others)  — with P_out, I_out the best outside values,
computed each round in one pass over the dense values (a subtraction and two row maxima per pair, no
enumeration). So each director's upper value is max(exact best over its candidates, outside bound): a
valid bound for master.Master.lagrangian under any prices. When the outside bound is not above the
candidates' exact upper value the restricted pricing is exact for that director; else the director is
priced over every mentor (pricing.price on the whole program's space: exact) while a budget allows, and
otherwise it counts with its outside bound (still a proof, only looser).

Directors with locks are always priced over every mentor (few; the candidate spaces model no locks)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.instance import Instance
from pairing.engine.pricing import Column, Priced, Space, price

GROUP = 32  # directors priced together over the union of their candidates (sorted by best producer)
DENSE_ROWS = 1024  # rows of the dense values per step of the outside pass (memory stays flat)
MARGIN = 1e-3  # the dense values are float32: the outside bound is raised by this (errors are ~1e-5)


@dataclass
class Group:
    """Directors priced together: their candidate mentors' union as a pricing space of its own, whose
    pairs outside each director's own candidates are not allowed."""

    rows: np.ndarray  # director indices, ascending
    mentors: np.ndarray  # the space's mentors as program mentor indices, ascending (producers first)
    space: Space


@dataclass
class Restricted:
    """Everything restricted pricing reads, built once per solve (restrict())."""

    inst: Instance
    full: Space  # the whole program's space: directors priced over every mentor
    groups: list[Group]
    in_full: np.ndarray  # directors always priced over every mentor (locks)
    dense: np.ndarray  # arcs.dense: every pair's optimistic value, −inf where forbidden
    cand_d: np.ndarray  # the candidate pairs (sorted by director), their mentor and optimistic value
    cand_m: np.ndarray
    cand_value: np.ndarray
    constant: np.ndarray  # per director: the needs marks of a director without needs
    stats: dict = field(default_factory=dict)


def restrict(inst: Instance, arcs: Arcs, full: Space, group: int = GROUP) -> Restricted:
    """The candidate spaces of a program whose arcs keep every pair's optimistic value (arcs.dense)."""
    if arcs.dense is None:
        raise ValueError("restricted pricing needs every pair's optimistic value (arcs.dense)")
    n, n_p = inst.n_directors, inst.n_producers
    locked = np.zeros(n, dtype=bool)
    for d, _ in inst.locks:
        locked[d] = True
    d, m = arcs.d, arcs.m
    lin = arcs.linear
    starts = np.searchsorted(d, np.arange(n + 1))
    best_p = np.full(n, n_p, dtype=np.int64)  # each director's best candidate producer: the grouping key
    producer = m < n_p
    value = np.where(producer, arcs.value, -np.inf)
    for k in np.nonzero(np.diff(starts) > 0)[0]:
        seg = slice(starts[k], starts[k + 1])
        at = int(np.argmax(value[seg]))
        if np.isfinite(value[seg][at]):
            best_p[k] = m[seg][at]
    free = np.nonzero(~locked)[0]
    order = free[np.lexsort((free, best_p[free]))]
    groups = [_group(inst, full, np.sort(order[k: k + group]), starts, m, lin)
              for k in range(0, len(order), group)]
    w_need = inst.weights["needs"] * 100.0
    constant = np.where(full.need_count == 0, w_need, 0.0)
    return Restricted(inst, full, groups, np.nonzero(locked)[0], arcs.dense, d, m,
                      arcs.value + np.where(producer, constant[d], 0.0), constant)


def _group(inst: Instance, full: Space, rows: np.ndarray, starts: np.ndarray, m: np.ndarray,
           lin: np.ndarray) -> Group:
    spans = [np.arange(starts[d], starts[d + 1]) for d in rows]
    mentors = np.unique(np.concatenate([m[s] for s in spans])) if spans else np.zeros(0, dtype=np.int64)
    n_p = int(np.searchsorted(mentors, inst.n_producers))
    column = np.searchsorted(mentors, m[np.concatenate(spans)])
    which = np.repeat(np.arange(len(rows)), [len(s) for s in spans])
    lin_rows = np.zeros((len(rows), len(mentors)), dtype=np.float64)
    allowed = np.zeros((len(rows), len(mentors)), dtype=bool)
    lin_rows[which, column] = lin[np.concatenate(spans)]
    allowed[which, column] = True
    position = {int(d): k for k, d in enumerate(rows)}
    zeros = np.zeros_like(lin_rows)

    def pairs(block: np.ndarray, scores: bool) -> tuple[np.ndarray, np.ndarray]:
        at = np.array([position[int(d)] for d in block], dtype=np.int64)
        return (lin_rows[at] if scores else zeros[at]), allowed[at]

    sub = replace(inst, mentors=tuple(inst.mentors[int(k)] for k in mentors), n_producers=n_p,
                  capacity=inst.capacity[mentors], m_avail=[inst.m_avail[int(k)] for k in mentors],
                  m_index={inst.mentors[int(k)].id: j for j, k in enumerate(mentors)},
                  genre_m=inst.genre_m[mentors], lang_m=inst.lang_m[mentors], level_m=inst.level_m[mentors],
                  slot_m=inst.slot_m[mentors], org_m=inst.org_m[mentors], locks=[], pref_pairs={},
                  pref_ranks={}, avoid_pairs=[], stable_pairs=set(), blocked=set())
    space = Space(sub, full.d_words, full.m_words[mentors], full.need_cols, full.levels[mentors],
                  full.need_count, full.locked_p, full.locked_i, block=max(len(rows), 1), pairs=pairs)
    return Group(rows, mentors, space)


def price_restricted(r: Restricted, mu: np.ndarray, floor: np.ndarray, *, per_director: int = 3,
                     directors: np.ndarray | None = None, deadline: float | None = None,
                     widen: int = 0) -> tuple[Priced, np.ndarray]:
    """Pricing under mentor prices mu with the candidates' proof: `best` is each director's best team
    found, `upper` an upper bound on every team of it (exact over its candidates, the outside bound for the
    rest), the columns whose priced value beats floor; and apart, each director's upper value over its
    candidates only (no proof: what the bound would be if the candidates held every best team). Up to `widen` directors whose outside bound passes
    their candidates' upper value are priced again over every mentor (their bound then exact).
    r.stats gets how many directors were exact, widened and left with their outside bound."""
    inst = r.inst
    n = inst.n_directors
    wanted = np.zeros(n, dtype=bool)
    wanted[np.arange(n) if directors is None else np.asarray(directors, dtype=np.int64)] = True
    best = np.full(n, -np.inf)
    upper = np.full(n, -np.inf)
    found: list[Column] = []
    incomplete = lambda: (Priced(best, np.where(wanted, np.inf, upper), found, complete=False),  # noqa: E731
                          np.where(wanted, np.inf, upper))
    for g in r.groups:
        rows = g.rows[wanted[g.rows]]
        if not len(rows):
            continue
        got = price(g.space, mu[g.mentors], floor, per_director=per_director, directors=rows, deadline=deadline)
        if not got.complete:
            return incomplete()
        best[rows], upper[rows] = got.best[rows], got.upper[rows]
        found.extend(Column(c.d, tuple(int(k) for k in g.mentors[list(c.members)]), c.value, c.slot)
                     for c in got.columns)
    rows = r.in_full[wanted[r.in_full]]
    if len(rows):
        got = price(r.full, mu, floor, per_director=per_director, directors=rows, deadline=deadline)
        if not got.complete:
            return incomplete()
        best[rows], upper[rows] = got.best[rows], got.upper[rows]
        found.extend(got.columns)
    outside = outside_bound(r, mu)
    outside[r.in_full] = -np.inf  # priced over every mentor already
    loose = np.nonzero(wanted & (outside > upper))[0]
    r.stats = dict(priced=int(wanted.sum()), loose=len(loose), widened=0)
    if widen and len(loose):
        # the directors whose outside bound passes by most first: they loosen the bound most
        again = loose[np.argsort(-(outside[loose] - upper[loose]), kind="stable")[:widen]]
        again = np.sort(again)
        got = price(r.full, mu, floor, per_director=per_director, directors=again, deadline=deadline)
        if got.complete:
            best[again] = np.maximum(best[again], got.best[again])
            upper[again] = got.upper[again]
            outside[again] = -np.inf
            have = {(c.d, c.members) for c in found}
            found.extend(c for c in got.columns if (c.d, c.members) not in have)
            r.stats["widened"] = len(again)
    return Priced(best, np.where(wanted, np.maximum(upper, outside), upper), found), upper


def outside_bound(r: Restricted, mu: np.ndarray) -> np.ndarray:
    """Per director, an upper bound on the priced value of every team that uses a mentor outside its
    candidates (−inf when it has none): see the module's docstring."""
    inst = r.inst
    n, n_p = inst.n_directors, inst.n_producers
    lo, hi = inst.options.instructors_min, inst.options.instructors_max
    mu32 = mu.astype(np.float32)
    p_out = np.full(n, -np.inf)
    i_out = np.full(n, -np.inf)
    starts = np.searchsorted(r.cand_d, np.arange(0, n + DENSE_ROWS, DENSE_ROWS).clip(max=n))
    for k, first in enumerate(range(0, n, DENSE_ROWS)):
        last = min(first + DENSE_ROWS, n)
        block = r.dense[first:last] - mu32[None, :]
        seg = slice(starts[k], starts[k + 1])
        block[r.cand_d[seg] - first, r.cand_m[seg]] = -np.inf
        p_out[first:last] = block[:, :n_p].max(axis=1, initial=-np.inf)
        i_out[first:last] = block[:, n_p:].max(axis=1, initial=-np.inf)
    p_out += r.constant + MARGIN
    i_out += MARGIN
    # the candidates' own best values under mu
    value = r.cand_value - mu[r.cand_m]
    producer = r.cand_m < n_p
    p_in = np.full(n, -np.inf)
    np.maximum.at(p_in, r.cand_d[producer], value[producer])
    width = max(hi, 1)
    top = np.full((n, 2 * width), -np.inf)
    d_i, v_i = r.cand_d[~producer], value[~producer]
    order = np.lexsort((-v_i, d_i))
    d_i, v_i = d_i[order], v_i[order]
    first_of = np.searchsorted(d_i, np.arange(n))
    rank = np.arange(len(d_i)) - first_of[d_i]
    keep = rank < width
    top[d_i[keep], rank[keep]] = v_i[keep]
    top[:, width:] = i_out[:, None]  # every outside instructor is at most i_out
    top = -np.sort(-top, axis=1)[:, :width]
    p_all = np.maximum(p_in, p_out)
    with np.errstate(invalid="ignore"):
        by_producer = p_out + _completion(top, lo, hi)
        by_instructor = p_all + i_out + _completion(top, max(lo - 1, 0), hi - 1) if hi >= 1 else np.full(n, -np.inf)
    out = np.maximum(np.nan_to_num(by_producer, nan=-np.inf), np.nan_to_num(by_instructor, nan=-np.inf))
    return out


def _completion(top: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """At most the best priced value of between lo and hi instructors whose values are at most `top`
    (sorted falling): the lo best required, the next ones only when positive."""
    if hi <= 0:
        return np.where(lo <= 0, 0.0, -np.inf) * np.ones(len(top))
    required = top[:, :lo].sum(axis=1) if lo else np.zeros(len(top))
    optional = np.maximum(top[:, lo:hi], 0.0).sum(axis=1)
    return required + optional
