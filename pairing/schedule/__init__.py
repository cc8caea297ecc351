"""The meeting schedule of a run (issue 10): every meeting in a slot where each member of the team is
free, nobody in two meetings at once, one stable weekly time per team where the pairing allows it.

The values (`Schedule`, `Meeting`, `Unscheduled`, `Frame`) are in `pairing.domain`. `service.make_schedule`
places meetings with CP-SAT (`solver`, loaded only then); `frame` turns the calendar into cells (week,
slot) with dates and times; `explain` says why a team is short of meetings; `edit` moves one meeting by
hand. Reading and saving are the actions' (`pairing.actions.scheduling`)."""
