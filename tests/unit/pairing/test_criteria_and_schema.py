"""Concepts declared once (issue 8): the criteria registry and the settings schema, and what derives from them."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import fields, replace

import numpy as np
import pytest

from pairing.criteria import KEYS, PAIR_KEYS, REGISTRY, TEAM_KEYS, ordered
from pairing.domain import CRITERIA, Settings, Weights
from pairing.schema import SETTINGS, WEIGHT_DEFAULTS, setting
from pairing.storage import repo
from pairing.storage.convert import settings_from_json, settings_to_json
from pairing.storage.models import ProgramRow
from pairing.words import entries


@pytest.mark.parametrize("criterion", REGISTRY, ids=lambda c: c.key)
def test_every_criterion_has_a_name_and_help_in_both_languages_and_a_scorer(criterion):
    assert {f"criteria.{criterion.key}", f"criteria.{criterion.key}_help"} <= set(entries())
    assert criterion.name("en") and criterion.name("zh") != criterion.name("en")
    module, _, function = criterion.scorer.partition(":")
    assert callable(getattr(importlib.import_module(module), function))


def test_weights_and_the_engine_criteria_derive_from_the_registry():
    from pairing.engine.edit import PAIR_CRITERIA
    from pairing.engine.instance import BASE_CRITERIA

    assert tuple(f.name for f in fields(Weights)) == KEYS == CRITERIA
    assert Weights().as_dict() == WEIGHT_DEFAULTS
    assert BASE_CRITERIA == TEAM_KEYS and "stability" not in TEAM_KEYS
    assert PAIR_CRITERIA == PAIR_KEYS and "load" not in PAIR_KEYS
    assert ordered(["x", "load", "genre"]) == ["genre", "load", "x"]


def test_one_name_per_criterion_in_the_sheets():
    from pairing.exports.labels import criterion_text

    assert [criterion_text(k, "en") for k in KEYS] == [c.name("en") for c in REGISTRY]
    assert criterion_text("genre", "en") == "Shared genres" and criterion_text("genre", "zh") == "共同类型"


def test_every_setting_is_in_the_schema_with_its_default_and_stored_in_a_column():
    names = [f.name for f in fields(Settings) if f.name != "weights"]
    assert names == [s.name for s in SETTINGS]
    assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS)
    assert all(hasattr(ProgramRow, s.name) for s in SETTINGS)
    assert all(s.title("zh") != s.title("en") and s.description("en") for s in SETTINGS)


def test_settings_survive_storage_and_the_json_of_a_run(session):
    changed = replace(Settings(), name="科幻训练营", calendar=("Mon AM", "Sat PM"), start_date=dt.date(2027, 3, 1),
                      instructors_min=2, instructors_max=3, require_meeting=False, fairness=True, time_limit_s=2.5,
                      stability_threshold=7.0, weights=replace(Weights(), genre=0.5, load=0.0))
    assert settings_from_json(settings_to_json(changed)) == changed
    repo.save_settings(session, changed)
    assert repo.get_settings(session) == changed


def test_an_older_run_without_a_setting_or_weight_gets_its_default():
    old = {"name": "old", "weights": {"genre": 2.0, "retired": 9.0}}
    settings = settings_from_json(old)
    assert settings.name == "old" and settings.weights.genre == 2.0 and settings.weights.needs == 4.0
    assert settings.instructors_max == setting("instructors_max").default


def test_bounds_are_checked_and_said_in_both_languages():
    from pairing.words import render

    problem = setting("time_limit_s").problem(0.01)
    assert render(problem) == "Time limit (s) must be between 0.1 and 3600; 0.01 is not"
    assert render(problem, "zh") == "时间限制（秒）应在 0.1 到 3600 之间，0.01 不符合"
    assert setting("time_limit_s").problem(10) is None and setting("name").problem("x") is None


def test_the_settings_a_run_depends_on_come_from_the_schema():
    """A change of any of these makes a run out of date (the window's banner); the search budget and the
    program's name and dates do not."""
    from pairing.schema import team_deciding

    assert set(team_deciding()) == {"instructors_min", "instructors_max", "require_meeting", "weights",
                                    "avoid_same_organization", "fairness", "calendar", "stability_threshold",
                                    "distinct_mentor_slots"}


@pytest.mark.parametrize("criterion", [c for c in REGISTRY if c.scope == "pair"], ids=lambda c: c.key)
def test_a_pair_criterion_has_the_same_values_in_blocks_as_pair_by_pair(criterion):
    """What the solvers optimise (`Criterion.block`, PairBlock.linear) is what a team's score counts."""
    from pairing.domain import Program, RunResult, RunStatus, Team
    from pairing.engine import SolveOptions
    from pairing.engine.instance import compile_program, pair_block
    from pairing.engine.scoring import scorer
    from pairing.synthetic import synthetic_program

    program = synthetic_program(30, seed=3)
    directors, producers = program.directors, program.producers
    previous = RunResult(RunStatus.FEASIBLE, teams=tuple(Team(d.id, p.id) for d, p in zip(directors, producers)))
    program = Program(settings=program.settings, people=program.people, previous=previous)
    inst = compile_program(program, SolveOptions.from_settings(program.settings))
    assert criterion.block, "a pair criterion names its block scorer (docs/architecture.md)"
    rows = np.arange(3, 17)
    block = pair_block(inst, rows).value(criterion.key)
    value = scorer(criterion.scorer)
    for r, d in enumerate(rows):
        expected = [value(inst, int(d), m) for m in range(inst.n_mentors)]
        expected = [got[criterion.key] if isinstance(got, dict) else got for got in expected]
        assert block[r] == pytest.approx(expected, abs=1e-3)
    assert block.any()  # the program exercises it
