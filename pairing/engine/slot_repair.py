"""The last step of a run with "each mentor's teams meet at different weekly times" (issue 9 part 6):
weekly slots for every team, and teams for the directors the rule left without one.

`mentor_slots.keep` gives the pairing's teams their slots (freeing those that cannot all be kept) and
refills greedily. On the large-program path, whose construction and neighbourhood moves do not model the
rule, some directors can stay without a team after that; `keep` here then solves the team-column model
with the rule (master.py, pricing.price_weekly) on those directors alone: the other teams stay, their
mentors keep the places left (neighbourhoods.sub_instance) and lose, for new teams, the weekly slots
their teams already hold. Whatever it places is given slots with all the others again.
"""

from __future__ import annotations

import threading
import time

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.construct import Teams, usage_array
from pairing.engine.instance import Instance
from pairing.engine.master import Master, OutOfTime, generate, integer_teams
from pairing.engine.mentor_slots import Slots, assign, keep as keep_slots, refill
from pairing.engine.neighbourhoods import sub_instance
from pairing.engine.pricing import build_space

MAX_REGION = 60  # directors re-placed at once by the column model (measured at 300 directors: 150 take ~5 s)


def keep(inst: Instance, arcs: Arcs, teams: Teams, deadline: float, cancel: threading.Event | None = None
         ) -> tuple[Teams, Slots]:
    """Weekly slots for the pairing's teams; the directors left without a team re-placed by the column
    model with the rule until `deadline` (a perf_counter time)."""
    teams, slots = keep_slots(inst, arcs, teams)
    left = [d for d in range(inst.n_directors) if d not in slots and d not in inst.blocked]
    if not left or time.perf_counter() >= deadline or (cancel is not None and cancel.is_set()):
        return teams, slots
    region = _region(inst, arcs, teams, left)
    others = {d: ms for d, ms in teams.items() if d not in set(region.tolist())}
    placed = place_freed(inst, others, {d: j for d, j in slots.items() if d in others}, region, deadline, cancel,
                         teams)
    if not placed:
        return teams, slots
    more, more_slots = assign(inst, {**others, **placed}, hint=slots)
    if len(more) <= len(teams):
        return teams, slots
    return refill(inst, arcs, more, more_slots)


def _region(inst: Instance, arcs: Arcs, teams: Teams, left: list[int]) -> np.ndarray:
    """The directors without a team, and the directors whose teams hold the mentors those would want most
    (their CANDIDATES best candidates by pairwise value): their teams may move to make room."""
    region = list(left[:MAX_REGION])
    wanted: set[int] = set()
    for d in region:
        idx = np.nonzero(arcs.d == d)[0]
        wanted |= {int(m) for m in arcs.m[idx[np.argsort(-arcs.value[idx], kind="stable")[:CANDIDATES]]]}
    inside = set(region)
    for d, members in sorted(teams.items()):
        if len(region) >= MAX_REGION:
            break
        if d not in inside and wanted & set(members):
            region.append(d)
            inside.add(d)
    return np.asarray(sorted(region), dtype=np.int64)


GENERATE_SHARE = 0.5  # of the repair's time for column generation
CANDIDATES = 12  # best candidate mentors per director without a team whose teams join the region


def place_freed(inst: Instance, teams: Teams, slots: Slots, region: np.ndarray, deadline: float,
                cancel: threading.Event | None, teams_before: Teams | None = None) -> Teams:
    """Teams for `region` (directors without one) from the places left, in slots no mentor's other team
    holds: the team-column model with the rule on the region alone (column generation, dive, CP-SAT over
    the columns, warm-started from the region's teams in `teams_before`). Program indices; {} when nothing
    was found in time."""
    teams_before = teams_before or {}
    used = usage_array(inst, teams)
    sub, gains, mentors = sub_instance(inst, region, used)
    if not sub.n_producers or sub.n_producers == sub.n_mentors:  # no producer or no instructor has a place
        return {}
    held = np.zeros((inst.n_mentors, len(inst.slots)), dtype=bool)
    for d, members in teams.items():
        if d in slots:
            held[members, slots[d]] = True
    # a slot a mentor's team already meets in is, for a new team of that mentor, as if the mentor were busy
    free = ~held[mentors]
    sub.slot_m = sub.slot_m * free
    sub.m_avail = [mask & _mask(free[i]) for i, mask in enumerate(sub.m_avail)]
    master = Master(sub, build_space(sub), gains=gains)
    local = {int(m): i for i, m in enumerate(mentors)}
    current = {i: [local[m] for m in teams_before.get(int(d), []) if m in local] for i, d in enumerate(region)}
    master.add_teams({i: ms for i, ms in current.items() if ms})
    window = deadline - time.perf_counter()
    try:  # half the window for the relaxation, the rest for integer teams from its columns
        generate(master, time.perf_counter() + GENERATE_SHARE * window, cancel)
    except OutOfTime:
        return {}
    left = deadline - time.perf_counter()
    if left <= 0.05 or (cancel is not None and cancel.is_set()):
        return {}
    out = integer_teams(master, list(range(len(master.columns))), current, left, inst.options.seed, 1, cancel)
    found = out.teams or {}
    return {int(region[i]): [int(mentors[m]) for m in members] for i, members in found.items()}


def _mask(row: np.ndarray) -> int:
    mask = 0
    for j in np.nonzero(row)[0]:
        mask |= 1 << int(j)
    return mask
