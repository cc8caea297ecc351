"""Problems found while importing a roster: errors block the import, warnings do not.

Every problem is a `pairing.words` message (code + arguments), turned into a sentence in the
curator's language only at the edge (wizard, command line): see `pairing/words/catalogue/importer.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pairing.errors import UserError
from pairing.words import Message, Renderer, msg


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One problem, located by file, line and column (header text) where it has a place."""

    severity: Severity
    source: str
    message: Message
    line: int | None = None
    column: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, renderer: Renderer | None = None) -> str:
        """The sentence alone, in the renderer's language (English by default)."""
        return (renderer or Renderer()).sentence(self.message)

    def located(self, renderer: Renderer | None = None) -> str:
        """`file, line 3, column "x": sentence` in the renderer's language."""
        renderer = renderer or Renderer()
        return renderer.sentence(msg("importer.located", where=where(self.source, self.line, self.column),
                                     what=self.message))

    def __str__(self) -> str:
        return self.located()


def where(source: str, line: int | None = None, column: str | None = None) -> Message:
    """The place of a problem as a message (`file, line 3, column "x"` / `文件，第 3 行，“x”列`)."""
    if line is not None and column:
        return msg("importer.at_line_column", file=source, line=line, column=column)
    if line is not None:
        return msg("importer.at_line", file=source, line=line)
    if column:
        return msg("importer.at_column", file=source, column=column)
    return msg("importer.at_file", file=source)


def error(source: str, message: Message, line: int | None = None, column: str | None = None) -> Issue:
    return Issue(Severity.ERROR, source, message, line, column)


def warning(source: str, message: Message, line: int | None = None, column: str | None = None) -> Issue:
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
    """A cell value that cannot be read; `.message` says what was expected."""

    def __init__(self, message: Message):
        super().__init__(Renderer().sentence(message))
        self.message = message


class ImportFileError(UserError):
    """A roster file that cannot be read at all; `.message` is the sentence as a message value."""

    def __init__(self, message: Message):
        super().__init__(message)

    def text(self, renderer: Renderer | None = None) -> str:
        return (renderer or Renderer()).sentence(self.message)


def field_word(name: str | None) -> Message:
    """A roster field (`genres`, `given_name` …) as a word of the curator's language."""
    return msg(f"importer.field_{name}")


def tool_word(key: str | None) -> Message:
    """A form tool (`wjx` → 问卷星, `msforms` → Microsoft Forms …)."""
    return msg(f"importer.tool_{key or 'form'}")


def also_on(lines, more: int = 0) -> Message | str:
    """` (also on lines 4, 7 …)` after a warning that repeats, or nothing."""
    lines = tuple(lines)
    if not lines:
        return ""
    return msg("importer.also_on", lines=lines, count=len(lines) + more, more="…" if more else "")


def either(words: tuple[Message, ...]) -> Message | str:
    """`genres or languages` / `类型或语言` (a tuple of messages would render as clauses: `a; b`)."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return msg("importer.either", first=words[0], rest=either(words[1:]))
