"""Scheduling 2,000 teams over 26 weeks (issue 10): time and peak memory of the CP-SAT schedule, as a
ratio to a baseline measured in the same run.

Run: nice .venv/bin/python -m benchmarks.bench_schedule [--teams 2000] [--weeks 26] [--cadence fortnightly]

The program is synthetic (`pairing.synthetic`), its teams formed the way a pairing forms them (a producer
and one or two instructors per director, within capacity, sharing a free slot where one exists). Each
measurement runs in its own process so that its peak resident memory is its own:

- `baseline`: a greedy first-fit scheduler (each team, in order, takes the first cell of each period in
  which nobody of the team is booked yet): the cheapest correct schedule, pure Python.
- `cpsat`: `pairing.schedule.service.make_schedule`, the product's scheduler.
- `idle`: the same process with the program built and nothing scheduled (memory floor).

Both schedules are checked by the test suite's independent checker (`tests/schedule_checks.py`); the
report gives meetings placed by each, wall and CPU seconds, peak RSS, and the ratios to the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

START = dt.date(2027, 3, 1)


def teams_of(program, seed: int = 0):
    from pairing.domain import Role, Team

    rng = random.Random(seed)
    load = defaultdict(int)
    teams = []
    for director in program.directors:
        chosen = []
        for pool, n in ((program.producers, 1), (program.instructors, rng.randint(1, 2))):
            free = set(director.availability)
            for m in chosen:
                free &= set(m.availability)
            open_ = [m for m in pool if load[m.id] < m.effective_capacity]
            fitting = [m for m in open_ if free & set(m.availability)] or open_
            for m in rng.sample(fitting, min(n, len(fitting))):
                load[m.id] += 1
                chosen.append(m)
        producer = next((m.id for m in chosen if m.role is Role.PRODUCER), None)
        teams.append(Team(director.id, producer, tuple(m.id for m in chosen if m.role is Role.INSTRUCTOR)))
    return tuple(teams)


def inputs(n_teams: int, weeks: int, cadence: str):
    from pairing.domain import Cadence, ProgramProperties, RunResult, RunStatus, SavedRun, Settings
    from pairing.synthetic import synthetic_program

    program = synthetic_program(n_teams, seed=1)
    properties = ProgramProperties(start=START, weeks=weeks, cadence=Cadence(cadence))
    run = SavedRun(1, dt.datetime(2027, 1, 1), Settings(), RunResult(RunStatus.FEASIBLE, teams=teams_of(program)))
    return program, properties, run


def greedy(program, properties, run):
    """First fit: the baseline."""
    from pairing.domain import Meeting, Schedule
    from pairing.schedule.frame import cell_times, cells_in_period, make_frame
    from pairing.schedule.service import team_slots

    frame = make_frame(properties, program.settings.calendar)
    people = program.by_id()
    busy = defaultdict(set)
    meetings = []
    for team in run.result.teams:
        slots = team_slots(team, people, tuple(program.settings.calendar))
        for period in range(frame.periods):
            for cell in cells_in_period(frame, period, slots.free):
                if not any(cell in busy[p] for p in slots.people):
                    for p in slots.people:
                        busy[p].add(cell)
                    start, end = cell_times(frame, *cell)
                    meetings.append(Meeting(team.director, period, cell[0], cell[1], start, end, slots.people))
                    break
    return Schedule(run.id, frame, tuple(meetings))


def measure(kind: str, n_teams: int, weeks: int, cadence: str, time_limit: float) -> dict:
    """One measurement in this process (called in a child process)."""
    program, properties, run = inputs(n_teams, weeks, cadence)
    wall, cpu = time.perf_counter(), time.process_time()
    meetings = short = 0
    if kind == "baseline":
        schedule = greedy(program, properties, run)
        meetings = len(schedule.meetings)
    elif kind == "cpsat":
        from pairing.schedule.service import make_schedule
        from pairing.schedule.solver import ScheduleOptions

        schedule = make_schedule(program, properties, run, options=ScheduleOptions(time_limit_s=time_limit))
        meetings, short = len(schedule.meetings), len(schedule.unscheduled)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the checker runs
    problems = None
    if kind != "idle":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from schedule_checks import problems as check

        found = check(schedule, program.by_id(), run.result.teams, start=START, weeks=weeks, cadence=cadence,
                      minutes=properties.meeting_minutes)
        problems = len([p for p in found if "explained short" not in p or kind == "cpsat"])
    return {"kind": kind, "wall_s": wall, "cpu_s": cpu, "peak_mib": peak_mib, "meetings": meetings,
            "short_teams": short, "rule_breaks": problems}


def child(kind: str, args) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_schedule", "--child", kind, "--teams", str(args.teams),
                          "--weeks", str(args.weeks), "--cadence", args.cadence, "--time-limit", str(args.time_limit)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--cadence", default="fortnightly")
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--child", choices=("idle", "baseline", "cpsat"))
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.teams, args.weeks, args.cadence, args.time_limit)))
        return 0
    results = {kind: child(kind, args) for kind in ("idle", "baseline", "cpsat")}
    base, ours, idle = results["baseline"], results["cpsat"], results["idle"]
    wanted = args.teams * {"once": 1, "weekly": args.weeks, "fortnightly": -(-args.weeks // 2),
                           "monthly": -(-args.weeks // 4)}[args.cadence]
    print(f"{args.teams} teams, {args.weeks} weeks, {args.cadence}: {wanted} meetings wanted")
    for kind in ("idle", "baseline", "cpsat"):
        r = results[kind]
        print(f"  {kind:9} wall {r['wall_s']:7.2f} s  cpu {r['cpu_s']:7.2f} s  peak {r['peak_mib']:7.1f} MiB  "
              f"meetings {r['meetings']:6d}  teams short {r['short_teams']:4d}")
    print(f"  ratio cpsat/baseline: wall {ours['wall_s'] / base['wall_s']:.1f}x, cpu {ours['cpu_s'] / base['cpu_s']:.1f}x, "
          f"peak memory {ours['peak_mib'] / base['peak_mib']:.2f}x (above the idle process: "
          f"{ours['peak_mib'] - idle['peak_mib']:.0f} MiB vs {base['peak_mib'] - idle['peak_mib']:.0f} MiB)")
    print(f"  meetings placed cpsat/baseline: {ours['meetings'] / max(base['meetings'], 1):.3f}; "
          f"rule breaks (independent checker): cpsat {ours['rule_breaks']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
