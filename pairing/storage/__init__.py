"""Storage of a program: SQLAlchemy 2 over one SQLite file (or a database URL), migrated by Alembic."""

from pairing.storage.database import ProgramFileError, ProgramStore, open_program

__all__ = ["ProgramFileError", "ProgramStore", "open_program"]
