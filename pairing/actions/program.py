"""Open (or create) a program file or database: the handle (`ProgramStore`) every other action is given.

The window and the command line open programs through here, so that neither needs `pairing.storage`."""

from pairing.storage import ProgramFileError, ProgramStore, open_program
from pairing.storage.database import shown_location, storage_fault
from pairing.storage.saving import RunSetAside, saver

# shown_location: a program's name in messages (password masked); storage_fault: a database error as a
# sentence; saver/RunSetAside: save a run with retries, else set it aside beside the program (issue 12).
__all__ = ["ProgramFileError", "ProgramStore", "RunSetAside", "open_program", "saver", "shown_location",
           "storage_fault"]
