"""Rows of a roster turned into people in canonical form, with every problem located."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from pairing.domain import DEFAULT_CAPACITY, Person, Role, Settings
from pairing.importer.cells import CellParser
from pairing.importer.headers import HEADER_NAMES, ColumnMapping, map_columns
from pairing.importer.issues import Issue, Reported, ValueProblem, error, warning
from pairing.importer.matching import assign_ids, resolve_references
from pairing.importer.reading import RawTable
from pairing.importer.slots import SlotParser
from pairing.importer.terms import TermNormaliser
from pairing.importer.values import clean_text, parse_capacity, parse_role, role_option
from pairing.vocabulary import Vocabulary

LIST_FIELDS = ("genres", "skills", "needs", "availability", "languages", "prefers", "avoid")
EMPTY = {name: () for name in LIST_FIELDS if name != "skills"}


@dataclass(frozen=True)
class ParsedRoster(Reported):
    """The people a roster file describes (existing ones already matched) and the problems found."""

    source: str
    people: tuple[Person, ...]
    issues: tuple[Issue, ...]
    lines: Mapping[str, int] = field(default_factory=dict)
    # The stored version of each person the file updates, as given to parse_roster; plan_import diffs
    # against it (None: plan_import reads the program instead).
    previous: Mapping[str, Person] | None = None
    custom_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


@dataclass
class Draft:
    """One row read: the fields the file gives (`prefers` and `avoid` still as written: they are resolved
    once everyone is known)."""

    line: int
    role: Role | None
    values: dict = field(default_factory=dict)


class RowReader:
    """Reads the cells of rows into Drafts, collecting issues instead of stopping at the first."""

    def __init__(self, raw: RawTable, mapping: ColumnMapping, settings: Settings, vocabulary: Vocabulary,
                 role: Role | None):
        self.raw, self.mapping, self.role = raw, mapping, role
        self.slots = SlotParser(settings.calendar)
        self.terms = TermNormaliser(vocabulary)
        self.cells = CellParser(self.slots, self.terms)
        self.issues: list[Issue] = []
        self.columns = {f: i for i, f in mapping.fields.items()}
        self.unknown = mapping.unknown
        self.missing_capacity: list[tuple[int, Role]] = []
        self.list_fields = [name for name in LIST_FIELDS if name in self.columns]
        self._roles: dict[str, Role] = {}

    def header(self, name: str) -> str:
        return self.raw.header[self.columns[name]]

    def problem(self, line: int, name: str, message: str) -> None:
        self.issues.append(error(self.raw.source, message, line, self.header(name)))

    def read(self, line: int, cells: tuple[str, ...]) -> Draft | None:
        width = len(cells)
        cell = {name: cells[i].strip() if i < width else "" for name, i in self.columns.items()}
        if width > len(self.raw.header):
            self._check_width(line, cells)
        draft = Draft(line, self._role(line, cell))
        name = clean_text(cell.get("name", ""))
        if not name:
            self.problem(line, "name", "the name is empty; expected the person's name")
        draft.values["name"] = name
        for simple in ("id", "email", "phone", "organization"):
            if simple in cell:
                draft.values[simple] = clean_text(cell[simple])
        email = draft.values.get("email")
        if email and ("@" not in email or " " in email):
            self.issues.append(warning(self.raw.source, f'"{email}" does not look like an e-mail address; '
                                       "kept as written", line, self.header("email")))
        if "notes" in cell:
            draft.values["notes"] = cell["notes"]
        self._read_lists(line, cell, draft)
        self._read_capacity(line, cell, draft)
        if self.unknown:
            extra = {self.raw.header[i]: cells[i].strip() for i in self.unknown if i < width and cells[i].strip()}
            draft.values["extra"] = extra
        return draft if name and draft.role else None

    def _check_width(self, line: int, cells: tuple[str, ...]) -> None:
        spill = [c for c in cells[len(self.raw.header):] if c.strip()]
        if spill:
            self.issues.append(warning(self.raw.source, f"{len(spill)} value(s) beyond the last column are "
                                       f"ignored ({spill[0]!r} …); is a delimiter inside an unquoted field?", line))

    def _role(self, line: int, cell: dict) -> Role | None:
        text = cell.get("role", "")
        if not text:
            if self.role is None and "role" in cell:
                self.problem(line, "role", "the role is empty; expected director, producer or instructor")
            return self.role
        try:
            return self._roles[text] if text in self._roles else self._roles.setdefault(text, parse_role(text))
        except ValueProblem as exc:
            self.problem(line, "role", str(exc))
            return None

    def _read_lists(self, line: int, cell: dict, draft: Draft) -> None:
        for name in self.list_fields:
            if not cell[name]:  # most cells of a roster are blank: skip the parser
                draft.values[name] = {} if name == "skills" else EMPTY[name]
                continue
            try:
                value, unknown = self.cells.parse(name, cell[name])
            except ValueProblem as exc:
                self.problem(line, name, str(exc))
                continue
            for kind, key, text in unknown:
                self.terms.note_unknown(kind, key, line, self.header(name), text)
            draft.values[name] = value

    def _read_capacity(self, line: int, cell: dict, draft: Draft) -> None:
        if "capacity" not in cell:
            return
        try:
            capacity = parse_capacity(cell["capacity"])
        except ValueProblem as exc:
            self.problem(line, "capacity", str(exc))
            draft.values["capacity"] = None  # reported already: no default, no second message
            return
        if draft.role is Role.DIRECTOR:
            if capacity is not None:
                self.issues.append(warning(self.raw.source, f"a director takes no mentees; capacity "
                                           f"{capacity} is ignored", line, self.header("capacity")))
            capacity = None
        elif capacity is None and draft.role is not None:
            self.missing_capacity.append((line, draft.role))
            capacity = DEFAULT_CAPACITY[draft.role]
        draft.values["capacity"] = capacity


def check_mapping(raw: RawTable, mapping: ColumnMapping, role: Role | None) -> list[Issue]:
    """Errors that make the whole file unreadable, and the warning about unknown columns."""
    issues = []
    for name, columns in mapping.duplicates().items():
        headers = ", ".join(f'"{raw.header[i]}"' for i in columns)
        issues.append(error(raw.source, f"the columns {headers} all mean {name}; expected one column per field",
                            raw.header_line))
    if mapping.column_of("name") is None:
        names = " / ".join(HEADER_NAMES["name"])
        issues.append(error(raw.source, f"no name column; expected a header named {names}{_header_hint(raw)}",
                            raw.header_line))
    if mapping.column_of("role") is None and role is None:
        issues.append(error(raw.source, "no role column; expected a header named role / 角色, or give the role "
                            "of everyone in the file (--role director|producer|instructor)", raw.header_line))
    if mapping.unknown:
        issues.append(warning(raw.source, unknown_columns_message(mapping), raw.header_line))
    return issues


def _header_hint(raw: RawTable) -> str:
    """Where the header seems to be when a title row sits above it (the first non-empty row is the header)."""
    for line, cells in raw.rows[:10]:
        if map_columns(cells).column_of("name") is not None:
            return (f" (the header is the first non-empty row; line {line} looks like the header: "
                    f"remove the rows above it)")
    return ""


def unknown_columns_message(mapping: ColumnMapping) -> str:
    parts = []
    for index, header in mapping.unknown.items():
        guess = mapping.suggestions.get(index)
        parts.append(f'"{header}"' + (f' (did you mean "{guess}"?)' if guess else ""))
    return "unknown columns kept as notes: " + ", ".join(parts)


def parse_roster(raw: RawTable, mapping: ColumnMapping, settings: Settings, existing_people: Iterable[Person],
                 vocabulary: Vocabulary, role: Role | str | None = None) -> ParsedRoster:
    """Read every row; match rows to existing people; resolve preferences; report every problem."""
    role = role_option(role or mapping.role)
    details = dict(source=raw.source, columns=mapping.as_names(), encoding=raw.encoding,
                   delimiter=raw.delimiter, sheet=raw.sheet)
    issues = check_mapping(raw, mapping, role)
    if any(i.is_error for i in issues):
        return ParsedRoster(people=(), issues=tuple(issues), **details)
    reader = RowReader(raw, mapping, settings, vocabulary, role)
    drafts = [d for line, cells in raw.rows if (d := reader.read(line, cells)) is not None]
    if not raw.rows:
        issues.append(warning(raw.source, "there are no people below the header row", raw.header_line))
    existing = list(existing_people)
    people, lines, id_issues = assign_ids(raw.source, drafts, existing, reader)
    people, ref_issues = resolve_references(raw.source, people, lines, drafts, existing, reader)
    issues += reader.issues + id_issues + ref_issues
    issues += _term_warnings(reader) + _capacity_warnings(raw.source, reader)
    issues.sort(key=lambda i: (not i.is_error, i.line or 0))
    stored = {p.id: p for p in existing}
    previous = {p.id: stored[p.id] for p in people if p.id in stored}
    return ParsedRoster(people=tuple(people), issues=tuple(issues), lines=lines, previous=previous,
                        custom_terms=reader.terms.custom_terms(), **details)


def _term_warnings(reader: RowReader) -> list[Issue]:
    issues = []
    for (kind, key), places in reader.terms.unknown.items():
        line, column, text = places[0]
        guess = reader.terms.suggestion(kind, text)
        hint = f"; the closest known {kind} is {guess}" if guess else ""
        more = _also_on([p[0] for p in places[1:]])
        message = f'unknown {kind} "{text}" kept as a custom term "{key}"{hint}{more}'
        issues.append(warning(reader.raw.source, message, line, column))
    return issues


def _also_on(lines: list[int]) -> str:
    if not lines:
        return ""
    shown = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
    return f" (also on line{'s' if len(lines) > 1 else ''} {shown})"


def _capacity_warnings(source: str, reader: RowReader) -> list[Issue]:
    issues = []
    column = reader.header("capacity") if "capacity" in reader.columns else None
    for role in (Role.PRODUCER, Role.INSTRUCTOR):
        lines = [line for line, r in reader.missing_capacity if r is role]
        if lines:
            message = (f"capacity missing for {_article(role)} {role}; the default {DEFAULT_CAPACITY[role]} "
                       f"is used{_also_on(lines[1:])}")
            issues.append(warning(source, message, lines[0], column))
    return issues


def _article(role: Role) -> str:
    return "an" if role is Role.INSTRUCTOR else "a"
