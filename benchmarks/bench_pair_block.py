"""The pair scores in blocks (`instance.pair_block` + `PairBlock.linear`, what the candidates, the pricing of
team columns and CP-SAT read) against another revision's, measured in the same run on the same program.

    .venv/bin/python -m benchmarks.bench_pair_block [--baseline main] [--size 2000] [--rounds 3]

The baseline is the revision's `pairing/` (`git archive`), imported from a temporary directory; each side runs
in its own fresh process (one BLAS thread), baseline and this tree alternating, `--rounds` times; the time of
a side is the CPU time (process time: less disturbed by other work on a shared machine than the wall clock)
of its fastest pass over every block of the program (`pairing.synthetic.synthetic_program(size, seed=1)`, program
defaults). "linear" is `pair_block(...).linear(inst)` for every block; "surrogate" adds the needs and
shared-slot arrays (`PairBlock.surrogate`). The checksum (the bytes of every block's linear values) must be
the same on both sides: the same numbers, not only the same time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSES = 7
THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")  # one thread: CPU time is the work


def child(size: int) -> None:
    from pairing.engine.instance import block_rows, compile_program, pair_block
    from pairing.engine.options import SolveOptions
    from pairing.synthetic import synthetic_program

    program = synthetic_program(size, seed=1)
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    rows = list(block_rows(inst))
    digest = hashlib.sha256()
    for r in rows:
        digest.update(pair_block(inst, r).linear(inst).tobytes())
    out = dict(checksum=digest.hexdigest(), mentors=inst.n_mentors, blocks=len(rows),
               source=str(Path(sys.modules["pairing"].__file__).parent.parent))
    for name, work in (("linear", lambda r: pair_block(inst, r).linear(inst)),
                       ("surrogate", lambda r: pair_block(inst, r).surrogate(inst, True))):
        best = float("inf")
        for _ in range(PASSES):
            start = time.process_time()
            for r in rows:
                work(r)
            best = min(best, time.process_time() - start)
        out[name] = best
    print(json.dumps(out))


def _baseline_tree(rev: str, into: Path) -> Path:
    archive = into / "baseline.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), rev, "pairing"], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def _measure(path: Path, size: int) -> dict:
    """One side's measurement: this file run as a script, so `pairing` is imported from `path` only."""
    env = {**os.environ, "PYTHONPATH": str(path), **dict.fromkeys(THREADS, "1")}
    done = subprocess.run([sys.executable, __file__, "--child", str(size)], cwd=path, env=env,
                          capture_output=True, text=True, timeout=1800, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", type=int)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = _baseline_tree(args.baseline, Path(tmp))
        runs = {"baseline": [], "this": []}
        for _ in range(args.rounds):
            runs["baseline"].append(_measure(base_tree, args.size))
            runs["this"].append(_measure(ROOT, args.size))
    same = {r["checksum"] for r in runs["baseline"] + runs["this"]}
    first = runs["this"][0]
    print(f"{args.size} directors × {first['mentors']} mentors, {first['blocks']} blocks; "
          f"baseline {args.baseline}; same numbers: {'yes' if len(same) == 1 else 'NO'}")
    print(f"  baseline imported from {runs['baseline'][0]['source']}, this tree from {first['source']}")
    for name in ("linear", "surrogate"):
        base = min(r[name] for r in runs["baseline"])
        this = min(r[name] for r in runs["this"])
        print(f"  {name:9s} baseline {base * 1000:8.1f} ms   this {this * 1000:8.1f} ms   ratio {this / base:.2f}")
    return 0 if len(same) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
