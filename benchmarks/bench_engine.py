"""The engine (team columns where they fit) against the previous engine (flow construction + large-
neighbourhood search, forced here) and the greedy baseline, measured in the same run on the same programs.

    .venv/bin/python -m benchmarks.bench_engine [--sizes 50,100,200,2000] [--limits 5,10] [--configs meeting,tight]

Every method runs in its own subprocess (peak memory honest, no warm caches). Configurations:
`meeting` — `pairing.synthetic.synthetic_program(n, seed=1)` with the program defaults (meeting rule on,
every criterion weighted, same-organization rule on; ≈1.2 producer places per director);
`tight` — the same generator with slack 1.05 (≈1.05 producer places and 1.6 instructor places per
director) and every third person in one of n/8 organizations, same-organization rule on.
With --cpu-clock every method's clock (time limit, progress, "time") is its own process's CPU time: on a
machine loaded by other jobs this measures what an idle core would do in the limit (single-threaded work;
CP-SAT's internal wall-clock limits and its second worker are not converted, which favours neither side
much: the engine's large path runs CP-SAT with one worker and deterministic limits).
Gap = (the method's own proven bound − score) / bound; "vs previous" = score / previous engine's score;
"vs greedy" = score / greedy's score. The previous engine is this code with the team-column paths switched
off (`solver.COLUMN_MAX_PAIRS = 0`, `solver.NEIGHBOURHOODS = False`): flow construction and CP-SAT
large-neighbourhood search over each director's best candidates, the engine before issue 9's column model.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from benchmarks.child import measure as run_child, report
from pairing.domain import Program, Settings

SIZES = (50, 100, 200, 2000)
CPU_CLOCK = "BENCH_ENGINE_CPU_CLOCK"
LIMITS = {50: (5.0, 10.0), 100: (5.0, 10.0), 200: (5.0, 10.0), 2000: (30.0,), 10000: (120.0,)}


def program_for(size: int, config: str, seed: int = 1) -> Program:
    from pairing.synthetic import synthetic_program

    if config == "meeting":
        return synthetic_program(size, seed=seed)
    program = synthetic_program(size, seed=seed, slack=1.05, settings=Settings(avoid_same_organization=True))
    orgs = [f"Org {k}" for k in range(max(2, size // 8))]
    people = tuple(p.with_changes(organization=orgs[i % len(orgs)]) if i % 3 == 0 else p
                   for i, p in enumerate(program.people))
    return Program(settings=program.settings, people=people)


def run_engine(program: Program, limit: float, previous: bool = False) -> dict:
    from pairing.engine import SolveOptions, solve
    from pairing.engine import solver

    if previous:  # the engine before issue 9: no team columns, CP-SAT neighbourhoods over the best candidates
        solver.COLUMN_MAX_PAIRS = 0
        solver.NEIGHBOURHOODS = False
    first: list[float] = []
    start = time.perf_counter()
    options = SolveOptions.from_settings(program.settings, time_limit_s=limit, workers=2)
    result = solve(program, options,
                   progress=lambda p: first.append(time.perf_counter() - start) if not first else None)
    return dict(time=result.wall_s, first=first[0] if first else None, score=result.objective,
                bound=result.bound, status=str(result.status), placed=len(result.teams),
                unmatched=len(result.unmatched))


def run_greedy(program: Program, limit: float) -> dict:
    from pairing.engine.candidates import build_arcs
    from pairing.engine.construct import greedy
    from pairing.engine.instance import compile_program
    from pairing.engine.options import SolveOptions
    from pairing.engine.result import complete_teams, objective

    start = time.perf_counter()
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    teams = greedy(inst, build_arcs(inst))
    complete = complete_teams(inst, teams)
    return dict(time=time.perf_counter() - start, score=objective(inst, teams), bound=None, status="greedy",
                placed=len(complete), unmatched=inst.n_directors - len(complete))


METHODS = {"engine": lambda p, t: run_engine(p, t), "previous": lambda p, t: run_engine(p, t, previous=True),
           "greedy": run_greedy}


def child(method: str, size: int, config: str, limit: float) -> None:
    if os.environ.get(CPU_CLOCK):  # the engine's clock is this process's CPU time (see --cpu-clock)
        time.perf_counter = time.process_time
    report(METHODS[method](program_for(size, config), limit))


def measure(method: str, size: int, config: str, limit: float) -> dict:
    return run_child("benchmarks.bench_engine", [method, str(size), config, str(limit)], limit * 8 + 600)


def row(size: int, config: str, limit: float, method: str, out: dict, previous: dict, greedy: dict) -> str:
    if "failed" in out:
        return f"| {size} | {config} | {limit:g} | {method} | failed: {out['failed']} | | | | | | |"
    bound = out.get("bound")
    gap = f"{(bound - out['score']) / bound * 100:.3f}%" if bound else ""
    vs_prev = f"{out['score'] / previous['score']:.4f}" if previous.get("score") else ""
    vs_greedy = f"{out['score'] / greedy['score']:.4f}" if greedy.get("score") else ""
    first = f" (first {out['first']:.2f})" if out.get("first") is not None else ""
    bound_text = f"{bound:.1f}" if bound else ""
    return (f"| {size} | {config} | {limit:g} | {method} | {out['time']:.2f}{first} | {out['score']:.1f} | "
            f"{bound_text} | {gap} | {vs_prev} | {vs_greedy} | {out['status']}, {out['placed']} placed, "
            f"{out['unmatched']} unmatched, {out['peak_mb']:.0f} MB |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--configs", default="meeting,tight")
    parser.add_argument("--cpu-clock", action="store_true",
                        help="time every method by its process's CPU time (an idle core on a loaded machine)")
    parser.add_argument("--child", nargs=4, metavar=("METHOD", "SIZE", "CONFIG", "LIMIT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cpu_clock:
        os.environ[CPU_CLOCK] = "1"
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2], float(args.child[3]))
        return 0
    print("| directors | config | limit s | method | time s | score | bound | gap | vs previous | vs greedy | "
          "notes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        for config in args.configs.split(","):
            greedy = measure("greedy", size, config, 1.0)
            for limit in LIMITS.get(size, (30.0,)):
                previous = measure("previous", size, config, limit)
                engine = measure("engine", size, config, limit)
                print(row(size, config, limit, "engine", engine, previous, greedy), flush=True)
                print(row(size, config, limit, "previous engine", previous, previous, greedy), flush=True)
            print(row(size, config, 0, "greedy", greedy, previous, greedy), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
