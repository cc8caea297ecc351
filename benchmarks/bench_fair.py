"""Fairness mode through the team columns (issue 9 part 5) against the CP-SAT fairness over the best 12
candidates per role (the previous path, kept as the fallback), measured in the same run.

    nice .venv/bin/python -m benchmarks.bench_fair [--sizes 20,60,120] [--time-limit 10]

Prints, per size and with the rule "each mentor's teams meet at different weekly times" off and on, the
total and the worst team (load aside) of both, and their ratios. Single runs on a shared machine."""

from __future__ import annotations

import argparse
from unittest import mock

from pairing.engine import SolveOptions, fair_columns, solve
from pairing.synthetic import synthetic_program


def measure(n: int, rule: bool, seconds: float, columns: bool) -> tuple[float, float, int, str]:
    program = synthetic_program(n, seed=1)
    options = SolveOptions.from_settings(program.settings, time_limit_s=seconds, fair=True,
                                         distinct_mentor_slots=rule)
    if columns:
        result = solve(program, options)
    else:  # the previous path: the column search steps aside
        with mock.patch.object(fair_columns, "search", return_value=None):
            result = solve(program, options)
    worst = min((t.score - t.breakdown.get("load", 0.0) for t in result.teams), default=0.0)
    return result.objective, worst, len(result.teams), str(result.status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="20,60,120")
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    print("| directors | rule | previous: total / worst (placed) | team columns: total / worst (placed) | ratio total / worst | status |")
    print("| --- | --- | --- | --- | --- | --- |")
    for n in (int(x) for x in args.sizes.split(",")):
        for rule in (False, True):
            old = measure(n, rule, args.time_limit, columns=False)
            new = measure(n, rule, args.time_limit, columns=True)
            ratio = f"{new[0] / old[0]:.3f} / {new[1] / old[1]:.3f}" if old[0] and old[1] else "—"
            print(f"| {n} | {'on' if rule else 'off'} | {old[0]:.1f} / {old[1]:.2f} ({old[2]}) | "
                  f"{new[0]:.1f} / {new[1]:.2f} ({new[2]}) | {ratio} | {old[3]} → {new[3]} |")


if __name__ == "__main__":
    main()
