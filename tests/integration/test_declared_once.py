"""Adding a criterion is one registry entry, its two catalogue lines and its scorer; a pairing setting added to
the schema is a `solve` option, a control of the settings panel and an option of the engine (issue 8, concepts
declared once).

Each test copies the program's source to a temporary directory, makes only the additions a developer would
make, and runs the copy in a fresh interpreter: the command line, the sheets, the storage and the window's
panels must pick the new concept up with no other change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "roster.csv"


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pairing", "ui", "resources"):
        shutil.copytree(ROOT / name, copy / name, ignore=ignore)
    shutil.copy(ROOT / "main.py", copy / "main.py")
    return copy


def _add(path: Path, before: str, text: str) -> None:
    """Insert `text` before the first `before` of a file (the one edit a developer makes there)."""
    source = path.read_text(encoding="utf-8")
    assert before in source, f"{path.name} changed: find the place for the new declaration again"
    path.write_text(source.replace(before, text + before, 1), encoding="utf-8")


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(copy), "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True,
                          timeout=600)


def _main(copy: Path, *args: str) -> subprocess.CompletedProcess:
    done = _run(copy, "main.py", *args)
    assert done.returncode in (0, 1), done.stderr
    return done


# -- a criterion ---------------------------------------------------------------------------------------------

SCORER = '''"""Experience: a mentor who can teach several skills (a criterion added by the test)."""

from pairing.engine.instance import Instance


def experience_value(inst: Instance, d: int, m: int) -> float:
    return 100.0 if len(inst.mentors[m].skills) >= 2 else 0.0
'''

PANELS = '''
import sys
from PySide6.QtWidgets import QApplication
from ui.i18n import set_interface_language
from ui.pairing_settings import SettingsPanel
from ui.preferences import PreferencesDialog
from ui.settings_store import SettingsStore
from ui.team_detail import BreakdownBars

app = QApplication([])
set_interface_language(sys.argv[1])
panel = SettingsPanel()
label = panel.sliders["experience"].accessibleName()
dialog = PreferencesDialog(SettingsStore.at(sys.argv[2]))
bars = BreakdownBars()
bars.set_breakdown({"genre": 10.0, "experience": 4.0})
print(label)
print(dialog.weight_spins["experience"].accessibleName())
print(bars.accessibleDescription())
'''


def _with_experience(tmp_path: Path) -> Path:
    copy = _copy(tmp_path)
    _add(copy / "pairing" / "criteria.py", ")\n\nKEYS",
         '    Criterion("experience", 2.0, "pairing.engine.experience:experience_value"),\n')
    _add(copy / "pairing" / "words" / "catalogue" / "criteria.py", '    "criteria.weight_effect"',
         '    "criteria.experience": ("Experience", "经验"),\n'
         '    "criteria.experience_help": ("the {mentors} teach several skills", "{mentor}能教多项技能"),\n')
    (copy / "pairing" / "engine" / "experience.py").write_text(SCORER, encoding="utf-8")
    return copy


def test_a_criterion_added_to_the_registry_reaches_the_engine_cli_sheets_storage_and_window(tmp_path):
    copy = _with_experience(tmp_path)
    db = tmp_path / "p.pairing"
    _main(copy, "import", str(SAMPLE), "--db", str(db))
    solved = json.loads(_main(copy, "solve", "--db", str(db), "--json", "--time-limit", "3", "--seed", "1").stdout)
    team = solved["teams"][0]
    assert "experience" in team["breakdown"]
    assert abs(sum(team["breakdown"].values()) - team["score"]) < 1e-3  # the JSON rounds to 4 places

    sheet = tmp_path / "teams.xlsx"
    _main(copy, "export", "--db", str(db), "--format", "xlsx", "-o", str(sheet), "--lang", "zh")
    matrix = tmp_path / "matrix.csv"
    _main(copy, "export", "--db", str(db), "--format", "matrix", "-o", str(matrix))
    read = _run(copy, "-c", textwrap.dedent(f"""
        from openpyxl import load_workbook
        from pairing.actions import reading
        from pairing.actions.program import open_program
        book = load_workbook({str(sheet)!r})
        print([row[0] for row in book.worksheets[-1].iter_rows(values_only=True)])
        store = open_program({str(db)!r}, create=False)
        with store.sessions() as session:
            print(reading.settings(session).weights.experience)
        store.close()
    """))
    assert read.returncode == 0, read.stderr
    settings_tab, stored = read.stdout.splitlines()
    assert "权重：经验" in settings_tab
    assert float(stored) == 2.0
    assert matrix.read_text(encoding="utf-8-sig").count("\n") == 1 + 24  # a header and every director

    for lang, words in (("en", ("Weight: Experience", "Experience", "Experience 4.0")),
                        ("zh_CN", ("经验", "经验", "经验 4.0"))):
        shown = _run(copy, "-c", PANELS, lang, str(tmp_path / f"{lang}.ini"))
        assert shown.returncode == 0, shown.stderr
        slider, spin, bars = shown.stdout.splitlines()
        assert words[0] in slider and spin == words[1] and words[2] in bars


# -- a setting -------------------------------------------------------------------------------------------------

def _with_quiet_hours(tmp_path: Path) -> Path:
    copy = _copy(tmp_path)
    _add(copy / "pairing" / "schema.py", ")\nRANGES", '    Setting("quiet_hours", bool, False),\n')
    _add(copy / "pairing" / "domain.py", "    weights: Weights = Weights()",
         '    quiet_hours: bool = default("quiet_hours")\n')
    _add(copy / "pairing" / "words" / "catalogue" / "settings.py", '    "settings.weights"',
         '    "settings.quiet_hours": ("No evening meetings", "晚上不开会"),\n'
         '    "settings.quiet_hours_help": ("teams never meet in the evening", "小组不在晚上见面"),\n')
    return copy


def test_a_setting_added_to_the_schema_is_a_solve_option_and_a_control_of_the_panel(tmp_path):
    copy = _with_quiet_hours(tmp_path)
    english = _main(copy, "solve", "--help", "--lang", "en").stdout
    chinese = _main(copy, "solve", "--help", "--lang", "zh").stdout
    assert "--quiet-hours" in english and "No evening meetings" in english
    assert "--quiet-hours" in chinese and "晚上不开会" in chinese and "No evening" not in chinese
    for flag in ("--time-limit", "--fair", "--instructors", "--no-meeting"):  # BRIEF's options stay
        assert flag in english
    shown = _run(copy, "-c", textwrap.dedent("""
        from PySide6.QtWidgets import QApplication
        from pairing.cli import build_parser, settings_flags
        from pairing.domain import Settings
        from pairing.engine import SolveOptions
        from ui.i18n import set_interface_language
        from ui.pairing_settings import SettingsPanel

        args = build_parser().parse_args(["solve", "--db", "x.pairing", "--quiet-hours", "--instructors", "2-3"])
        print(settings_flags.changes(args))
        print(SolveOptions.from_settings(Settings(quiet_hours=True)).quiet_hours, SolveOptions().quiet_hours)
        app = QApplication([])
        set_interface_language("zh_CN")
        panel = SettingsPanel()
        box = panel.controls["quiet_hours"]
        box.setChecked(True)
        print(box.text(), panel.settings().quiet_hours)
    """))
    assert shown.returncode == 0, shown.stderr
    changes, engine, control = shown.stdout.splitlines()
    assert "'quiet_hours': True" in changes and "'instructors_min': 2" in changes
    assert engine == "True False"  # the engine's options have it, with the schema's default
    assert control.startswith("晚上不开会") and control.endswith("True")


# -- a pair criterion the solvers optimise -------------------------------------------------------------------

RAPPORT = '''"""Rapport: a made-up pair criterion (added by the test), one value per director–mentor pair."""

import numpy as np

from pairing.engine.instance import Instance, PairBlock


def rapport_value(inst: Instance, d: int, m: int) -> float:
    return float((3 * d + 5 * m + d * m) % 7 * 100 // 6)


def rapport_block(block: PairBlock) -> np.ndarray:
    d, m = block.rows[:, None], np.arange(block.inst.n_mentors)[None, :]
    return ((3 * d + 5 * m + d * m) % 7 * 100 // 6).astype(np.float32)
'''

OPTIMISED = '''
import itertools
from pairing.domain import Person, Program, Role, Settings, Weights
from pairing.engine import SolveOptions, solve
from pairing.engine.instance import compile_program, pair_block
from pairing.engine.scoring import team_values, weighted

GENRES = ("drama", "comedy", "documentary", "animation")
people = [Person(id=f"D{k}", name=f"D{k}", role=Role.DIRECTOR, genres=(GENRES[k],), availability=("Mon AM",))
          for k in range(4)]
people += [Person(id=f"P{k}", name=f"P{k}", role=Role.PRODUCER, genres=(GENRES[k],), availability=("Mon AM",),
                  capacity=1) for k in range(4)]


def solved(rapport):
    zero = {key: 0.0 for key in Weights().as_dict()}
    settings = Settings(weights=Weights(**{**zero, "genre": 1.0, "rapport": rapport}), instructors_min=0,
                        instructors_max=0, require_meeting=False)
    program = Program(settings=settings, people=tuple(people))
    options = SolveOptions.from_settings(settings, time_limit_s=5, workers=1)
    inst = compile_program(program, options)
    value = lambda d, m: sum(weighted(inst, team_values(inst, d, [m])).values())
    best = max(itertools.permutations(range(4)), key=lambda ms: sum(value(d, m) for d, m in enumerate(ms)))
    linear = pair_block(inst, list(range(4))).linear(inst)
    exact = all(abs(linear[d, m] - value(d, m)) < 1e-4 for d in range(4) for m in range(4))
    result = solve(program, options)
    teams = {t.director: t.producer for t in result.teams}
    return teams, {f"D{d}": f"P{m}" for d, m in enumerate(best)}, exact


without, _, _ = solved(0.0)
teams, brute_force, exact = solved(10.0)
print(without == {f"D{k}": f"P{k}" for k in range(4)}, teams == brute_force, teams != without, exact)
'''


def test_a_pair_criterion_added_to_the_registry_is_optimised_by_the_solvers(tmp_path):
    """A pair criterion with a block scorer is part of what the exact paths optimise (PairBlock.linear): the
    teams follow it as exhaustive search over every assignment does, away from the teams without it."""
    copy = _copy(tmp_path)
    _add(copy / "pairing" / "criteria.py", ")\n\nKEYS",
         '    Criterion("rapport", 2.0, "pairing.engine.rapport:rapport_value",\n'
         '              block="pairing.engine.rapport:rapport_block"),\n')
    _add(copy / "pairing" / "words" / "catalogue" / "criteria.py", '    "criteria.weight_effect"',
         '    "criteria.rapport": ("Rapport", "默契"),\n'
         '    "criteria.rapport_help": ("the {director} and the {mentor} get on", "{director}与{mentor}合得来"),\n')
    (copy / "pairing" / "engine" / "rapport.py").write_text(RAPPORT, encoding="utf-8")
    done = _run(copy, "-c", OPTIMISED)
    assert done.returncode == 0, done.stderr
    by_genre, like_brute_force, changed, in_linear = done.stdout.split()
    assert by_genre == "True"  # without rapport, each director with the producer of its genre
    assert in_linear == "True"  # the solvers' pair values hold rapport, weighted as in a team's score
    assert like_brute_force == "True" and changed == "True"
