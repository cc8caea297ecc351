"""Check a folder of calendars (export --format ics --per-person DIR): every recurrence expanded, no two
meetings of one file overlap. Usage: python tools/check_calendars.py DIR (exit 1 on a clash)."""
import sys
from pathlib import Path
from dateutil.rrule import rrulestr
from icalendar import Calendar

folder = Path(sys.argv[1])
clashes, files, events_total = 0, 0, 0
for path in sorted(folder.glob("*.ics")):
    files += 1
    times = []
    for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        starts = list(rrulestr(event["rrule"].to_ical().decode(), dtstart=start)) if "rrule" in event else [start]
        times += [(s, s + (end - start), str(event["summary"])) for s in starts]
    times.sort()
    events_total += len(times)
    for a, b in zip(times, times[1:]):
        if b[0] < a[1]:
            clashes += 1
            print(f"CLASH in {path.name}: {a[2]} {a[0]} and {b[2]} {b[0]}")
print(f"{files} calendars, {events_total} meetings, {clashes} clashes")
sys.exit(1 if clashes else 0)
