"""Several viewers of one program (issue 11): what another window or process changed, whether the rows an
action is about to write are the ones the curator saw, and who else has the program open.

The window reaches these through the action layer like everything else; they live in
`pairing.storage.changes`, counted by the database's triggers (migration 0006)."""

from pairing.storage.changes import (
    SEEN_EVERY_S, StaleRows, Viewer, add_viewer, change_counts, changed_tables, check_versions, other_viewers, person_versions,
    remove_viewer, settings_version, touch_viewer,
)

__all__ = [
    "SEEN_EVERY_S", "StaleRows", "Viewer", "add_viewer", "change_counts", "changed_tables", "check_versions", "other_viewers",
    "person_versions", "remove_viewer", "settings_version", "touch_viewer",
]
