"""Director–mentor arcs the algorithms may use: every allowed pair, or the best ones per director when the
program is too large for all of them (locked and previous pairs are always kept)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pairing.engine.instance import DENSE_LIMIT, PRUNED_K, Instance, block_rows, meeting_marks, pair_block


@dataclass
class Arcs:
    """Allowed director–mentor pairs as parallel arrays, sorted by director then mentor."""

    d: np.ndarray
    m: np.ndarray
    value: np.ndarray  # optimistic pairwise value (see PairBlock.surrogate), meeting part on producer arcs
    linear: np.ndarray  # genre, preference, language, stability part
    complete: bool  # True when every allowed pair is here
    # Per director and slot, how many allowed producers / instructors are free then (all allowed pairs,
    # also when the arcs are pruned): the pre-checks read them.
    slot_p: np.ndarray | None = None
    slot_i: np.ndarray | None = None
    # The pairwise value of every director–mentor pair (−inf where forbidden), kept so that a flow over
    # pruned arcs can be certified optimal over all pairs (see exact.py); None when too large to keep.
    dense: np.ndarray | None = None

    def select(self, mask: np.ndarray) -> "Arcs":
        return Arcs(self.d[mask], self.m[mask], self.value[mask], self.linear[mask], self.complete,
                    self.slot_p, self.slot_i, self.dense)

    def __len__(self) -> int:
        return len(self.d)


def build_arcs(inst: Instance, k: int | None = None) -> Arcs:
    """The best k arcs per director and role (all of them when a role has at most k mentors)."""
    k = k or PRUNED_K
    complete = inst.n_producers <= k and inst.n_mentors - inst.n_producers <= k
    return _collect(inst, keep=None if complete else k)


def _collect(inst: Instance, keep: int | None) -> Arcs:
    keep_dense = inst.n_directors * inst.n_mentors <= DENSE_LIMIT
    # Filled block by block (no final concatenation: at 10,000 directors it is 340 MB).
    dense = np.empty((inst.n_directors, inst.n_mentors), dtype=np.float32) if keep_dense else None
    forced: dict[int, list[int]] = {}
    for d, m in set(inst.locks) | inst.stable_pairs:
        forced.setdefault(d, []).append(m)
    # (Two blocks at once in threads measured no faster on 2 cores: the passes are memory-bound.)
    ties = _tie_breaker(inst.n_mentors) if keep is not None else None
    done = [_block_arcs(inst, rows, keep, dense, forced, ties) for rows in block_rows(inst)]
    if not done:
        empty = np.zeros(0, dtype=np.int64)
        none = np.zeros((0, len(inst.slots)), dtype=np.float32)
        return Arcs(empty, empty, np.zeros(0), np.zeros(0), keep is None, none, none, None)
    parts = [part for part, _, _, _ in done]
    if keep is not None:
        columns = _ColumnBest(inst.n_mentors, COLUMN_K)
        for _, _, _, candidates in done:  # merged in block order: deterministic
            columns.merge(*candidates)
        parts.append(columns.arcs())
    d, m, value, linear = (np.concatenate(x) for x in zip(*parts))
    if keep is not None:  # the column picks may repeat row picks; unique keys also sort by director, mentor
        _, first = np.unique(d.astype(np.int64) * inst.n_mentors + m, return_index=True)
        d, m, value, linear = d[first], m[first], value[first], linear[first]
    return Arcs(d.astype(np.int64), m.astype(np.int64), value.astype(np.float64), linear.astype(np.float64),
                keep is None, np.concatenate([p for _, p, _, _ in done]), np.concatenate([i for _, _, i, _ in done]),
                dense)


def _block_arcs(inst: Instance, rows: np.ndarray, keep: int | None, dense: np.ndarray | None,
                forced: dict[int, list[int]], ties: np.ndarray | None):
    """One block of directors: its arcs, free-slot counts per role and its column candidates."""
    block = pair_block(inst, rows)
    linear = block.linear(inst)
    meeting_weight = inst.weights["meeting"] > 0
    if inst.weights["needs"]:
        value = linear + inst.weights["needs"] * block.needs
    else:  # the needs pass is skipped; a copy only when the meeting credit is added below
        value = linear.copy() if meeting_weight else linear
    if meeting_weight:  # the optimistic meeting credit rides on the producer arc (see PairBlock.surrogate)
        value[:, : inst.n_producers] += inst.weights["meeting"] * meeting_marks(block.shared[:, : inst.n_producers])
    masked = dense[rows[0]: rows[-1] + 1] if dense is not None else np.empty_like(value, np.float32)
    np.copyto(masked, value)
    masked[~block.allowed] = -np.inf  # the value of every allowed pair, −inf where forbidden
    candidates = None
    if keep is None:
        mask = block.allowed
    else:
        ranked = masked + ties[rows % TIE_ROWS]
        mask = _top_k(inst, ranked, block.allowed, keep)
        candidates = _ColumnBest.candidates(ranked, rows, value, linear, COLUMN_K)
    for r, d in enumerate(rows):
        for m in forced.get(int(d), ()):
            mask[r, m] = mask[r, m] or bool(block.allowed[r, m])
    allowed = block.allowed.astype(np.float32)
    slot_p = allowed[:, : inst.n_producers] @ inst.slot_m[: inst.n_producers]
    slot_i = allowed[:, inst.n_producers:] @ inst.slot_m[inst.n_producers:]
    r, c = np.nonzero(mask)
    return (rows[r], c, value[r, c], linear[r, c]), slot_p, slot_i, candidates


def _top_k(inst: Instance, ranked: np.ndarray, allowed: np.ndarray, k: int) -> np.ndarray:
    """About the best k allowed mentors per director and role; `ranked` is the pair value (tie-broken),
    −inf where forbidden. The cut-off is the matching rank within every SAMPLE_STRIDE-th mentor: a
    partition of a quarter of each row instead of all of it (the largest cost of valuing 85 M pairs at
    10,000 directors). The count varies around k; the flows' certificate covers every pair anyway."""
    keep = np.zeros_like(allowed)
    for cols in (slice(0, inst.n_producers), slice(inst.n_producers, inst.n_mentors)):
        part = ranked[:, cols]
        width = part.shape[1]
        if width <= k:
            keep[:, cols] = allowed[:, cols]
            continue
        sample = part[:, ::SAMPLE_STRIDE]
        k_s = max(1, int(round(k * sample.shape[1] / width)))
        position = sample.shape[1] - k_s
        threshold = np.partition(sample, position, axis=1)[:, position]
        keep[:, cols] = (part >= threshold[:, None]) & allowed[:, cols]
    return keep


TIE_ROWS = 1024
SAMPLE_STRIDE = 4
COLUMN_K = 8  # directors kept per mentor, whatever their rank in those directors' own lists


class _ColumnBest:
    """Per mentor, the best directors over all blocks. A mentor that is in nobody's top k (a weak match
    for everyone) would otherwise be outside every flow even when its load bonus makes it worth a
    director's optional place; then the certificate fails for nearly every director (measured at 5,000
    and 10,000 directors) and the flow is solved again."""

    def __init__(self, n_mentors: int, k: int):
        self.k = k
        self.rank = np.full((0, n_mentors), -np.inf, dtype=np.float32)
        self.rows = np.zeros((0, n_mentors), dtype=np.int64)
        self.value = np.zeros((0, n_mentors), dtype=np.float32)
        self.linear = np.zeros((0, n_mentors), dtype=np.float32)

    @staticmethod
    def candidates(ranked, rows, value, linear, k: int):
        """The best director of each of k row groups of a block (an argmax down the rows is ~20x cheaper
        than a partition along them); close enough to the true top k, and the certificate checks the rest."""
        bounds = np.linspace(0, ranked.shape[0], min(k, ranked.shape[0]) + 1).astype(np.int64)
        top = np.stack([ranked[a:b].argmax(axis=0) + a for a, b in zip(bounds[:-1], bounds[1:])])
        return (np.take_along_axis(ranked, top, 0), rows[top], np.take_along_axis(value, top, 0).astype(np.float32),
                np.take_along_axis(linear, top, 0).astype(np.float32))

    def merge(self, rank, rows, value, linear) -> None:
        self.rank = np.concatenate([self.rank, rank])
        self.rows = np.concatenate([self.rows, rows])
        self.value = np.concatenate([self.value, value])
        self.linear = np.concatenate([self.linear, linear])
        if len(self.rank) > self.k:
            best = np.argpartition(-self.rank, self.k - 1, axis=0)[: self.k]
            self.rank, self.rows, self.value, self.linear = (
                np.take_along_axis(a, best, 0) for a in (self.rank, self.rows, self.value, self.linear))

    def arcs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        ok = np.isfinite(self.rank)
        cols = np.broadcast_to(np.arange(self.rank.shape[1]), self.rank.shape)
        return self.rows[ok], cols[ok], self.value[ok], self.linear[ok]


def _tie_breaker(n_mentors: int) -> np.ndarray:
    """A tiny fixed jitter per pair (far below a score's resolution) so that, among many mentors of equal
    value, each director keeps a different share instead of every director keeping the same lowest
    indices — which would leave the other mentors (and their load bonus) outside every flow. Directors
    cycle through TIE_ROWS fixed rows (a small table, not a hash over every pair). Built once per
    build_arcs call and passed to the blocks (no module cache: issue 8, no hidden state)."""
    # (a·2654435761 + b·40503) mod 1024, from each factor's residue: the same table as the 64-bit product,
    # built from two short vectors instead of a 64-bit modulo over every entry (~10x faster at 3,700 mentors)
    rows = (np.arange(TIE_ROWS, dtype=np.int64) * 2654435761) % 1024
    cols = (np.arange(n_mentors, dtype=np.int64) * 40503) % 1024
    mix = (rows.astype(np.int16)[:, None] + cols.astype(np.int16)[None, :]) & np.int16(1023)
    table = mix.astype(np.float32)
    table *= np.float32(1e-7)
    table.flags.writeable = False
    return table


def by_director(arcs: Arcs, n_directors: int) -> list[np.ndarray]:
    """For each director, the indices of its arcs."""
    bounds = np.searchsorted(arcs.d, np.arange(n_directors + 1))
    return [np.arange(bounds[i], bounds[i + 1]) for i in range(n_directors)]
