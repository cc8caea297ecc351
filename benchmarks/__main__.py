"""Run every benchmark in turn (`make bench`), each as its own process so no run warms another.

The solver at 10,000 directors takes minutes; run it on its own:
`python -m benchmarks.bench_solve --sizes 10000`.
"""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = (
    ("bench_import", []),
    ("bench_solve", ["--sizes", "20,200,2000"]),
    ("bench_engine", ["--sizes", "50,100,200,2000"]),
    ("bench_fair", []),
    ("bench_export", []),
    ("bench_schedule", []),
    ("bench_ui", []),
    ("bench_live_views", []),
    ("bench_column_fit", []),
    ("bench_gui_stall", []),
)


def main() -> int:
    failed = []
    for name, args in BENCHMARKS:
        print(f"\n=== {name} {' '.join(args)}", flush=True)
        if subprocess.call([sys.executable, "-m", f"benchmarks.{name}", *args]) != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
