"""Open (or create) a program file or database: the handle (`ProgramStore`) every other action is given.

The window and the command line open programs through here, so that neither needs `pairing.storage`."""

from pairing.storage import ProgramFileError, ProgramStore, open_program

__all__ = ["ProgramFileError", "ProgramStore", "open_program"]
