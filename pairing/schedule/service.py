"""Making the schedule of a run: who meets, when everyone of a team is free, what is kept from before."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from pairing.calendar import is_dated
from pairing.domain import Frame, Meeting, Person, Program, ProgramProperties, SavedRun, Schedule, Team, Unscheduled
from pairing.schedule.edit import sequences
from pairing.schedule.explain import why_short
from pairing.schedule.frame import TeamSlots, make_frame
from pairing.schedule.solver import Progress, ScheduleOptions, meeting_of, place


def team_slots(team: Team, people: dict[str, Person], calendar: tuple[str, ...], *, weekly: bool = False
               ) -> TeamSlots:
    """The team's people and the calendar slots in which all of them (still on the roster) are free. With
    `weekly` (the run kept "each mentor's teams meet at different weekly times"), only the team's own weekly
    slot while all are still free then: no mentor shares it with another of its teams, so every meeting at
    that time is clash-free at any cadence (issue 10 part 5)."""
    members = (team.director,) + team.mentors
    free = [s for s in calendar]
    for person_id in members:
        person = people.get(person_id)
        if person is not None:
            theirs = set(person.availability)
            free = [s for s in free if s in theirs]
    if weekly and team.weekly_slot in free and not is_dated(team.weekly_slot):  # a dated slot happens once
        free = [team.weekly_slot]
    return TeamSlots(team.director, members, tuple(free))


def moving_teams(teams: list[TeamSlots], previous: Schedule) -> set[str]:
    """After a manual change: the teams whose people changed (or are new), and every team that shares a
    mentor with one of them — only their meetings move; the others keep theirs."""
    before = {}
    for meeting in previous.meetings:
        before.setdefault(meeting.team, set(meeting.people))
    changed = {t.team for t in teams if before.get(t.team) != set(t.people)}
    touched = {p for t in teams if t.team in changed for p in t.people}
    touched |= {p for team in changed for p in before.get(team, ())}
    return changed | {t.team for t in teams if touched & set(t.people[1:])}


def kept_meetings(teams: list[TeamSlots], previous: Schedule | None, frame: Frame,
                  moving: set[str] | None) -> tuple[Meeting, ...]:
    """Previous meetings that stay: hand-placed ones always, all of a team that does not move."""
    if previous is None or previous.frame != frame:
        return ()
    current = {t.team: set(t.people) for t in teams}
    return tuple(m for m in previous.meetings
                 if current.get(m.team) == set(m.people)
                 and (m.pinned or (moving is not None and m.team not in moving)))


def make_schedule(program: Program, properties: ProgramProperties, run: SavedRun, *,
                  previous: Schedule | None = None, incremental: bool = False,
                  options: ScheduleOptions = ScheduleOptions(), cancel: threading.Event | None = None,
                  progress: Progress | None = None, fallback_start=None) -> Schedule:
    """Place the meetings of the run's teams. With `incremental` only the teams changed since `previous`
    (and the teams of their mentors) move; hand-placed meetings of unchanged teams always stay."""
    began = time.perf_counter()
    calendar = tuple(program.settings.calendar)
    frame = make_frame(properties, calendar, fallback_start=fallback_start)
    people = program.by_id()
    weekly = run.settings.distinct_mentor_slots
    teams = [team_slots(t, people, calendar, weekly=weekly) for t in run.result.teams]
    moving = moving_teams(teams, previous) if incremental and previous else None
    fixed = kept_meetings(teams, previous, frame, moving)
    placement = place(frame, teams, fixed=fixed, options=options, cancel=cancel, progress=progress)
    by_id = {t.team: t for t in teams}
    placed = [meeting_of(frame, by_id[team], period, cell) for (team, period), cell in placement.cells.items()]
    meetings = sorted((*fixed, *placed), key=lambda m: (m.start, m.team))
    schedule = Schedule(run.id, frame, tuple(meetings), _short(frame, teams, meetings, people, calendar),
                        cancelled=placement.cancelled)
    return replace(schedule, sequences=sequences(previous, schedule), wall_s=time.perf_counter() - began)


def _short(frame: Frame, teams: list[TeamSlots], meetings: list[Meeting], people, calendar) -> tuple[Unscheduled, ...]:
    have: dict[str, set[int]] = {}
    for meeting in meetings:
        have.setdefault(meeting.team, set()).add(meeting.period)
    short = []
    for team in teams:
        missing = [p for p in range(frame.periods) if p not in have.get(team.team, set())]
        if missing:
            why = why_short(frame, team, missing, meetings, people, calendar)
            short.append(Unscheduled(team.team, len(missing), why))
    return tuple(short)
