"""Rows of a roster turned into people in canonical form through the column plan, every problem located."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from pairing.domain import DEFAULT_CAPACITY, Person, Role, Settings
from pairing.importer.answers import AnswerSplitter, unskipped
from pairing.importer.cells import CellParser
from pairing.importer.columns import ColumnChoice, ColumnPlan, Kind, duplicate_fields, pairing_lookalikes, plan_columns
from pairing.importer.forms import ANONYMOUS
from pairing.importer.issues import (
    Issue, Reported, ValueProblem, also_on, either, error, field_word, tool_word, warning,
)
from pairing.importer.matching import assign_ids, resolve_references
from pairing.importer.reading import RawTable
from pairing.importer.slots import SlotParser, grid_items
from pairing.importer.terms import TermNormaliser
from pairing.importer.values import clean_text, looks_checked, parse_capacity, parse_role, role_option
from pairing.vocabulary import Vocabulary
from pairing.words import RoleRef, msg

LIST_FIELDS = ("genres", "skills", "needs", "availability", "languages", "prefers", "avoid")
EMPTY = {name: () for name in LIST_FIELDS if name != "skills"}
SIMPLE_FIELDS = ("id", "email", "phone", "organization")


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
    column_plan: ColumnPlan | None = None
    conflicts: tuple = ()  # matching.Conflict: rows whose id names a different person


@dataclass
class Draft:
    """One row read: the fields the file gives (`prefers` and `avoid` still as written: they are resolved
    once everyone is known)."""

    line: int
    role: Role | None
    values: dict = field(default_factory=dict)


class RowReader:
    """Reads the cells of rows into Drafts through the column plan, collecting issues instead of stopping."""

    def __init__(self, raw: RawTable, plan: ColumnPlan, settings: Settings, vocabulary: Vocabulary,
                 role: Role | None, role_words: Mapping[str, Role] | None = None):
        self.raw, self.plan, self.role, self.role_words = raw, plan, role, role_words
        self.slots = SlotParser(settings.calendar)
        self.terms = TermNormaliser(vocabulary)
        self.cells = CellParser(self.slots, self.terms)
        self.issues: list[Issue] = []
        self.columns = {c.field: c.index for c in plan.columns if c.kind is Kind.FIELD}
        self.options: dict[str, list[ColumnChoice]] = {}
        for column in plan.columns:
            if column.kind in (Kind.OPTION, Kind.GRID):
                self.options.setdefault(column.field, []).append(column)
        self.notes = [c.index for c in plan.columns if c.kind is Kind.NOTE]
        self.width = max(self.columns.values(), default=-1) + 1  # rows this wide need no bounds check
        self.missing_capacity: list[tuple[int, Role]] = []
        self.list_fields = [name for name in LIST_FIELDS if name in self.columns or name in self.options]
        self.splitters = {name: AnswerSplitter(cells[i] for _line, cells in raw.rows if i < len(cells))
                          for name, i in self.columns.items() if name in LIST_FIELDS or name == "role"}
        self._roles: dict[str, Role] = {}

    def header(self, name: str) -> str:
        if name in self.columns:
            return self.raw.header[self.columns[name]]
        if name == "name" and "given_name" in self.columns:
            return self.raw.header[self.columns["given_name"]]
        found = self.options.get(name)
        return found[0].header if found else name

    def problem(self, line: int, name: str, message) -> None:
        self.issues.append(error(self.raw.source, message, line, self.header(name)))

    def read(self, line: int, cells: tuple[str, ...]) -> Draft | None:
        width = len(cells)
        cell = {name: unskipped(cells[i]) for name, i in self.columns.items()} if width >= self.width else {
            name: unskipped(cells[i]) if i < width else "" for name, i in self.columns.items()}
        if width > len(self.raw.header):
            self._check_width(line, cells)
        draft = Draft(line, self._role(line, cell, cells))
        name = self._name(cell)
        if not name:
            self.problem(line, "name", msg("importer.empty_name"))
        draft.values["name"] = name
        for simple in SIMPLE_FIELDS:
            if simple in cell:
                draft.values[simple] = clean_text(cell[simple])
        email = draft.values.get("email")
        if email and email.casefold() in ANONYMOUS:
            draft.values["email"] = email = ""
        if email and ("@" not in email or " " in email):
            self.issues.append(warning(self.raw.source, msg("importer.odd_email", email=email), line,
                                       self.header("email")))
        if "notes" in cell:
            draft.values["notes"] = cell["notes"]
        self._read_lists(line, cell, cells, draft)
        self._read_capacity(line, cell, draft)
        if self.notes:
            draft.values["extra"] = {self.raw.header[i] or f"#{i + 1}": cells[i].strip()
                                     for i in self.notes if i < width and cells[i].strip()}
        return draft if name and draft.role else None

    def _name(self, cell: dict) -> str:
        if "name" in cell:
            return clean_text(cell["name"])
        return combine_name(clean_text(cell.get("given_name", "")), clean_text(cell.get("family_name", "")))

    def _check_width(self, line: int, cells: tuple[str, ...]) -> None:
        spill = [c for c in cells[len(self.raw.header):] if c.strip()]
        if spill:
            self.issues.append(warning(self.raw.source, msg("importer.spill", count=len(spill), first=spill[0]),
                                       line))

    def _role(self, line: int, cell: dict, cells: tuple[str, ...]) -> Role | None:
        text = cell.get("role", "")
        if not text and "role" in self.options:
            text = "|".join(c.option for c in self.options["role"] if c.index < len(cells)
                            and looks_checked(cells[c.index]))
        if not text:
            if self.role is None and ("role" in cell or "role" in self.options):
                self.problem(line, "role", msg("importer.empty_role"))
            return self.role
        try:
            if text not in self._roles:
                self._roles[text] = parse_role(text, self.role_words)
            return self._roles[text]
        except ValueProblem as exc:
            self.problem(line, "role", exc.message)
            return None

    def _read_lists(self, line: int, cell: dict, cells: tuple[str, ...], draft: Draft) -> None:
        for name in self.list_fields:
            try:
                value, unknown = self._list_value(name, cell, cells)
            except ValueProblem as exc:
                self.problem(line, name, exc.message)
                continue
            for kind, key, text in unknown:
                self.terms.note_unknown(kind, key, line, self.header(name), text)
            draft.values[name] = value

    def _list_value(self, name: str, cell: dict, cells: tuple[str, ...]):
        text = cell.get(name, "")
        columns = self.options.get(name, ())
        if not columns:
            if not text:  # most cells of a roster are blank: skip the parser
                return ({} if name == "skills" else EMPTY[name]), ()
            return self.cells.parse(name, text, self.splitters.get(name))
        items = tuple(self.splitters[name].split(text)) if text else ()
        items += self._option_items(columns, cells)
        if columns[0].kind is Kind.GRID and columns[0].invert:
            busy, _unknown = self.cells.parse_items(name, items) if items else ((), ())
            return tuple(s for s in self.slots.calendar if s not in set(busy)), ()
        return self.cells.parse_items(name, items) if items else (({} if name == "skills" else EMPTY[name]), ())

    def _option_items(self, columns: list[ColumnChoice], cells: tuple[str, ...]) -> tuple[str, ...]:
        items: list[str] = []
        for column in columns:
            value = cells[column.index].strip() if column.index < len(cells) else ""
            if column.kind is Kind.OPTION:
                if looks_checked(value):
                    items.append(column.option)
            elif value:
                items += grid_items(column.option, AnswerSplitter().split(value))
        return tuple(items)

    def _read_capacity(self, line: int, cell: dict, draft: Draft) -> None:
        if "capacity" not in cell:
            return
        try:
            capacity = parse_capacity(cell["capacity"])
        except ValueProblem as exc:
            self.problem(line, "capacity", exc.message)
            draft.values["capacity"] = None  # reported already: no default, no second message
            return
        if draft.role is Role.DIRECTOR:
            if capacity is not None:
                self.issues.append(warning(self.raw.source, msg("importer.director_capacity", capacity=capacity),
                                           line, self.header("capacity")))
            capacity = None
        elif capacity is None and draft.role is not None:
            self.missing_capacity.append((line, draft.role))
            capacity = DEFAULT_CAPACITY[draft.role]
        draft.values["capacity"] = capacity


def combine_name(given: str, family: str) -> str:
    """Given and family name as one: Chinese family name first with no space (`陈` + `思远` → `陈思远`),
    a Western given name first with a space (`Maya` + `Okafor` → `Maya Okafor`)."""
    if not given or not family:
        return given or family
    if _cjk(given) or _cjk(family):
        return family + given
    return f"{given} {family}"


def _cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def check_plan(raw: RawTable, plan: ColumnPlan, role: Role | None) -> list[Issue]:
    """Errors that make the whole file unreadable, and warnings about columns the curator should look at."""
    issues = []
    where = dict(line=raw.header_line)
    for name, columns in duplicate_fields(plan).items():
        issues.append(error(raw.source, msg("importer.duplicate_columns", headers=tuple(c.header for c in columns),
                                            field=field_word(name)), **where))
    for column in plan.columns:
        if column.ambiguous:
            issues.append(error(raw.source, msg("importer.ambiguous_column", header=column.header,
                                                fields=either(tuple(field_word(f) for f in column.alternatives)),
                                                example=f"{column.alternatives[0]}={column.header}"), column=column.header, **where))
    if not plan.has("name") and not (plan.has("given_name") or plan.has("family_name")):
        issues.append(error(raw.source, msg("importer.no_name_column", hint=_header_hint(raw)), **where))
    if not plan.has("role") and role is None:
        issues.append(error(raw.source, msg("importer.no_role_column"), **where))
    issues += _column_warnings(raw, plan)
    return issues


def _column_warnings(raw: RawTable, plan: ColumnPlan) -> list[Issue]:
    issues = []
    where = dict(line=raw.header_line)
    if raw.skipped:
        issues.append(warning(raw.source, msg("importer.title_rows_skipped", lines=tuple(n for n, _t in raw.skipped),
                                              text=raw.skipped[0][1][:60]), line=raw.skipped[0][0]))
    if raw.encoding_guessed:
        issues.append(warning(raw.source, msg("importer.encoding_guessed", encoding=raw.encoding)))
    forms = [c for c in plan.columns if c.kind is Kind.FORM]
    if forms:
        issues.append(warning(raw.source, msg("importer.form_columns", tools=either(tuple(tool_word(t) for t in sorted({c.tool for c in forms}))),
                                              headers=tuple(c.header for c in forms)), **where))
    notes = [c for c in plan.notes if not c.ambiguous]
    if notes:
        issues.append(warning(raw.source, unknown_columns_message(notes), **where))
    if not any(plan.has(f) for f in ("genres", "skills", "needs", "availability")):
        looks = tuple(msg("importer.lookalike", header=c.header, field=field_word(c.suggestion or c.alternatives[0]))
                      for c in pairing_lookalikes(plan))
        code = "importer.no_pairing_data" if looks else "importer.no_pairing_data_none"
        issues.append(warning(raw.source, msg(code, lookalikes=looks), **where))
    return issues


def _header_hint(raw: RawTable):
    """Where the header seems to be when it is further down than the import looked."""
    for line, cells in raw.rows[:10]:
        if plan_columns(cells).has("name"):
            return msg("importer.header_further_down", line=line)
    return ""


def unknown_columns_message(notes: list[ColumnChoice]):
    parts = tuple(msg("importer.note_column_guess", header=c.header, field=field_word(c.suggestion)) if c.suggestion
                  else msg("importer.note_column", header=c.header) for c in notes)
    return msg("importer.unknown_columns", columns=parts)


def parse_roster(raw: RawTable, plan: ColumnPlan, settings: Settings, existing_people: Iterable[Person],
                 vocabulary: Vocabulary, role: Role | str | None = None,
                 on_conflict: str | None = None, conflict_choices: Mapping[int, str] | None = None,
                 role_words: Mapping[str, Role] | None = None) -> ParsedRoster:
    """Read every row; match rows to existing people; resolve preferences; report every problem."""
    role = role_option(role or plan.role)
    details = dict(source=raw.source, columns=plan.as_names(), encoding=raw.encoding,
                   delimiter=raw.delimiter, sheet=raw.sheet, column_plan=plan)
    issues = check_plan(raw, plan, role)
    if any(i.is_error for i in issues):
        return ParsedRoster(people=(), issues=tuple(issues), **details)
    reader = RowReader(raw, plan, settings, vocabulary, role, role_words)
    drafts = [d for line, cells in raw.rows if (d := reader.read(line, cells)) is not None]
    if not raw.rows:
        issues.append(warning(raw.source, msg("importer.no_people"), raw.header_line))
    existing = list(existing_people)
    people, lines, id_issues, conflicts = assign_ids(raw.source, drafts, existing, reader, on_conflict,
                                                     conflict_choices or {})
    people, ref_issues = resolve_references(raw.source, people, lines, drafts, existing, reader)
    issues += reader.issues + id_issues + ref_issues
    issues += _term_warnings(reader) + _capacity_warnings(raw.source, reader)
    issues.sort(key=lambda i: (not i.is_error, i.line or 0))
    stored = {p.id: p for p in existing}
    previous = {p.id: stored[p.id] for p in people if p.id in stored}
    return ParsedRoster(people=tuple(people), issues=tuple(issues), lines=lines, previous=previous,
                        custom_terms=reader.terms.custom_terms(), conflicts=tuple(conflicts), **details)


def _term_warnings(reader: RowReader) -> list[Issue]:
    from pairing.words import TermRef

    issues = []
    for (kind, key), places in reader.terms.unknown.items():
        line, column, text = places[0]
        guess = reader.terms.suggestion(kind, text)
        code = "importer.unknown_term_guess" if guess else "importer.unknown_term"
        message = msg(code, kind=msg(f"importer.kind_{kind}"), text=text, key=key,
                      guess=TermRef(kind, guess) if guess else "",
                      also=also_on((p[0] for p in places[1:9]), max(0, len(places) - 9)))
        issues.append(warning(reader.raw.source, message, line, column))
    return issues


def _capacity_warnings(source: str, reader: RowReader) -> list[Issue]:
    issues = []
    column = reader.header("capacity") if "capacity" in reader.columns else None
    for role in (Role.PRODUCER, Role.INSTRUCTOR):
        lines = [line for line, r in reader.missing_capacity if r is role]
        if lines:
            message = msg("importer.capacity_default", role=RoleRef(str(role)), capacity=DEFAULT_CAPACITY[role],
                          also=also_on(lines[1:9], max(0, len(lines) - 9)))
            issues.append(warning(source, message, lines[0], column))
    return issues
