"""Talent Pairing core: domain, storage, import/export and the solver. Never imports Qt."""

__version__ = "0.1.0"
