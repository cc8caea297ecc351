"""Restricted pricing for very large programs (10,000 directors: 85 M director × mentor pairs, where one
exact pricing pass over every pair costs 50–70 s): each director's teams are priced exactly over its
candidate mentors only — its arcs (candidates.py: its best mentors per role by optimistic pair value, the
mentors' best directors, locked and previous pairs) — and every team that uses a mentor outside them is
bounded from above, so the result is still a proof (large_bound.py uses it for the proven bound).

The candidates of GROUP directors (sorted by their best producer, so that they share many) are priced
together by pricing.py's own exact enumeration, over a space whose mentors are their union and whose
pairs outside each director's own candidates are not allowed (pricing.Space.pairs): about 7 s at 10,000.

The bound outside the candidates, for mentor prices mu, is the smaller of two (both never below a team):
- added up: u(d, p) − mu[p] + the best `hi` of u(d, i) − mu[i] over its instructors (`lo` required),
  where u(d, m) is the optimistic pair value arcs.dense keeps for every pair (pricing's own U': the linear
  pair criteria, the mentor's needs credit alone, the producer's shared slots as the meeting credit; −inf
  where a hard rule forbids the pair), plus the needs marks of a director without needs;
- capped: the same without each mentor's needs credit, plus the full needs marks once (a team never earns
  more than every need covered).
A team that uses an outside producer is at most P_out + completion(every instructor); one that uses an
outside instructor at most P_all + I_out + completion(the others) — P_out, I_out the best outside values,
found in one pass over the dense values (a subtraction, the needs credit as a small matrix product, row
maxima: about 1.3 s at 10,000, no enumeration). Each director's proven value is then max(exact best over
its candidates, outside bound); the restricted pricing is exact for a director whose outside bound is not
above its candidates' value. Measured at 10,000 under the flows' prices: loose for about 92% of the
directors, 4.7 points above the exact value on average (the optimistic pair values overrate needs and
meetings), which is why large_bound.py prices the loosest over every mentor afterwards.

Directors with locks are always priced over every mentor (few; the candidate spaces model no locks)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.instance import Instance, meeting_marks
from pairing.engine.pricing import Column, Priced, Space, price

GROUP = 32  # directors priced together over the union of their candidates (sorted by best producer)
DENSE_ROWS = 256  # rows of the dense values per step of the outside pass (memory: ~9 MB an array at 10,000)
MARGIN = 1e-3  # the dense values are float32: the outside bound is raised by this (errors are ~1e-5)


@dataclass
class Group:
    """Directors priced together: their candidate mentors' union as a pricing space of its own, whose
    pairs outside each director's own candidates are not allowed (built when priced, then dropped: memory
    stays at one group's)."""

    rows: np.ndarray  # director indices, ascending
    mentors: np.ndarray  # the space's mentors as program mentor indices, ascending (producers first)


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
    cand_value: np.ndarray  # (arcs.value: without the needs marks of a director without needs)
    cand_lin: np.ndarray  # the candidates' linear pair values (arcs.linear)
    cand_a: np.ndarray  # the candidates' optimistic value without the needs credit
    constant: np.ndarray  # per director: the needs marks of a director without needs
    stats: dict = field(default_factory=dict)


def restrict(inst: Instance, arcs: Arcs, full: Space, group: int = GROUP) -> Restricted:
    """The candidate spaces of a program whose arcs keep every pair's optimistic value (arcs.dense): each
    director's candidates are its arcs."""
    if arcs.dense is None:
        raise ValueError("restricted pricing needs every pair's optimistic value (arcs.dense)")
    n, n_p = inst.n_directors, inst.n_producers
    locked = np.zeros(n, dtype=bool)
    for d, _ in inst.locks:
        locked[d] = True
    d, m, value, lin = arcs.d, arcs.m, arcs.value, arcs.linear
    starts = np.searchsorted(d, np.arange(n + 1))
    best_p = np.full(n, n_p, dtype=np.int64)  # each director's best candidate producer: the grouping key
    producer = m < n_p
    ranked = np.where(producer, value, -np.inf)
    for k in np.nonzero(np.diff(starts) > 0)[0]:
        seg = slice(starts[k], starts[k + 1])
        at = int(np.argmax(ranked[seg]))
        if np.isfinite(ranked[seg][at]):
            best_p[k] = m[seg][at]
    free = np.nonzero(~locked)[0]
    order = free[np.lexsort((free, best_p[free]))]
    groups = []
    for k in range(0, len(order), group):
        rows = np.sort(order[k: k + group])
        mentors = np.unique(m[np.concatenate([np.arange(starts[x], starts[x + 1]) for x in rows])])
        groups.append(Group(rows, mentors))
    w_need = inst.weights["needs"] * 100.0
    constant = np.where(full.need_count == 0, w_need, 0.0)
    return Restricted(inst, full, groups, np.nonzero(locked)[0], arcs.dense, d, m, value, lin,
                      lin + _meeting_credit(inst, d, m), constant)


def _meeting_credit(inst: Instance, d: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The producer pairs' meeting credit (their shared slots), as arcs.value counts it; 0 for instructors."""
    out = np.zeros(len(d))
    producer = m < inst.n_producers
    if inst.weights["meeting"] > 0 and producer.any():
        shared = np.einsum("ij,ij->i", inst.slot_d[d[producer]], inst.slot_m[m[producer]])
        out[producer] = inst.weights["meeting"] * meeting_marks(shared)
    return out


def _group_space(r: Restricted, g: Group) -> Space:
    """The pricing space of a group: its mentors, each director's pairs outside its own candidates not
    allowed, the candidates' linear values from the arcs."""
    inst, full, rows, mentors = r.inst, r.full, g.rows, g.mentors
    starts = np.searchsorted(r.cand_d, np.r_[rows, rows + 1]).reshape(2, -1)
    spans = [np.arange(a, b) for a, b in zip(*starts)]
    flat = np.concatenate(spans) if spans else np.zeros(0, dtype=np.int64)
    which = np.repeat(np.arange(len(rows)), [len(x) for x in spans])
    column = np.searchsorted(mentors, r.cand_m[flat])
    lin_rows = np.zeros((len(rows), len(mentors)), dtype=np.float64)
    allowed = np.zeros((len(rows), len(mentors)), dtype=bool)
    lin_rows[which, column] = r.cand_lin[flat]
    allowed[which, column] = True
    position = {int(d): k for k, d in enumerate(rows)}

    def pairs(block: np.ndarray, scores: bool) -> tuple[np.ndarray, np.ndarray]:
        at = np.array([position[int(d)] for d in block], dtype=np.int64)
        return (lin_rows[at] if scores else np.zeros((len(at), len(mentors)))), allowed[at]

    sub = replace(inst, mentors=tuple(inst.mentors[int(k)] for k in mentors), n_producers=int(
                  np.searchsorted(mentors, inst.n_producers)), capacity=inst.capacity[mentors],
                  m_avail=[inst.m_avail[int(k)] for k in mentors],
                  m_index={inst.mentors[int(k)].id: j for j, k in enumerate(mentors)},
                  genre_m=inst.genre_m[mentors], lang_m=inst.lang_m[mentors], level_m=inst.level_m[mentors],
                  slot_m=inst.slot_m[mentors], org_m=inst.org_m[mentors], locks=[], pref_pairs={},
                  pref_ranks={}, avoid_pairs=[], stable_pairs=set(), blocked=set())
    return Space(sub, full.d_words, full.m_words[mentors], full.need_cols, full.levels[mentors],
                 full.need_count, full.locked_p, full.locked_i, block=max(len(rows), 1), pairs=pairs)


def price_restricted(r: Restricted, mu: np.ndarray, floor: np.ndarray, *, per_director: int = 3,
                     directors: np.ndarray | None = None, deadline: float | None = None,
                     cancel: threading.Event | None = None) -> tuple[Priced, np.ndarray]:
    """Pricing under mentor prices mu with the candidates' proof: `best` is each director's best team
    found, `upper` an upper bound on every team of it (exact over its candidates, the outside bound for the
    rest), the columns whose priced value beats floor; and apart, each director's upper value over its
    candidates only (no proof: what the bound would be if the candidates held every best team; pricing
    it over every mentor with that as the floor is what large_bound.tighten does). r.stats gets how many
    directors were priced and how many of them the outside bound leaves loose. Cut short (complete=False)
    past `deadline` or when `cancel` is set (checked between groups)."""
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
        if cancel is not None and cancel.is_set():
            return incomplete()
        got = price(_group_space(r, g), mu[g.mentors], floor, per_director=per_director, directors=rows, deadline=deadline)
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
    r.stats = dict(priced=int(wanted.sum()), loose=len(loose))
    return Priced(best, np.where(wanted, np.maximum(upper, outside), upper), found), upper


def outside_bound(r: Restricted, mu: np.ndarray) -> np.ndarray:
    """Per director, an upper bound on the priced value of every team that uses a mentor outside its
    candidates (−inf when it has none): the smaller of two bounds (see the module's docstring) — the
    optimistic pair values added up, and the same without each mentor's needs credit but with the full
    needs marks once (a team never earns more than every need covered)."""
    inst = r.inst
    n, n_p = inst.n_directors, inst.n_producers
    lo, hi = inst.options.instructors_min, inst.options.instructors_max
    full_needs = inst.weights["needs"] * 100.0
    mu32 = mu.astype(np.float32)
    out_u = np.full((n, 2), -np.inf)  # the best outside optimistic value: producers, instructors
    out_a = np.full((n, 2), -np.inf)  # the same without the needs credit (the producer's meeting credit kept)
    starts = np.searchsorted(r.cand_d, np.arange(0, n + DENSE_ROWS, DENSE_ROWS).clip(max=n))
    for k, first in enumerate(range(0, n, DENSE_ROWS)):
        rows = np.arange(first, min(first + DENSE_ROWS, n))
        u = r.dense[rows] - mu32[None, :]
        seg = slice(starts[k], starts[k + 1])
        u[r.cand_d[seg] - first, r.cand_m[seg]] = -np.inf
        a = u - _needs_credit(inst, rows)
        for role, cols in enumerate((slice(0, n_p), slice(n_p, inst.n_mentors))):
            out_u[rows, role] = u[:, cols].max(axis=1, initial=-np.inf)
            out_a[rows, role] = a[:, cols].max(axis=1, initial=-np.inf)
    out_u += MARGIN
    out_a += MARGIN
    producer = r.cand_m < n_p
    by = []
    for value, out, extra in ((r.cand_value - mu[r.cand_m], out_u, r.constant),
                              (r.cand_a - mu[r.cand_m], out_a, np.full(n, full_needs))):
        p_in = np.full(n, -np.inf)
        np.maximum.at(p_in, r.cand_d[producer], value[producer])
        top = _top_instructors(r.cand_d[~producer], value[~producer], out[:, 1], n, max(hi, 1))
        p_all = np.maximum(p_in, out[:, 0])
        with np.errstate(invalid="ignore"):
            by_producer = out[:, 0] + extra + _completion(top, lo, hi)
            by_instructor = p_all + extra + out[:, 1] + _completion(top, max(lo - 1, 0), hi - 1) if hi >= 1 \
                else np.full(n, -np.inf)
        by.append(np.maximum(np.nan_to_num(by_producer, nan=-np.inf), np.nan_to_num(by_instructor, nan=-np.inf)))
    return np.minimum(by[0], by[1])


def _needs_credit(inst: Instance, rows: np.ndarray) -> np.ndarray:
    """Each pair's needs credit alone (weighted), as arcs.dense counts it (PairBlock.needs)."""
    need_d = inst.need_d[rows]
    count = need_d.sum(axis=1, keepdims=True)
    return (need_d @ inst.level_m.T) * np.float32(inst.weights["needs"] * 100.0) / np.maximum(count, 1)


def _top_instructors(d: np.ndarray, value: np.ndarray, outside: np.ndarray, n: int, width: int) -> np.ndarray:
    """Per director, the `width` largest values among its candidate instructors' and its outside ones
    (each at most `outside`), falling; −inf where there are fewer."""
    top = np.full((n, 2 * width), -np.inf)
    order = np.lexsort((-value, d))
    d, value = d[order], value[order]
    rank = np.arange(len(d)) - np.searchsorted(d, np.arange(n))[d]
    keep = rank < width
    top[d[keep], rank[keep]] = value[keep]
    top[:, width:] = outside[:, None]
    return -np.sort(-top, axis=1)[:, :width]


def _completion(top: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """At most the best priced value of between lo and hi instructors whose values are at most `top`
    (sorted falling): the lo best required, the next ones only when positive."""
    if hi <= 0:
        return np.where(lo <= 0, 0.0, -np.inf) * np.ones(len(top))
    required = top[:, :lo].sum(axis=1) if lo else np.zeros(len(top))
    optional = np.maximum(top[:, lo:hi], 0.0).sum(axis=1)
    return required + optional
