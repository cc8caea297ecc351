"""`pairing program`: show the program's properties, or set those given (issue 10, BRIEF)."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from pairing.calendar import (
    parse_cadence, parse_kind, parse_language, parse_meeting_minutes, parse_name, parse_role_name,
    parse_start, parse_time_zone, parse_weeks,
)
from pairing.domain import ProgramProperties, template_roles
from pairing.actions import properties as program_properties
from pairing.cli import add_command, command_renderer
from pairing.storage import open_program
from pairing.words import Renderer, msg


def add_parser(sub, h) -> None:
    """`h(code)`: a help text from the catalogue in the command's language."""
    cmd = add_command(sub, "program", json=True)
    cmd.add_argument("--name", help=h("cli.help_program_name"))
    cmd.add_argument("--start", metavar="YYYY-MM-DD", help=h("cli.help_program_start"))
    cmd.add_argument("--weeks", metavar="N", help=h("cli.help_program_weeks"))
    cmd.add_argument("--cadence", metavar="once|weekly|fortnightly|monthly", help=h("cli.help_program_cadence"))
    cmd.add_argument("--meeting-minutes", metavar="N", help=h("cli.help_program_minutes"))
    cmd.add_argument("--kind", metavar="talent|screenwriting|action|blank", help=h("cli.help_program_kind"))
    cmd.add_argument("--role", action="append", default=[], metavar="ROLE=ENGLISH/中文",
                     help=h("cli.help_program_role"))
    cmd.add_argument("--language", metavar="en|zh", help=h("cli.help_program_language"))
    cmd.add_argument("--time-zone", metavar="ZONE", help=h("cli.help_program_zone"))


def run(args: argparse.Namespace) -> int:
    store = open_program(args.db, create=False)
    try:
        with store.sessions.begin() as session:
            before = program_properties.properties(session)
            command_renderer(args, properties=before)  # a refusal is said in it
            after = changed_properties(before, args)
            if after != before:
                program_properties.save_properties(session, after)
    finally:
        store.close()
    renderer = command_renderer(args, properties=after)
    print(json.dumps(after.to_json(), ensure_ascii=False, indent=2) if args.json else report(after, renderer))
    return 0


def changed_properties(properties: ProgramProperties, args: argparse.Namespace) -> ProgramProperties:
    """The properties with every option given on the command line, each checked (UserError naming the value)."""
    changes = {}
    parsers = (("name", "name", parse_name), ("start", "start", parse_start), ("weeks", "weeks", parse_weeks),
               ("cadence", "cadence", parse_cadence), ("meeting_minutes", "meeting_minutes", parse_meeting_minutes),
               ("language", "language", parse_language), ("time_zone", "time_zone", parse_time_zone))
    for option, field, parse in parsers:
        value = getattr(args, option)
        if value is not None:
            changes[field] = parse(value)
    if args.kind is not None:
        changes["kind"] = parse_kind(args.kind)
        changes["roles"] = template_roles(changes["kind"])
    if args.role:
        roles = {role: (en, zh) for role, en, zh in changes.get("roles", properties.roles)}
        roles.update({role: (en, zh) for role, en, zh in map(parse_role_name, args.role)})
        changes["roles"] = tuple((role, en, zh) for role, (en, zh) in roles.items())
    return replace(properties, **changes)


def report(properties: ProgramProperties, renderer: Renderer) -> str:
    """The properties as lines of text in the renderer's language."""
    p = properties
    say = renderer.sentence
    start = say(msg("program.start", value=p.start.isoformat())) if p.start else say(msg("program.no_start"))
    lines = [
        say(msg("program.name", value=p.name)),
        say(msg("program.kind", value=say(msg(f"program.kind_{p.kind}")))),
        start,
        say(msg("program.weeks", value=p.weeks)),
        say(msg("program.cadence", value=say(msg(f"program.cadence_{p.cadence}")), minutes=p.meeting_minutes,
                count=p.meetings_per_team)),
        say(msg("program.language", value=say(msg(f"program.language_{p.language}")))),
        say(msg("program.time_zone", value=p.time_zone)),
        say(msg("program.roles")),
    ]
    return "\n".join(lines)
