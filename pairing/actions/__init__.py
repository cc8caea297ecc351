"""The action layer: one function per thing a curator does; the window and the command line both call it.

Where each curator action lives:

| action | module | function |
| --- | --- | --- |
| open or create a program | `program` | `open_program` (the handle the others take) |
| import a roster (plan, then apply) | `importing` | `plan_import`, `apply_import`, `import_file` |
| add, edit (rename), update, delete people | `people` | `add_people`, `edit_person`, `update_people`, `delete_people` |
| lock or unlock a director–mentor pair | `locks` | `lock`, `unlock`, `set_locks` |
| move a mentor to another team | `moves` | `evaluate` (preview), `move_mentor` |
| propose (solve and save the run) | `propose` | `propose` |
| delete or restore a run, replace its teams | `runs` | `delete_run`, `restore_run`, `set_result` |
| change the program settings | `settings` | `save_settings` |
| name the program, its dates, cadence and role words | `properties` | `properties`, `save_properties`, `role_names` |
| schedule the meetings, move one meeting | `scheduling` | `schedule`, `move_meeting`, `save_schedule` |
| export sheets, calendar, matrix, roster | `exporting` | `export_data`, `write`, `export` |
| read the program (no change) | `reading` | `program`, `people`, `runs`, … |
| undo or redo any of them | `changes` | `undo` |
| several of them as one step (a move and its lock) | `together` | `together` |
| notice other viewers, refuse stale writes | `viewers` | `change_counts`, `check_versions`, `other_viewers` |

Every action that changes the program takes the caller's session (the caller opens one transaction per
action: `with store.sessions.begin() as session:`), except `propose`, which takes the session factory
because its search runs between a read and a write. Each returns `Done`: a `ChangeSet` (ids of the
people, teams, runs and locks changed), an `Undo` (plain data: the name of an undo step and its
arguments) and the action's own answer. A refused action raises `ActionRefused` (a `UserError`) carrying
messages, and changes nothing. See docs/architecture.md.
"""

from pairing.actions import (
    exporting, importing, locks, moves, people, program, properties, propose, reading, runs, scheduling, settings,
    together, viewers,
)
from pairing.actions.changes import ChangeSet, Done, Undo, undo

__all__ = [
    "ChangeSet", "Done", "Undo", "exporting", "importing", "locks", "moves", "people", "program", "properties", "propose",
    "reading", "runs", "scheduling", "settings", "together", "undo", "viewers",
]
