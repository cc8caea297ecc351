"""Import of a 10,000-person bilingual roster into a new program, next to csv-module reading of the same file."""

from __future__ import annotations

import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pairing.importer import apply_import, import_roster, map_columns, parse_roster, plan_import, read_table
from pairing.importer.service import program_vocabulary
from pairing.storage import open_program, repo

PEOPLE = 10_000
TARGET_S = 2.0
HEADER = ["id", "name", "role", "email", "phone", "organization", "genres", "skills", "needs", "availability",
          "capacity", "languages", "prefers", "avoid", "notes"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗"
GIVEN = ["思远", "晓雨", "一帆", "沐阳", "雨桐", "浩然", "子轩", "嘉欣", "天宇", "星辰", "梓涵", "晓萌", "文静", "建华"]
FIRST = ["Maya", "Arjun", "Sofia", "Kenji", "Tom", "Amara", "Priya", "Chloé", "Grace", "Daniel", "Elena", "Lin"]
LAST = ["Okafor", "Mehta", "Reyes", "Watanabe", "Hartley", "Diallo", "Nair", "Martin", "Kim", "Osei", "Petrova"]
ORGS = ["北影青年工作室", "Silver Reed Films", "上海青年影像工作室", "Northlight Documentary Lab", "星河视效",
        "Harbour Lane Productions", "中传影视创作中心", "Atelier Lumière", "Independent", "岭南影像社"]
GENRES = ["drama", "剧情", "sci-fi", "science fiction", "科幻", "documentary", "纪录片", "comedy", "喜剧", "thriller",
          "悬疑", "horror", "animation", "coming-of-age", "青春", "wuxia", "romance", "crime", "experimental"]
SKILLS = ["cinematography", "剪辑", "editing", "vfx", "sound", "声音", "DI grading", "调色", "acting", "表演",
          "screenwriting", "编剧", "producing", "制片", "music", "production design", "pitching"]
SLOTS = ["Mon-Fri PM", "周二 晚上", "Sat", "any", "周一至周五 上午", "星期三下午", "Tuesday PM", "Thu-Sun EVE",
         "Mon AM", "周六", "Wed-Fri EVE", "Sun PM"]
LANGS = ["普通话", "English", "Mandarin", "粤语", "French", "Japanese"]


ROLES = ("director", "producer", "instructor")
PREFIX = {"director": "D", "producer": "P", "instructor": "I"}


def person_row(rng: random.Random, n: int, role: str, ids: dict[str, list[str]]) -> list[str]:
    chinese = rng.random() < 0.5
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) if chinese else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    mentor = role != "director"
    skills = ";".join(f"{s}:{rng.randint(1, 5)}" for s in rng.sample(SKILLS, 3)) if mentor else ""
    needs = "" if mentor else "、".join(rng.sample(SKILLS, 3))
    others = ids["director"] if mentor else ids["producer"] + ids["instructor"]
    return [
        f"{PREFIX[role]}{n:05d}", name, role, f"person{n}@example.org",
        f"+86 138 {n:04d} {n % 9973:04d}", rng.choice(ORGS), "；".join(rng.sample(GENRES, 2)), skills, needs,
        "; ".join(rng.sample(SLOTS, 2)), str(rng.randint(2, 5)) if mentor else "", ";".join(rng.sample(LANGS, 2)),
        ";".join(rng.sample(others, 2)) if rng.random() < 0.2 else "",
        rng.choice(others) if rng.random() < 0.05 else "",
        "报名表备注：希望在周末见面" if rng.random() < 0.2 else "",
    ]


def write_roster(path: Path) -> None:
    """A reproducible roster: 60 % directors, 10 % producers, 30 % instructors; ids D00000, P00001 …"""
    rng = random.Random(20260302)
    roles = rng.choices(ROLES, weights=[6, 1, 3], k=PEOPLE)
    ids: dict[str, list[str]] = {role: [] for role in ROLES}
    for n, role in enumerate(roles):
        ids[role].append(f"{PREFIX[role]}{n:05d}")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(person_row(rng, n, role, ids) for n, role in enumerate(roles))


def time_csv_module(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    elapsed = time.perf_counter() - start
    assert len(rows) == PEOPLE + 1
    return elapsed


def time_import(path: Path, folder: Path, run: int) -> tuple[float, int]:
    """Wall time of a whole import into a new program: open (create + migrate), read, parse, plan, write."""
    start = time.perf_counter()
    store = open_program(folder / f"bench{run}.pairing")
    try:
        with store.sessions.begin() as session:
            plan = import_roster(session, path)
    finally:
        store.close()
    elapsed = time.perf_counter() - start
    assert not plan.errors, plan.errors[:3]
    return elapsed, len(plan.added)


def time_reimport(path: Path, folder: Path) -> tuple[float, int]:
    """The same file imported again into the program that already holds it: every person unchanged."""
    store = open_program(folder / "bench0.pairing")
    try:
        start = time.perf_counter()
        with store.sessions.begin() as session:
            plan = import_roster(session, path)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    assert not plan.added and not plan.updated
    return elapsed, len(plan.unchanged)


def time_stages(path: Path, folder: Path) -> dict[str, float]:
    """The same import step by step through the public API, to see where the time goes."""
    marks = [("start", time.perf_counter())]
    store = open_program(folder / "stages.pairing")
    marks.append(("create program (Alembic migrations)", time.perf_counter()))
    try:
        with store.sessions.begin() as session:
            raw = read_table(path)
            marks.append(("read_table (detect, decode, csv)", time.perf_counter()))
            parsed = parse_roster(raw, map_columns(raw.header), repo.get_settings(session),
                                  repo.list_people(session), program_vocabulary(session))
            marks.append(("map_columns + parse_roster", time.perf_counter()))
            plan = plan_import(session, parsed)
            marks.append(("plan_import", time.perf_counter()))
            apply_import(session, plan)
        marks.append(("apply_import + commit (bulk insert)", time.perf_counter()))
    finally:
        store.close()
    return {name: end - marks[i][1] for i, (name, end) in enumerate(marks[1:])}


def main(repeats: int = 3) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "roster10k.csv"
        write_roster(path)
        csv_times = [time_csv_module(path) for _ in range(repeats)]
        import_times = []
        for run in range(repeats):
            elapsed, added = time_import(path, folder, run)
            import_times.append(elapsed)
        report(path, added, statistics.median(csv_times), statistics.median(import_times), min(import_times))
        for stage, seconds in time_stages(path, folder).items():
            print(f"  {stage:<42}{seconds:>10.3f}")
        again, unchanged = time_reimport(path, folder)
        print(f"{'same file again (' + str(unchanged) + ' unchanged)':<44}{again:>10.3f}{again / statistics.median(csv_times):>10.1f}")
        return 0 if statistics.median(import_times) <= TARGET_S else 1


def report(path: Path, added: int, csv_s: float, import_s: float, best_s: float) -> None:
    size_mb = path.stat().st_size / 1e6
    print(f"roster: {PEOPLE} people, {size_mb:.1f} MB, UTF-8 CSV (median of runs)")
    print(f"{'what':<44}{'seconds':>10}{'ratio':>10}")
    print(f"{'csv module alone: read every row':<44}{csv_s:>10.3f}{1.0:>10.1f}")
    print(f"{'import into a new program (median)':<44}{import_s:>10.3f}{import_s / csv_s:>10.1f}")
    print(f"{'import into a new program (best)':<44}{best_s:>10.3f}{best_s / csv_s:>10.1f}")
    verdict = "meets" if import_s <= TARGET_S else "MISSES"
    print(f"{added} people added; {verdict} the target of {TARGET_S:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
