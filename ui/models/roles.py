"""Custom item data roles, defined once for every model of the window."""

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)

PERSON_ROLE = _BASE + 1       # the pairing.domain.Person of a row
ID_ROLE = _BASE + 2           # the roster id of a row's person (or team's director)
SEARCH_ROLE = _BASE + 3       # lower-cased text a filter matches against
SORT_ROLE = _BASE + 4         # a value that sorts a column correctly (numbers as numbers)
KNOWN_ROLE = _BASE + 5        # False for a custom (unknown) vocabulary term
FULL_TEXT_ROLE = _BASE + 6    # a cell's (or header's) whole text where it shows a short form: what Ctrl+C copies
# The pairing engineer's models may add roles from _BASE + 20 on.
