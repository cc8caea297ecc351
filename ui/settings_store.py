"""Typed preferences and window state kept in QSettings (tests pass their own temporary file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from pairing.domain import CRITERIA, Weights
from pairing.faults import without_secrets

LANGUAGES = ("system", "en", "zh_CN")
MAX_RECENT = 8


@dataclass(frozen=True)
class Preferences:
    """What the curator chooses in Preferences: interface language, default weights, solver time limit."""

    language: str = "system"
    weights: Weights = field(default_factory=Weights)
    time_limit_s: float = 10.0


class SettingsStore:
    """Reads and writes typed values; every key lives here so nothing else spells them."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings()

    @classmethod
    def at(cls, path: str | Path) -> "SettingsStore":
        """Settings kept in one INI file (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # -- preferences ----------------------------------------------------------------------------

    def preferences(self) -> Preferences:
        s = self.settings
        language = str(s.value("preferences/language", "system"))
        weights = Weights(**{
            name: _float(s.value(f"preferences/weights/{name}"), getattr(Weights(), name)) for name in CRITERIA
        })
        time_limit = _float(s.value("preferences/time_limit_s"), Preferences.time_limit_s)
        return Preferences(language if language in LANGUAGES else "system", weights, max(0.5, time_limit))

    def save_preferences(self, preferences: Preferences) -> None:
        s = self.settings
        s.setValue("preferences/language", preferences.language)
        for name, value in preferences.weights.as_dict().items():
            s.setValue(f"preferences/weights/{name}", float(value))
        s.setValue("preferences/time_limit_s", float(preferences.time_limit_s))
        s.sync()

    # -- programs -------------------------------------------------------------------------------

    def recent_programs(self) -> list[str]:
        return _strings(self.settings.value("programs/recent", []))

    def add_recent_program(self, location: str) -> None:
        """Remembered without any password: a settings file is no place for one."""
        location = without_secrets(location)
        recent = [location] + [p for p in self.recent_programs() if p != location]
        self.settings.setValue("programs/recent", recent[:MAX_RECENT])
        self.settings.setValue("programs/last", location)

    def remove_recent_program(self, location: str) -> None:
        self.settings.setValue("programs/recent", [p for p in self.recent_programs() if p != location])
        if self.last_program() == location:
            self.settings.remove("programs/last")

    def last_program(self) -> str | None:
        value = self.settings.value("programs/last")
        return str(value) if value else None

    def last_folder(self) -> str:
        return str(self.settings.value("programs/folder", ""))

    def set_last_folder(self, folder: str) -> None:
        self.settings.setValue("programs/folder", folder)

    # -- exports --------------------------------------------------------------------------------

    def export_folder(self) -> str | None:
        value = self.settings.value("exports/folder")
        return str(value) if value else None

    def export_format(self) -> str | None:
        value = self.settings.value("exports/format")
        return str(value) if value else None

    def remember_export(self, folder: str, fmt: str) -> None:
        self.settings.setValue("exports/folder", folder)
        self.settings.setValue("exports/format", fmt)
        self.settings.sync()

    # -- window ---------------------------------------------------------------------------------

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)
        self.settings.sync()


def _float(value, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def _strings(value) -> list[str]:
    """QSettings gives a str for a one-item list in INI files, a list otherwise."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]
