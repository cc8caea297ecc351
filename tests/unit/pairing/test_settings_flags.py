"""`pairing solve`'s setting options come from pairing/schema.py (issue 8): BRIEF's names, help in the
command's language, the schema's bounds, and the changes a run saves."""

from __future__ import annotations

import argparse

import pytest

from pairing.cli import argparse_language, build_parser, settings_flags
from pairing.schema import pairing_settings, run_items


def _parse(*argv: str, lang: str = "en") -> argparse.Namespace:
    with argparse_language(lang):
        return build_parser(lang).parse_args(["solve", "--db", "p.pairing", *argv])


def test_every_pairing_setting_is_an_option_with_brief_names_kept():
    parser = build_parser("en")
    solve = parser._subparsers._group_actions[0].choices["solve"]
    flags = {flag for action in solve._actions for flag in action.option_strings}
    assert {"--time-limit", "--fair", "--instructors", "--no-meeting"} <= flags
    assert {"--no-avoid-same-organization", "--stability-threshold"} <= flags
    names = {s.name for s in pairing_settings()}
    assert {a.dest for a in solve._actions} >= names - {"instructors_min", "instructors_max"} | {"instructors"}
    assert len(run_items()) == len(pairing_settings()) - 1  # the two instructor bounds are one range


def test_options_give_the_changes_a_run_saves_and_nothing_else():
    assert all(v is None for v in settings_flags.changes(_parse()).values())
    changes = settings_flags.changes(_parse("--fair", "--no-meeting", "--instructors", "2-3", "--time-limit", "4",
                                            "--stability-threshold", "12.5", "--no-avoid-same-organization",
                                            "--distinct-mentor-slots"))
    assert changes == {"instructors_min": 2, "instructors_max": 3, "require_meeting": False,
                       "avoid_same_organization": False, "fairness": True, "time_limit_s": 4.0,
                       "stability_threshold": 12.5, "distinct_mentor_slots": True}


@pytest.mark.parametrize("lang, words", [("en", "must be between 0 and 100"), ("zh", "应在 0 到 100 之间")])
def test_values_are_checked_against_the_schema_in_the_command_language(capsys, lang, words):
    with pytest.raises(SystemExit):
        _parse("--stability-threshold", "500", lang=lang)
    assert words in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _parse("--time-limit", "soon", lang=lang)
    assert ("takes a number" if lang == "en" else "应为数字") in capsys.readouterr().err
