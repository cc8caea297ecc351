"""The options of `pairing solve` that change a program setting for one run, made from pairing/schema.py.

Each pairing setting (`Setting.per_run`) is one option, named by `Setting.option()` (BRIEF's names:
`--time-limit S`, `--fair`, `--no-meeting`); a range of two settings (`schema.RANGES`) is one `MIN-MAX`
option (`--instructors 1-2`). Help texts are the settings' descriptions in the command's language, values
are checked against the schema's bounds, and `changes(args)` gives the settings the run changes. A setting
added to the schema is an option here with no code of its own (issue 8).
"""

from __future__ import annotations

import argparse
from typing import Any, Callable

from pairing.schema import Range, Setting, run_items, setting
from pairing.words import Renderer, msg


def add_arguments(parser: argparse.ArgumentParser, say: Renderer) -> None:
    """Add an option for every pairing setting and range, with help in the renderer's language."""
    for item in run_items():
        if isinstance(item, Range):
            parser.add_argument(item.flag, dest=item.name, type=_range_value(item, say), metavar="MIN-MAX",
                                help=item.description(say.lang))
        elif item.type is bool:
            parser.add_argument(item.option(), dest=item.name, action="store_const", const=not item.default,
                                default=None, help=say(_switch_help(item)))
        else:
            parser.add_argument(item.option(), dest=item.name, type=_value(item, say),
                                metavar=item.metavar or ("N" if item.type is int else "X"),
                                help=item.description(say.lang))


def _switch_help(item: Setting):
    """A switch turns its setting off (or on) for this run: "turn off for this run: Team must share…"."""
    code = "cli.help_switch_off" if item.default else "cli.help_switch_on"
    return msg(code, setting=msg(f"settings.{item.name}"), help=msg(f"settings.{item.name}_help"))


def changes(args: argparse.Namespace) -> dict[str, Any]:
    """The settings the command line changes for this run (None: not given), saved with the run."""
    values: dict[str, Any] = {}
    for item in run_items():
        given = getattr(args, item.name, None)
        if isinstance(item, Range):
            values[item.low], values[item.high] = given if given is not None else (None, None)
        else:
            values[item.name] = given
    return values


def _value(item: Setting, say: Renderer) -> Callable[[str], Any]:
    def value(text: str) -> Any:
        try:
            number = item.type(text)
        except ValueError:
            code = "cli.expected_whole_number" if item.type is int else "cli.expected_number"
            raise argparse.ArgumentTypeError(say(msg(code, setting=msg(f"settings.{item.name}"),
                                                     text=repr(text)))) from None
        problem = item.problem(number)
        if problem:
            raise argparse.ArgumentTypeError(say(problem))
        return number

    value.__name__ = item.name  # argparse names the type in its own "invalid value" sentence
    return value


def _range_value(item: Range, say: Renderer) -> Callable[[str], tuple[int, int]]:
    def value(text: str) -> tuple[int, int]:
        """`1-2` → (1, 2); `2` → (2, 2)."""
        low, _, high = text.partition("-")
        try:
            low_n, high_n = int(low), int(high or low)
        except ValueError:
            raise argparse.ArgumentTypeError(say(msg("cli.expected_range", text=repr(text)))) from None
        if low_n < 0 or high_n < low_n:
            raise argparse.ArgumentTypeError(say(msg("cli.expected_order", text=repr(text))))
        problem = setting(item.low).problem(low_n) or setting(item.high).problem(high_n)
        if problem:
            raise argparse.ArgumentTypeError(say(problem))
        return low_n, high_n

    value.__name__ = item.name
    return value
