"""Benchmark of the pairing engine against greedy, SciPy linear_sum_assignment and plain CP-SAT.

    .venv/bin/python -m benchmarks.bench_solve [--sizes 20,200,2000,10000] [--quick]

Every method runs in its own subprocess so that peak memory (max RSS, interpreter included) is honest.
Two configurations: `pairwise` (no meeting rule, needs and meeting weights 0: nothing couples a team's
mentors, so flows are exact) and `meeting` (program defaults: meeting rule on, every criterion weighted).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace

import numpy as np

from benchmarks.child import measure as run_child, report
from pairing.domain import Settings, Weights

LIMITS = {20: 2.0, 200: 5.0, 2000: 30.0, 10000: 120.0}
PLAIN_CPSAT_MAX_ARCS = 400_000  # beyond this the dense model does not build in reasonable memory/time
LSA_MAX_CELLS = 30_000_000


def settings_for(config: str) -> Settings:
    if config == "pairwise":
        return Settings(require_meeting=False, weights=Weights(needs=0, meeting=0))
    return Settings()


def program_for(size: int, config: str, seed: int = 1):
    from pairing.synthetic import synthetic_program

    return synthetic_program(size, seed=seed, settings=settings_for(config))


def run_engine(program, limit: float) -> dict:
    from pairing.engine import SolveOptions, solve

    first = []
    start = time.perf_counter()
    options = SolveOptions.from_settings(program.settings, time_limit_s=limit, workers=2)
    result = solve(program, options, progress=lambda p: first.append(time.perf_counter() - start) if not first else None)
    return dict(time=result.wall_s, first=first[0] if first else None, score=result.objective, bound=result.bound,
                worst=min((t.score for t in result.teams), default=0.0), status=str(result.status),
                placed=len(result.teams))


EVERY_PAIR_MAX = 20_000_000  # beyond this many director–mentor pairs, baselines see the engine's top 30


def _compiled(program):
    from pairing.engine.instance import compile_program
    from pairing.engine.options import SolveOptions

    return compile_program(program, SolveOptions.from_settings(program.settings))


def _instance(program):
    """The compiled program with every allowed pair as an arc (what a plain method sees)."""
    from pairing.engine.candidates import build_arcs

    inst = _compiled(program)
    every = inst.n_directors * inst.n_mentors <= EVERY_PAIR_MAX
    return inst, build_arcs(inst, k=inst.n_mentors if every else None)


def run_greedy(program, limit: float) -> dict:
    from pairing.engine.construct import greedy
    from pairing.engine.result import complete_teams, objective, worst_team

    start = time.perf_counter()
    inst, arcs = _instance(program)
    teams = greedy(inst, arcs)
    elapsed = time.perf_counter() - start
    return dict(time=elapsed, score=objective(inst, teams), worst=worst_team(inst, teams),
                placed=len(complete_teams(inst, teams)), status="feasible")


def run_lsa(program, limit: float) -> dict:
    """Producers only: each producer repeated once per place, forbidden pairs at a prohibitive cost."""
    from scipy.optimize import linear_sum_assignment

    from pairing.engine.instance import blocks

    start = time.perf_counter()
    inst = _compiled(program)
    places = np.repeat(np.arange(inst.n_producers), inst.capacity[: inst.n_producers])
    if inst.n_directors * len(places) > LSA_MAX_CELLS:
        return dict(skipped=f"{inst.n_directors}×{len(places)} cost matrix does not fit the memory budget")
    value = np.vstack([b.surrogate(inst, inst.weights["meeting"] > 0)[:, : inst.n_producers]
                       for b in blocks(inst)])
    allowed = np.vstack([b.allowed[:, : inst.n_producers] for b in blocks(inst)])
    cost = np.where(allowed, -value, 1e9)[:, places]
    rows, cols = linear_sum_assignment(cost)
    elapsed = time.perf_counter() - start
    ok = cost[rows, cols] < 1e8
    return dict(time=elapsed, score=float(-cost[rows, cols][ok].sum()), placed=int(ok.sum()), status="producer part",
                producer_flow=_producer_flow_value(inst))


def _producer_flow_value(inst) -> dict:
    """The same producer part by this engine's min-cost flow (without load), for the comparison."""
    from pairing.engine.candidates import build_arcs
    from pairing.engine.flows import b_matching

    start = time.perf_counter()
    arcs = build_arcs(inst, k=inst.n_mentors)
    part = arcs.select(arcs.m < inst.n_producers)
    saved = inst.weights["load"]
    inst.weights["load"] = 0.0
    ones = np.ones(inst.n_directors, dtype=np.int64)
    chosen = b_matching(inst, part.d, part.m, part.value, ones, ones, np.zeros(inst.n_mentors, np.int64))
    inst.weights["load"] = saved
    return dict(time=time.perf_counter() - start, score=float(part.value[chosen].sum()))


def run_plain_cpsat(program, limit: float) -> dict:
    """The full model over every allowed pair with CP-SAT's default parameters (no hint, no pruning)."""
    from ortools.sat.python import cp_model

    from pairing.engine import cpsat
    from pairing.engine.result import complete_teams, objective, worst_team

    start = time.perf_counter()
    inst = _compiled(program)
    if inst.n_directors * inst.n_mentors > 4 * PLAIN_CPSAT_MAX_ARCS:
        return dict(skipped=f"{inst.n_directors * inst.n_mentors:,} director–mentor pairs: the dense model "
                            f"is too large to build here")
    inst, arcs = _instance(program)
    if len(arcs) > PLAIN_CPSAT_MAX_ARCS:
        return dict(skipped=f"{len(arcs):,} allowed pairs: the dense model is too large to build here "
                            f"(limit {PLAIN_CPSAT_MAX_ARCS:,})")
    tm = cpsat.build_model(inst, arcs)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    status = solver.solve(tm.model)
    out = cpsat._outcome(tm, solver, status, False)
    elapsed = time.perf_counter() - start
    if out.teams is None:
        return dict(time=elapsed, score=0.0, status=solver.status_name(status), placed=0)
    return dict(time=elapsed, score=objective(inst, out.teams), bound=out.bound, worst=worst_team(inst, out.teams),
                placed=len(complete_teams(inst, out.teams)), status=solver.status_name(status).lower())


def run_reproposal(program, limit: float) -> dict:
    """Solve, change one director's availability, re-propose with the first run as previous."""
    from pairing.engine import SolveOptions, solve

    options = SolveOptions.from_settings(program.settings, time_limit_s=limit, workers=2)
    first = solve(program, options)
    people = list(program.people)
    people[0] = people[0].with_changes(availability=people[0].availability[:1] or ("Mon PM",))
    edited = replace(program, people=tuple(people), previous=first)
    start = time.perf_counter()
    again = solve(edited, replace(options, time_limit_s=0.9))
    return dict(time=time.perf_counter() - start, score=again.objective, bound=again.bound,
                status=str(again.status), changed=again.teams_changed, placed=len(again.teams))


METHODS = {"engine": run_engine, "greedy": run_greedy, "scipy-lsa": run_lsa, "plain-cpsat": run_plain_cpsat,
           "reproposal": run_reproposal}


def child(method: str, size: int, config: str, limit: float) -> None:
    report(METHODS[method](program_for(size, config), limit))


def measure(method: str, size: int, config: str, limit: float) -> dict:
    out = run_child("benchmarks.bench_solve", [method, str(size), config, str(limit)], limit * 6 + 600)
    return dict(skipped=f"failed: {out['failed']}") if "failed" in out else out


def row(size: int, config: str, method: str, out: dict, bound: float | None) -> str:
    if "skipped" in out:
        return f"| {size} | {config} | {method} | skipped: {out['skipped']} | | | | | |"
    gap = (bound - out["score"]) / bound * 100 if bound else float("nan")
    gap = 0.0 if abs(gap) < 0.005 else gap  # no "-0.00%" from rounding
    first = f" (first {out['first']:.2f})" if out.get("first") is not None else ""
    extra = f"; flow {out['producer_flow']['time']:.2f} s, same value {out['producer_flow']['score']:.1f}" \
        if "producer_flow" in out else ""
    extra += f"; {out['changed']} teams changed" if "changed" in out else ""
    return (f"| {size} | {config} | {method} | {out['time']:.2f}{first} | {out['score']:.1f} | {gap:.2f}% | "
            f"{out.get('worst', float('nan')):.1f} | {out['peak_mb']:.0f} | {out.get('status', '')}"
            f" {out.get('placed', '')} teams{extra} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="20,200,2000,10000")
    parser.add_argument("--quick", action="store_true", help="sizes 20,200 with a quarter of the time limits")
    parser.add_argument("--configs", default="pairwise,meeting")
    parser.add_argument("--child", nargs=4, metavar=("METHOD", "SIZE", "CONFIG", "LIMIT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2], float(args.child[3]))
        return 0
    sizes = [20, 200] if args.quick else [int(s) for s in args.sizes.split(",")]
    print("| directors | config | method | time s | score | gap to engine bound | worst team | peak MB | notes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        limit = LIMITS.get(size, 30.0) / (4 if args.quick else 1)
        for config in args.configs.split(","):
            engine = measure("engine", size, config, limit)
            bound = engine.get("bound")
            print(row(size, config, "engine", engine, bound), flush=True)
            for method in ("greedy", "scipy-lsa", "plain-cpsat"):
                if method == "scipy-lsa" and config != "pairwise":
                    continue
                out = measure(method, size, config, limit)
                print(row(size, config, method, out, None if method == "scipy-lsa" else bound), flush=True)
        if size == 200:
            out = measure("reproposal", size, "meeting", limit)
            print(row(size, "meeting", "re-proposal after one edit", out, out.get("bound")), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
