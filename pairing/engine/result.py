"""Turn index teams into the RunResult of the `solve --json` contract."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from pairing.domain import RunResult, RunStatus, Team, Unmatched
from pairing.engine.candidates import Arcs, by_director
from pairing.engine.construct import Teams, is_complete, usage_array
from pairing.engine.diagnose import unmatched_reason
from pairing.engine.instance import Instance
from pairing.engine.scoring import build_team, load_marginal, team_values, weighted
from pairing.words import Message


def complete_teams(inst: Instance, teams: Teams) -> Teams:
    return {d: ms for d, ms in teams.items() if is_complete(inst, d, ms)}


def objective(inst: Instance, teams: Teams) -> float:
    """Sum of the team scores of the complete teams."""
    teams = complete_teams(inst, teams)
    used = usage_array(inst, teams)
    usage = {m: int(u) for m, u in enumerate(used) if u}
    return sum(sum(weighted(inst, team_values(inst, d, ms, usage)).values()) for d, ms in teams.items())


def worst_team(inst: Instance, teams: Teams, without_load: bool = False) -> float:
    """The lowest team score among complete teams (fairness mode leaves the mentors' load aside)."""
    teams = complete_teams(inst, teams)
    used = usage_array(inst, teams)
    usage = {m: int(u) for m, u in enumerate(used) if u}
    scores = (weighted(inst, team_values(inst, d, ms, usage)) for d, ms in teams.items())
    return min((sum(v for k, v in b.items() if not (without_load and k == "load")) for b in scores), default=0.0)


def load_total(inst: Instance, used: np.ndarray) -> float:
    return inst.weights["load"] * sum(load_marginal(inst, m, k) for m in np.nonzero(used)[0]
                                      for k in range(1, int(used[m]) + 1))


def assemble(inst: Instance, teams: Teams, arcs: Arcs, status: RunStatus, bound: float, wall_s: float,
             diagnosis: list[Message], proven_infeasible: bool = False, weekly: dict[int, int] | None = None
             ) -> RunResult:
    """The run's result: complete teams scored and explained, the others listed as unmatched with a reason.
    With directors left unmatched the status is `infeasible` only when `proven_infeasible` (no pairing
    places everyone), else `unknown` (BRIEF's contract); a cancelled run stays `cancelled`. `weekly` gives
    each team's weekly slot (index) under the rule "each mentor's teams meet at different weekly times"."""
    complete = complete_teams(inst, teams)
    used = usage_array(inst, complete)
    usage = {m: int(u) for m, u in enumerate(used) if u}
    out = tuple(build_team(inst, d, complete[d], usage) for d in sorted(complete))
    if weekly is not None:
        out = tuple(replace(t, weekly_slot=inst.slots[weekly[inst.d_index[t.director]]]) for t in out)
    per_director = by_director(arcs, inst.n_directors)
    unmatched = tuple(Unmatched(inst.directors[d].id, unmatched_reason(inst, d, arcs.m[per_director[d]], used))
                      for d in range(inst.n_directors) if d not in complete)
    total = sum(t.score for t in out)
    if not np.isfinite(bound):
        # Every team scores at most 100, plus its stability bonus on re-proposal: always valid.
        bound = inst.n_directors * 100.0 * (1.0 + inst.weights["stability"])
    if unmatched and status is not RunStatus.CANCELLED:
        status = RunStatus.INFEASIBLE if proven_infeasible else RunStatus.UNKNOWN
    # The contract: bound equals objective when optimal (the integer model's rounding slack aside).
    bound = total if status is RunStatus.OPTIMAL else max(bound, total)
    return RunResult(status=status, objective=total, bound=bound, wall_s=wall_s, teams=out,
                     unmatched=unmatched, diagnosis=tuple(dict.fromkeys(diagnosis)),
                     teams_changed=teams_changed(inst, out))


def teams_changed(inst: Instance, teams: tuple[Team, ...]) -> int | None:
    """How many directors' teams differ from the previous run (None on a first run)."""
    if not inst.program.previous:
        return None
    before = inst.previous
    now = {t.director: frozenset(t.mentors) for t in teams}
    return sum(1 for d in set(before) | set(now) if before.get(d) != now.get(d))
