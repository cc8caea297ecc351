"""The meeting schedule of a run (issue 10): every meeting in a slot where each member of the team is
free, nobody in two meetings at once, one stable weekly time per team where the pairing allows it.

`model` holds the values (light: storage and exports read them); `service.make_schedule` places
meetings with CP-SAT (`solver`), `explain` says why a team is short, `runs` reads, saves and moves."""

from pairing.schedule.model import Frame, Meeting, Schedule, Unscheduled

__all__ = ["Frame", "Meeting", "Schedule", "Unscheduled"]
