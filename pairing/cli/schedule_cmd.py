"""`pairing schedule`: place the latest run's meetings on real dates, save them with the run, print them."""

from __future__ import annotations

import argparse
import json

from pairing.calendar import DAYS, split_slot
from pairing.cli import add_command, command_renderer, interruptible
from pairing.actions import properties as program_properties
from pairing.actions import scheduling
from pairing.actions.scheduling import ScheduleInput
from pairing.domain import Schedule
from pairing.schedule.explain import display
from pairing.storage import open_program
from pairing.words import Message, Renderer, SlotRef, msg


def add_parser(sub, h) -> None:
    """`h(code)`: a help text from the catalogue in the command's language."""
    cmd = add_command(sub, "schedule", json=True)
    cmd.add_argument("--run", type=int, help=h("cli.help_run"))
    cmd.add_argument("--fresh", action="store_true", help=h("cli.help_schedule_fresh"))
    cmd.add_argument("--time-limit", type=float, default=20.0, metavar="S", help=h("cli.help_schedule_limit"))


def run(args: argparse.Namespace) -> int:
    store = open_program(args.db, create=False)
    try:
        with store.sessions() as session:
            renderer = command_renderer(args, properties=program_properties.properties(session))
            data = scheduling.read_input(session, args.run)
        with interruptible() as cancel:  # Ctrl-C keeps the meetings placed so far
            schedule = scheduling.place(data, fresh=args.fresh, time_limit_s=args.time_limit, cancel=cancel)
        with store.sessions.begin() as session:
            scheduling.save_schedule(session, schedule)
    finally:
        store.close()
    print(json.dumps(schedule.to_json(renderer.sentence), ensure_ascii=False, indent=2) if args.json
          else report(schedule, data, renderer))
    return 1 if schedule.unscheduled else 0


def report(schedule: Schedule, data: ScheduleInput, renderer: Renderer) -> str:
    """A summary line, each team's meetings (date and part of the day), and the teams short of meetings."""
    say, people = renderer.sentence, data.program.by_id()
    frame = schedule.frame
    lines = [say(msg("schedule.summary", meetings=len(schedule.meetings), teams=len(data.run.result.teams),
                     weeks=frame.weeks, start=frame.start.isoformat(),
                     cadence=say(msg(f"program.cadence_{frame.cadence}")), short=len(schedule.unscheduled))), ""]
    for team in data.run.result.teams:
        lines.append(say(team_line(schedule, display(people, team.director), schedule.of_team(team.director))))
    if schedule.unscheduled:
        lines.append("")
        lines.extend(f"! {say(u.why)}" for u in schedule.unscheduled)
        if any(u.why.code == "schedule.clash" for u in schedule.unscheduled):
            # the engine's rule "each mentor's teams meet at different weekly times" (issue 9) has not landed
            lines.append(say(msg("schedule.mentor_rule_missing")))
    return "\n".join(lines)


def team_line(schedule: Schedule, name: str, meetings) -> Message:
    """One team's meetings: "Mon PM every second week, 2027-03-01 to 2027-08-16" when at one weekly time
    at the program's cadence, else each date."""
    if not meetings:
        return msg("schedule.team_none", team=name)
    slots = {_weekday_slot(m) for m in meetings}
    step = schedule.frame.period_weeks
    regular = len(slots) == 1 and all((b.start - a.start).days == 7 * step for a, b in zip(meetings, meetings[1:]))
    if regular:
        return msg("schedule.team_regular", team=name, count=len(meetings), slot=SlotRef(slots.pop()),
                   cadence=msg(f"program.cadence_{schedule.frame.cadence}"), first=f"{meetings[0].start:%Y-%m-%d}",
                   last=f"{meetings[-1].start:%Y-%m-%d}")
    return msg("schedule.team_dates", team=name, count=len(meetings),
               dates=tuple(msg("schedule.when", date=f"{m.start:%m-%d}", slot=SlotRef(_weekday_slot(m)))
                           for m in meetings))


def _weekday_slot(meeting) -> str:
    return f"{DAYS[meeting.start.weekday()]} {split_slot(meeting.slot)[1]}"
