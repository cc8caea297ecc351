"""Fast valid pairings: two flows (producers, then instructors) — with the meeting rule, after fixing one
meeting slot per team so that every flow arc keeps the team meetable — and a greedy used for repair and as
a baseline."""

from __future__ import annotations

import numpy as np

from pairing.engine.candidates import Arcs, by_director
from pairing.engine.flows import b_matching
from pairing.engine.instance import Instance, meeting_mask

PRODUCER_FIRST = True
SLOT_CHOICE_K = 12  # candidates per role that vote for a director's meeting slot

Teams = dict[int, list[int]]  # director → mentors, producer first


def locked_members(inst: Instance) -> Teams:
    """The locked mentors of each director whose locks can all hold; directors with contradictory locks
    (a forbidden pair, two producers, too many instructors, no common slot, a mentor locked beyond
    capacity) get no team at all: a lock is never broken, so such a director stays unmatched."""
    teams: Teams = {}
    for d, m in inst.locks:
        teams.setdefault(d, []).append(m)
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for d in sorted(teams):
        members = sorted(teams[d], key=lambda m: (not inst.is_producer(m), m))
        if _locks_hold(inst, d, members, used):
            teams[d] = members
            used[members] += 1
        else:
            teams[d] = []
            inst.blocked.add(d)
    return teams


def _locks_hold(inst: Instance, d: int, members: list[int], used: np.ndarray) -> bool:
    from pairing.engine.instance import forbidden_reason

    n_p = sum(1 for m in members if inst.is_producer(m))
    if n_p > 1 or len(members) - n_p > inst.options.instructors_max:
        return False
    if any(forbidden_reason(inst, d, m) or used[m] >= inst.capacity[m] for m in members):
        return False
    return bool(meeting_mask(inst, d, members)) or not inst.options.require_meeting


def flow_teams(inst: Instance, arcs: Arcs, slot_of: np.ndarray | None = None, producer_first: bool = False
               ) -> Teams:
    """Producers by one flow, then instructors by a second flow valued against what the producer covers.
    With slot_of, only mentors free in the director's chosen slot are used; with producer_first, the slot
    is chosen after the producer flow, among the slots the director and producer share."""
    teams = locked_members(inst)
    all_arcs = arcs
    if slot_of is not None and not producer_first:
        ok = slot_of[arcs.d] >= 0
        ok[ok] = inst.slot_m[arcs.m[ok], slot_of[arcs.d[ok]]] > 0
        arcs = arcs.select(ok)
    used = usage_array(inst, teams)
    producer = arcs.m < inst.n_producers
    has_producer = np.zeros(inst.n_directors, dtype=bool)
    for d, members in teams.items():
        has_producer[d] = any(inst.is_producer(m) for m in members)
    p_arcs = arcs.select(producer & ~has_producer[arcs.d] & ~_locked_mask(inst, arcs))
    need = (~has_producer).astype(np.int64)
    need[list(inst.blocked)] = 0
    if slot_of is not None:
        need[slot_of < 0] = 0
    chosen = b_matching(inst, p_arcs.d, p_arcs.m, p_arcs.value, need, need, used)
    for d, m in zip(p_arcs.d[chosen], p_arcs.m[chosen]):
        teams.setdefault(int(d), []).insert(0, int(m))
    used = usage_array(inst, teams)
    if producer_first and inst.options.require_meeting:
        slot_of = choose_slots(inst, all_arcs, teams)
        ok = slot_of[all_arcs.d] >= 0
        ok[ok] = inst.slot_m[all_arcs.m[ok], slot_of[all_arcs.d[ok]]] > 0
        arcs = all_arcs.select(ok)
        producer = arcs.m < inst.n_producers
    i_arcs = arcs.select(~producer & ~_locked_mask(inst, arcs))
    lo, hi = _instructor_range(inst, teams, slot_of)
    chosen = b_matching(inst, i_arcs.d, i_arcs.m, _instructor_values(inst, i_arcs, teams), lo, hi, used)
    for d, m in zip(i_arcs.d[chosen], i_arcs.m[chosen]):
        teams.setdefault(int(d), []).append(int(m))
    return teams


def _locked_mask(inst: Instance, arcs: Arcs) -> np.ndarray:
    if not inst.locks:
        return np.zeros(len(arcs), dtype=bool)
    locked = inst.lock_set
    return np.array([(int(d), int(m)) in locked for d, m in zip(arcs.d, arcs.m)], dtype=bool)


def usage_array(inst: Instance, teams: Teams) -> np.ndarray:
    """How many teams each mentor is in."""
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    for members in teams.values():
        for m in members:
            used[m] += 1
    return used


def _instructor_range(inst: Instance, teams: Teams, slot_of) -> tuple[np.ndarray, np.ndarray]:
    locked_i = np.zeros(inst.n_directors, dtype=np.int64)
    for d, members in teams.items():
        locked_i[d] = sum(1 for m in members if not inst.is_producer(m))
    lo = np.maximum(inst.options.instructors_min - locked_i, 0)
    hi = np.maximum(inst.options.instructors_max - locked_i, 0)
    lo[list(inst.blocked)] = 0
    hi[list(inst.blocked)] = 0
    if slot_of is not None:
        lo[slot_of < 0] = 0
        hi[slot_of < 0] = 0
    return lo, hi


def _instructor_values(inst: Instance, arcs: Arcs, teams: Teams) -> np.ndarray:
    """Pair value with the needs part counting only what the producer (and locked mentors) leave uncovered:
    for each need already covered at level c, an instructor's credit on it drops by min(its level, c)."""
    value = arcs.linear + inst.weights["needs"] * _single_needs(inst, arcs)
    if not len(arcs) or not inst.skills or inst.weights["needs"] <= 0:
        return value
    bounds = np.searchsorted(arcs.d, np.arange(inst.n_directors + 1))
    column = {s: j for j, s in enumerate(inst.skills)}
    for d, members in teams.items():
        needs = inst.directors[d].needs
        if not members or not needs:
            continue
        part = slice(bounds[d], bounds[d + 1])
        for need in needs:
            j = column[need]
            covered = float(inst.level_m[members, j].max())
            if covered > 0:
                overlap = np.minimum(inst.level_m[arcs.m[part], j], covered)
                value[part] -= inst.weights["needs"] * 100.0 / len(needs) * overlap
    return value


def _single_needs(inst: Instance, arcs: Arcs) -> np.ndarray:
    """Each arc's needs value on its own (0–100), computed in chunks to keep memory flat."""
    out = np.zeros(len(arcs))
    counts = np.maximum(inst.need_d.sum(axis=1), 1)
    for start in range(0, len(arcs), 200_000):
        d, m = arcs.d[start:start + 200_000], arcs.m[start:start + 200_000]
        out[start:start + len(d)] = (inst.need_d[d] * inst.level_m[m]).sum(axis=1) * 100.0 / counts[d]
    return out


def exact_teams(inst: Instance, arcs: Arcs) -> tuple[Teams, bool]:
    """Without coupled criteria: locks first, then the certified-optimal producer and instructor flows."""
    from pairing.engine.exact import certified_flow

    teams = locked_members(inst)
    used = usage_array(inst, teams)
    has_producer = np.zeros(inst.n_directors, dtype=bool)
    for d, members in teams.items():
        has_producer[d] = any(inst.is_producer(m) for m in members)
    need = (~has_producer).astype(np.int64)
    need[list(inst.blocked)] = 0
    d, m, _, proven_p = certified_flow(inst, arcs, True, need, need, used, inst.lock_set)
    for a, b in zip(d, m):
        teams.setdefault(int(a), []).insert(0, int(b))
    used = usage_array(inst, teams)
    lo, hi = _instructor_range(inst, teams, None)
    d, m, _, proven_i = certified_flow(inst, arcs, False, lo, hi, used, inst.lock_set)
    for a, b in zip(d, m):
        teams.setdefault(int(a), []).append(int(b))
    return teams, proven_p and proven_i


# -- the meeting slot of each team ---------------------------------------------------------------

def choose_slots(inst: Instance, arcs: Arcs, members: Teams | None = None) -> np.ndarray:
    """For each director, the slot where its best candidates are free (and its locked mentors, or all its
    `members` so far); -1 if none."""
    top = top_arcs(inst, arcs, SLOT_CHOICE_K)
    n_slots = len(inst.slots)
    free = inst.slot_m[top.m] * inst.slot_d[top.d]  # arcs × slots
    value = np.where(free > 0, top.value[:, None] + 1.0, 0.0)  # +1: a free candidate counts even at value 0
    producer = top.m < inst.n_producers
    best_p = np.zeros((inst.n_directors, n_slots))
    sum_i = np.zeros((inst.n_directors, n_slots))
    count_i = np.zeros((inst.n_directors, n_slots))
    _reduce_rows(np.maximum, best_p, top.d[producer], value[producer])
    _reduce_rows(np.add, sum_i, top.d[~producer], value[~producer])
    _reduce_rows(np.add, count_i, top.d[~producer], free[~producer])
    score = best_p + sum_i / max(inst.options.instructors_max, 1)
    feasible = (best_p > 0) & (count_i >= inst.options.instructors_min) & (inst.slot_d > 0)
    if members is not None:  # the producer is chosen already: only instructors decide
        score = sum_i
        feasible = (count_i >= inst.options.instructors_min) & (inst.slot_d > 0)
    for d, team in (members if members is not None else locked_members(inst)).items():
        for m in team:
            feasible[d] &= inst.slot_m[m] > 0
        if members is not None and any(inst.is_producer(m) for m in team):
            feasible[d] &= count_i[d] >= inst.options.instructors_min
    score = np.where(feasible, score, -np.inf)
    slot = np.argmax(score, axis=1)
    slot[~np.isfinite(score[np.arange(inst.n_directors), slot])] = -1
    return slot


def _reduce_rows(ufunc, out: np.ndarray, d: np.ndarray, values: np.ndarray) -> None:
    """out[d] = ufunc(out[d], values of the rows of d), for `d` sorted (arcs are sorted by director): one
    reduceat over the runs instead of ufunc.at element by element (~10x faster)."""
    if not len(d):
        return
    starts = np.r_[0, np.nonzero(np.diff(d))[0] + 1]
    rows = d[starts]
    out[rows] = ufunc(out[rows], ufunc.reduceat(values, starts, axis=0))


def top_arcs(inst: Instance, arcs: Arcs, k: int) -> Arcs:
    if not len(arcs):
        return arcs
    role = (arcs.m >= inst.n_producers).astype(np.int64)
    order = np.lexsort((-arcs.value, role, arcs.d))
    group = arcs.d[order] * 2 + role[order]
    starts = np.r_[0, np.nonzero(np.diff(group))[0] + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    keep = np.zeros(len(arcs), dtype=bool)
    keep[order[rank < k]] = True
    return arcs.select(keep)


# -- greedy ---------------------------------------------------------------------------------------

def greedy(inst: Instance, arcs: Arcs, teams: Teams | None = None, order=None) -> Teams:
    """Place directors one by one with the best free mentors (the baseline, and the repair of flow gaps).
    Directors already complete in `teams` are kept."""
    teams = {d: list(ms) for d, ms in (teams if teams is not None else locked_members(inst)).items()}
    used = usage_array(inst, teams)
    per_director = by_director(arcs, inst.n_directors)
    for d in order if order is not None else range(inst.n_directors):
        if d in inst.blocked or is_complete(inst, d, teams.get(d, [])):
            continue
        members = _best_team(inst, d, arcs, per_director[d], used, teams.get(d, []))
        if members is not None:
            for m in members:
                if m not in teams.get(d, []):
                    used[m] += 1
            teams[d] = members
    return teams


def is_complete(inst: Instance, d: int, members: list[int]) -> bool:
    n_p = sum(1 for m in members if inst.is_producer(m))
    n_i = len(members) - n_p
    if n_p != 1 or not inst.options.instructors_min <= n_i <= inst.options.instructors_max:
        return False
    if not inst.options.require_meeting:
        return True
    return meeting_mask(inst, d, members) != 0


def _best_team(inst, d, arcs, idx, used, locked) -> list[int] | None:
    """Best team for one director around its locked mentors, trying each slot when meetings are required."""
    locked = [m for m in locked if (d, m) in inst.lock_set]
    base = meeting_mask(inst, d, locked)
    masks = [1 << j for j in range(len(inst.slots)) if base >> j & 1] if inst.options.require_meeting else [-1]
    best, best_value = None, -np.inf
    for mask in masks:
        team, value = _fill(inst, arcs, idx, used, locked, mask)
        if team is not None and value > best_value:
            best, best_value = team, value
    return best


def _fill(inst, arcs, idx, used, locked, mask) -> tuple[list[int] | None, float]:
    free = [i for i in idx if used[arcs.m[i]] < inst.capacity[arcs.m[i]] and inst.m_avail[arcs.m[i]] & mask
            and arcs.m[i] not in locked]
    free.sort(key=lambda i: -arcs.value[i])
    team, value = list(locked), 0.0
    if not any(inst.is_producer(m) for m in locked):
        producer = next((i for i in free if inst.is_producer(arcs.m[i])), None)
        if producer is None:
            return None, 0.0
        team.insert(0, int(arcs.m[producer]))
        value += arcs.value[producer]
    n_i = sum(1 for m in team if not inst.is_producer(m))
    for i in free:
        if n_i >= inst.options.instructors_max:
            break
        if inst.is_producer(arcs.m[i]) or (n_i >= inst.options.instructors_min and arcs.value[i] <= 0):
            continue
        team.append(int(arcs.m[i]))
        value += arcs.value[i]
        n_i += 1
    if n_i < inst.options.instructors_min:
        return None, 0.0
    return team, value


def constructive(inst: Instance, arcs: Arcs) -> Teams:
    """The first valid pairing: two flows (in a fixed slot per team when meetings are required), then
    greedy repair of any director the flows left incomplete."""
    if not inst.options.require_meeting:
        slot_of = None
    elif PRODUCER_FIRST:  # the slot is chosen after the producer; here only: does any slot work at all?
        ok = ((arcs.slot_p > 0) & (arcs.slot_i >= inst.options.instructors_min) & (inst.slot_d > 0)).any(axis=1)
        slot_of = np.where(ok, 0, -1)
    else:
        slot_of = choose_slots(inst, arcs)
    teams = flow_teams(inst, arcs, slot_of, producer_first=PRODUCER_FIRST)
    for d in [d for d, ms in teams.items() if not is_complete(inst, d, ms)]:
        teams[d] = [m for m in teams[d] if (d, m) in inst.lock_set]
    return greedy(inst, arcs, teams)


def previous_start(inst: Instance, arcs: Arcs) -> Teams | None:
    """On re-proposal: the previous run's teams that still keep every hard rule (with today's roster,
    settings and locks), then greedy for everyone else. None on a first run."""
    if not inst.previous:
        return None
    teams = locked_members(inst)
    used = usage_array(inst, teams)
    for d, director in enumerate(inst.directors):
        old = inst.previous.get(director.id)
        if d in inst.blocked or not old or any(m not in inst.m_index for m in old):
            continue
        members = sorted((inst.m_index[m] for m in old), key=lambda m: (not inst.is_producer(m), m))
        locked = teams.get(d, [])
        if not set(locked) <= set(members) or not _still_valid(inst, d, members, used, locked):
            continue
        for m in members:
            if m not in locked:
                used[m] += 1
        teams[d] = members
    return greedy(inst, arcs, teams)


def _still_valid(inst: Instance, d: int, members: list[int], used: np.ndarray, locked: list[int]) -> bool:
    from pairing.engine.instance import forbidden_reason

    if not is_complete(inst, d, members):
        return False
    if any(forbidden_reason(inst, d, m) for m in members):
        return False
    return all(m in locked or used[m] < inst.capacity[m] for m in members)
