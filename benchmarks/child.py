"""Run one measurement in a fresh process, so that no run warms another and peak memory is its own: the
runner bench_solve and bench_engine share (`python -m benchmarks.<name> --child METHOD SIZE CONFIG LIMIT`)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys


def report(out: dict) -> None:
    """In the child: print the measurement as one line of JSON, with the process's peak memory plus the
    largest peak of the processes it started and waited for (the engine's pricing helper, price_pool): an
    upper bound on what the two held at once."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out["peak_mb"] = (own + helpers) / 1024
    print(json.dumps(out))


def measure(module: str, args: list[str], timeout: float) -> dict:
    """In the parent: run the child and read its measurement; {"failed": its last error line} if it failed."""
    done = subprocess.run([sys.executable, "-m", module, "--child", *args], capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return dict(failed=lines[-1] if lines else str(done.returncode))
    return json.loads(done.stdout.strip().splitlines()[-1])
