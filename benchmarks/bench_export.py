"""Exporting 2,000 teams as CSV, XLSX and PDF, next to writing the same rows with the csv module alone.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_export [--teams 2000] [--runs 3] [--lang zh]
Targets (issue 4): CSV and XLSX ≤ 2 s, PDF ≤ 10 s, each from the program as read from its file (the
sheet model, reasons in the chosen language, formatting and the atomic write included). The baseline,
measured in the same run, is csv.writer writing the CSV sheet's rows, already built, to a file.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pairing.domain import Settings  # noqa: E402
from pairing.exports import ExportOptions, load_export_data, write_export  # noqa: E402
from pairing.exports.csv_sheet import rows  # noqa: E402
from pairing.exports.service import sheet_of  # noqa: E402
from pairing.exports.synthetic import synthetic_people, synthetic_result  # noqa: E402
from pairing.storage import open_program, repo  # noqa: E402
from ui.pdf_renderer import QtPdfRenderer  # noqa: E402

TARGETS = {"csv": 2.0, "xlsx": 2.0, "pdf": 10.0}


def make_program(path: Path, teams: int) -> None:
    store = open_program(path)
    try:
        with store.sessions.begin() as session:
            people = synthetic_people(teams)
            settings = Settings(name=f"Benchmark program ({teams} teams)")
            repo.save_settings(session, settings)
            repo.add_people(session, people)
            repo.save_run(session, settings, synthetic_result(people))
    finally:
        store.close()


def timed(action, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of `runs` calls (the machine may be shared: CPU time
    shows what the export itself costs)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def baseline(data, options: ExportOptions, folder: Path, runs: int) -> float:
    """csv.writer alone writing the CSV sheet's rows (built beforehand)."""
    table = list(rows(sheet_of(data, options)))

    def write() -> None:
        with open(folder / "baseline.csv", "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(table)

    return timed(write, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="zh", choices=("en", "zh"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_program(folder / "bench.pairing", args.teams)
        store = open_program(folder / "bench.pairing")
        start = time.perf_counter()
        with store.sessions() as session:
            data = load_export_data(session)
        read_s = time.perf_counter() - start
        store.close()
        options = ExportOptions(lang=args.lang)
        renderer = QtPdfRenderer()
        base = baseline(data, options, folder, args.runs)
        results = {fmt: timed(lambda fmt=fmt: write_export(data, fmt, folder / f"teams.{fmt}", options,
                                                           pdf_renderer=renderer), args.runs)
                   for fmt in TARGETS}
    print(f"Export of {args.teams} teams, lang={args.lang}, median of {args.runs} runs "
          f"(reading the program and run from its file: {read_s:.2f} s, not included)")
    print(f"{'what':<28}{'wall s':>9}{'cpu s':>9}{'target':>9}{'× csv module':>14}  ok")
    print(f"{'csv module alone (baseline)':<28}{base[0]:>9.3f}{base[1]:>9.3f}{'':>9}{1.0:>14.1f}")
    for fmt, (wall, cpu) in results.items():
        ok = "yes" if wall <= TARGETS[fmt] else "NO"
        print(f"{fmt.upper() + ' export':<28}{wall:>9.3f}{cpu:>9.3f}{TARGETS[fmt]:>9.1f}{wall / base[0]:>14.1f}  {ok}")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
