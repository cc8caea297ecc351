"""Problems found while importing a roster: errors block the import, warnings do not."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One problem, located by file, line and column (header name) where it has a place."""

    severity: Severity
    source: str
    message: str
    line: int | None = None
    column: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = [self.source]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            where.append(f'column "{self.column}"')
        return f"{', '.join(where)}: {self.message}"


def error(source: str, message: str, line: int | None = None, column: str | None = None) -> Issue:
    return Issue(Severity.ERROR, source, message, line, column)


def warning(source: str, message: str, line: int | None = None, column: str | None = None) -> Issue:
    return Issue(Severity.WARNING, source, message, line, column)


class Reported:
    """Errors and warnings of a result that holds `issues` (a parsed roster, an import plan)."""

    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if not i.is_error)


class ValueProblem(ValueError):
    """A cell value that cannot be read; the message says what was expected."""
