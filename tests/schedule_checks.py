"""An independent checker of a schedule, written without the scheduler's code: dates are recomputed
from the program's first day, overlaps from the meetings' clock times."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HOURS = {"AM": 9, "PM": 14, "EVE": 19}
STEP = {"weekly": 1, "fortnightly": 2, "monthly": 4}


def expected_meetings(cadence: str, weeks: int) -> int:
    if cadence == "once":
        return 1
    step = STEP[cadence]
    return len(range(0, weeks, step))


def problems(schedule, people: dict, teams, *, start: dt.date, weeks: int, cadence: str, minutes: int) -> list[str]:
    """Every way the schedule breaks the rules of issue 10 (empty when it keeps them all)."""
    found = []
    members = {t.director: {t.director, *t.mentors} for t in teams}
    for m in schedule.meetings:
        day, part = m.slot.split(" ")
        date = dt.date.fromisoformat(day) if day[0].isdigit() else None
        if date is None:
            date = start + dt.timedelta(days=(WEEKDAYS.index(day) - start.weekday()) % 7 + 7 * m.week)
        if m.start != dt.datetime.combine(date, dt.time(HOURS[part])):
            found.append(f"{m.team}: {m.slot} week {m.week} starts {m.start}, not on {date}")
        if m.end - m.start != dt.timedelta(minutes=minutes):
            found.append(f"{m.team}: meeting lasts {m.end - m.start}")
        if not start <= m.start.date() < start + dt.timedelta(weeks=weeks):
            found.append(f"{m.team}: {m.start} is outside the program")
        if set(m.people) != members[m.team]:
            found.append(f"{m.team}: invited {sorted(m.people)}, team is {sorted(members[m.team])}")
        for person in m.people:
            if person in people and m.slot not in people[person].availability:
                found.append(f"{m.team}: {person} is not free at {m.slot}")
    by_person = defaultdict(list)
    for m in schedule.meetings:
        for person in m.people:
            by_person[person].append((m.start, m.end, m.team))
    for person, times in by_person.items():
        times.sort()
        for (s1, e1, t1), (s2, e2, t2) in zip(times, times[1:]):
            if s2 < e1:
                found.append(f"{person} is in two meetings at once: {t1} and {t2} at {s2}")
    count = defaultdict(int)
    for m in schedule.meetings:
        count[m.team] += 1
    short = {u.team: u.missing for u in schedule.unscheduled}
    want = expected_meetings(cadence, weeks)
    for team in members:
        if count[team] + short.get(team, 0) != want:
            found.append(f"{team}: {count[team]} meetings + {short.get(team, 0)} explained short != {want}")
    return found
