"""Why a team is short of meetings, as messages: whose free time never meets, or whose time collides."""

from __future__ import annotations

from pairing.domain import Person
from pairing.schedule.frame import TeamSlots, cells_in_period
from pairing.domain import Frame, Meeting
from pairing.words import Message, SlotRef, msg


def display(people: dict[str, Person], person_id: str) -> str:
    person = people.get(person_id)
    return f"{person.name} ({person_id})" if person and person.name != person_id else person_id


def why_short(frame: Frame, team: TeamSlots, missing_periods: list[int], meetings: list[Meeting],
              people: dict[str, Person], calendar: tuple[str, ...]) -> Message:
    """The reason for the missing meetings of one team, naming people and the teams they meet instead."""
    name, count = display(people, team.team), len(missing_periods)
    if not team.free:
        return _never_free(team, people, calendar, name, count)
    without_cells = [p for p in missing_periods if not cells_in_period(frame, p, team.free)]
    if len(without_cells) == count:
        weeks = tuple(w + 1 for p in without_cells for w in frame.weeks_of(p))
        return msg("schedule.no_slot_in_weeks", team=name, count=count, weeks=_week_ranges(weeks))
    return _clash(frame, team, missing_periods, meetings, people, name, count)


def _never_free(team: TeamSlots, people: dict[str, Person], calendar, name: str, count: int) -> Message:
    free = {p: set(people[p].availability) & set(calendar) for p in team.people if p in people}
    for person, slots in free.items():
        if not slots:
            return msg("schedule.never_free", team=name, count=count, person=display(people, person))
    ids = list(free)
    for i, first in enumerate(ids):
        for second in ids[i + 1:]:
            if not free[first] & free[second]:
                return msg("schedule.never_together", team=name, count=count,
                           first=display(people, first), second=display(people, second))
    return msg("schedule.no_common_slot", team=name, count=count,
               people=tuple(display(people, p) for p in team.people))


def _clash(frame, team: TeamSlots, periods, meetings, people, name: str, count: int) -> Message:
    cells = {c for p in periods for c in cells_in_period(frame, p, team.free)}
    busy_people, other_teams = [], []
    for meeting in meetings:
        if meeting.team != team.team and meeting.cell in cells:
            for person in set(meeting.people) & set(team.people):
                busy_people.append(person)
                other_teams.append(meeting.team)
    return msg("schedule.clash", team=name, count=count,
               slots=tuple(SlotRef(s) for s in team.free[:6]),
               people=tuple(display(people, p) for p in dict.fromkeys(busy_people)),
               teams=tuple(display(people, t) for t in dict.fromkeys(other_teams)))


def _week_ranges(weeks: tuple[int, ...]) -> str:
    """`(1, 2, 3, 7)` → `1-3, 7`."""
    ranges, run = [], []
    for week in sorted(set(weeks)):
        if run and week != run[-1] + 1:
            ranges.append(run)
            run = []
        run.append(week)
    if run:
        ranges.append(run)
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in ranges)
