"""Exact team pricing: the compiled depth-first search (pairing/engine/price_kernel.py) against the NumPy
breadth-first enumeration it replaced, read from git at a baseline commit, on the same directors and prices.

    .venv/bin/python -m benchmarks.bench_pricing [--sizes 2000,10000] [--configs meeting,tight]
                                                 [--directors 512] [--baseline 1d5ba46]

For each program (bench_engine's generator) the flows' mentor prices are computed once (the prices column
generation starts from); then both versions price the same sampled directors under four price sets — the
flows' prices keeping 6 columns a director (a whole-LP round) and keeping none (a bound pass), 0.8 × those
prices, and those prices each scaled by a random factor in [0.6, 1.2] (prices off the flows', as the LP's
duals are) — each timed in this process's CPU seconds. The best team values of both must agree (the
largest difference is printed): the ratio is only meaningful between two exact answers.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.bench_engine import program_for

BASELINE = "1d5ba46"  # the last commit with the NumPy pricing


def baseline_pricing(commit: str):
    """pairing/engine/pricing.py as it was at `commit`, loaded as a module of its own."""
    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(["git", "-C", str(root), "show", f"{commit}:pairing/engine/pricing.py"],
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "baseline_pricing.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_pricing", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_pricing"] = module
    spec.loader.exec_module(module)
    return module


def flow_prices(inst) -> np.ndarray:
    from pairing.engine.bound import flow_bound
    from pairing.engine.candidates import build_arcs

    prices = np.zeros(inst.n_mentors)
    flow_bound(inst, build_arcs(inst), prices=prices)
    return prices


def timed(module, inst, prices: np.ndarray, keep: int, rows: np.ndarray):
    space = module.build_space(inst)
    began = time.process_time()
    out = module.price(space, prices, np.full(inst.n_directors, -np.inf), per_director=keep, directors=rows)
    return time.process_time() - began, out


def main(argv=None) -> int:
    from pairing.engine import SolveOptions, pricing
    from pairing.engine.instance import compile_program

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--configs", default="meeting,tight")
    parser.add_argument("--directors", type=int, default=512)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args(argv)
    old = baseline_pricing(args.baseline)
    pricing.warm_up()  # the compilation is not what is measured (make does it once, at install)
    print(f"| directors | config | prices | columns kept | baseline {args.baseline} s | compiled s | speed-up | "
          "largest difference in best values |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        for config in args.configs.split(","):
            program = program_for(size, config)
            inst = compile_program(program, SolveOptions.from_settings(program.settings))
            mu = flow_prices(inst)
            rng = np.random.default_rng(0)
            rows = np.sort(rng.choice(inst.n_directors, min(args.directors, inst.n_directors), replace=False))
            cases = (("flows'", mu, 6), ("flows'", mu, 0), ("0.8 × flows'", 0.8 * mu, 6),
                     ("flows' × U(0.6, 1.2)", mu * rng.uniform(0.6, 1.2, len(mu)), 6))
            for label, prices, keep in cases:
                t_old, got_old = timed(old, inst, prices, keep, rows)
                t_new, got_new = timed(pricing, inst, prices, keep, rows)
                diff = float(np.max(np.abs(got_old.best[rows] - got_new.best[rows])))
                print(f"| {size} | {config} | {label} | {keep} | {t_old:.2f} | {t_new:.2f} | "
                      f"{t_old / t_new:.1f}× | {diff:.1e} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
