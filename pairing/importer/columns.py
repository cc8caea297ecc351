"""Understanding the columns of a roster: one value, the column plan, made in one stage.

Each column of the file gets one choice — a roster field, a form column (set aside), a note (kept with
the person) or ignored — with a score and a reason the curator can read. Columns a form splits one
question into (one 0/1 column per option, an availability grid of one column per day or part) are
choices of their field too. The wizard shows and edits the plan; the command line prints it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Iterable, Mapping

from pairing.importer.forms import FormTool, detect_tools, fallback_field, form_column
from pairing.importer.headers import (
    CHOOSABLE, MATCHED, NAME_PARTS, SUGGESTED, header_key, match_header, normalise_header, strip_numbering,
)
from pairing.importer.issues import either, field_word, tool_word
from pairing.importer.slots import day_word, part_word
from pairing.importer.values import is_role_answer, looks_checked, looks_unchecked
from pairing.vocabulary import BUILTIN, Vocabulary
from pairing.words import Message, msg

SAMPLES = 3
SAMPLE_ROWS = 400
PAIRING_FIELDS = ("genres", "skills", "needs", "availability")
LIST_OPTION_FIELDS = ("genres", "skills", "needs", "availability", "languages", "role")
IGNORE = "ignore"
NOTE = "note"


class Kind(StrEnum):
    FIELD = "field"      # the column holds a roster field
    OPTION = "option"    # one option of a multiple-choice question, checked with 1 / 0
    GRID = "grid"        # one day (or one part of the day) of an availability grid
    FORM = "form"        # added by the form tool: set aside
    NOTE = "note"        # kept with the person as a note
    IGNORED = "ignored"  # dropped


@dataclass(frozen=True)
class ColumnChoice:
    """What one column of the file is, how sure the import is (0-100) and why."""

    index: int
    header: str
    kind: Kind
    field: str | None = None
    score: int = 0
    reason: Message | None = None
    option: str | None = None          # OPTION: the option's text; GRID: the day or part the column stands for
    invert: bool = False               # GRID of times the person is *not* free
    tool: str | None = None            # FORM: the tool that added the column
    samples: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()  # other fields the header means as much (an ambiguous header)
    suggestion: str | None = None      # NOTE: the field the header or values resemble

    @property
    def is_field(self) -> bool:
        return self.kind in (Kind.FIELD, Kind.OPTION, Kind.GRID)

    @property
    def ambiguous(self) -> bool:
        return self.kind is Kind.NOTE and bool(self.alternatives)


@dataclass(frozen=True)
class ColumnPlan:
    """Every column's choice, the tools recognised, and the header's signature (for remembered mappings)."""

    header: tuple[str, ...]
    columns: tuple[ColumnChoice, ...]
    tools: tuple[str, ...] = ()
    role: str | None = None

    @property
    def signature(self) -> str:
        return header_signature(self.header)

    def of_field(self, name: str) -> list[ColumnChoice]:
        return [c for c in self.columns if c.is_field and c.field == name]

    def column_of(self, name: str) -> int | None:
        found = self.of_field(name)
        return found[0].index if found else None

    def has(self, name: str) -> bool:
        return bool(self.of_field(name))

    @property
    def fields(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.is_field}

    @property
    def notes(self) -> list[ColumnChoice]:
        return [c for c in self.columns if c.kind is Kind.NOTE]

    def as_names(self) -> dict[str, str]:
        """Header → field of the columns mapped, for reports."""
        return {c.header: c.field for c in self.columns if c.is_field}

    def choose(self, index: int, choice: str | None, reason: Message | None = None) -> "ColumnPlan":
        """The plan with one column set by the curator: a field, `note`, or `ignore`."""
        columns = list(self.columns)
        columns[index] = chosen(columns[index], choice, reason or msg("importer.reason_chosen"))
        return replace(self, columns=tuple(columns))

    def with_role(self, role: str | None) -> "ColumnPlan":
        return replace(self, role=role)

    def choices(self) -> dict[str, str]:
        """Header → field / note / ignore for every column the curator could set (what is remembered)."""
        out = {}
        for c in self.columns:
            if c.kind is Kind.FIELD:
                out[c.header] = c.field
            elif c.kind in (Kind.NOTE, Kind.IGNORED):
                out[c.header] = NOTE if c.kind is Kind.NOTE else IGNORE
        return out


def chosen(column: ColumnChoice, choice: str | None, reason: Message) -> ColumnChoice:
    if choice in (None, "", NOTE):
        return replace(column, kind=Kind.NOTE, field=None, score=100, reason=reason, alternatives=())
    if choice == IGNORE:
        return replace(column, kind=Kind.IGNORED, field=None, score=100, reason=reason, alternatives=())
    if column.kind in (Kind.OPTION, Kind.GRID) and choice == column.field:
        return column
    return replace(column, kind=Kind.FIELD, field=choice, score=100, reason=reason, alternatives=(),
                   option=None, invert=False)


def header_signature(header: Iterable[str]) -> str:
    """The same questions in the same order give the same signature, whatever their spacing or case."""
    text = "\x1f".join(header_key(h) for h in header)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# -- making the plan ----------------------------------------------------------------------------------

def plan_columns(header: Iterable[str], rows: Iterable[tuple[int, tuple[str, ...]]] = (), *,
                 vocabulary: Vocabulary = BUILTIN, role: str | None = None,
                 role_words: Mapping | None = None) -> ColumnPlan:
    """Understand every column of a table: form columns, grids and option columns, then fields by meaning,
    then the name parts, then one column per field (the surest wins)."""
    header = tuple(str(h) for h in header)
    rows = list(rows)[:SAMPLE_ROWS]
    values = [[cells[i] if i < len(cells) else "" for _line, cells in rows] for i in range(len(header))]
    tools = detect_tools(header)
    columns: list[ColumnChoice | None] = [_form(i, h, tools) for i, h in enumerate(header)]
    for choice in _groups(header, values, columns, vocabulary, role_words):
        columns[choice.index] = choice
    columns = [c or _by_meaning(i, header[i], values[i]) for i, c in enumerate(columns)]
    columns = _fallbacks(columns, tools)
    columns = _name_parts(columns)
    columns = _one_per_field(columns)
    columns = _role_by_values(columns, values, role, role_words)
    columns = [_with_samples(c, values[c.index]) for c in columns]
    columns = _lookalikes(columns, values, vocabulary)
    return ColumnPlan(header, tuple(columns), tuple(t.key for t in tools), role)


def _form(index: int, header: str, tools: tuple[FormTool, ...]) -> ColumnChoice | None:
    tool = form_column(header, tools)
    if tool is None:
        return None
    key = tool if isinstance(tool, str) else tool.key
    return ColumnChoice(index, header, Kind.FORM, score=100, tool=key,
                        reason=msg("importer.reason_form", tool=tool_word(key)),
                        suggestion=fallback_field(header, tool) if not isinstance(tool, str) else None)


def _by_meaning(index: int, header: str, values: list[str]) -> ColumnChoice:
    if not header.strip():
        if any(v.strip() for v in values):
            return ColumnChoice(index, header, Kind.NOTE, reason=msg("importer.reason_no_header"))
        return ColumnChoice(index, header, Kind.IGNORED, reason=msg("importer.reason_empty_column"))
    match = match_header(header)
    if match.field and match.score >= MATCHED and match.alternatives:
        fields = (match.field, *match.alternatives)
        reason = msg("importer.reason_ambiguous", fields=either(tuple(field_word(f) for f in fields)))
        return ColumnChoice(index, header, Kind.NOTE, None, match.score, reason, alternatives=fields)
    if match.field and match.score >= MATCHED:
        return ColumnChoice(index, header, Kind.FIELD, match.field, match.score, match.reason)
    if match.field and match.score >= SUGGESTED:
        return ColumnChoice(index, header, Kind.NOTE, score=match.score, reason=match.reason,
                            suggestion=match.field)
    return ColumnChoice(index, header, Kind.NOTE, reason=msg("importer.reason_unknown"))


def _fallbacks(columns: list[ColumnChoice], tools) -> list[ColumnChoice]:
    """A tool's account column (MS Forms `Email`, Google `Email Address`) holds the field when no question did;
    `anonymous` values are read as blank."""
    out = list(columns)
    for column in columns:
        name = column.suggestion if column.kind is Kind.FORM else None
        if name and not any(c.is_field and c.field == name for c in out):
            out[column.index] = replace(column, kind=Kind.FIELD, field=name, score=MATCHED,
                                        reason=msg("importer.reason_form_fallback", tool=tool_word(column.tool),
                                                   field=field_word(name)))
    return out


def _name_parts(columns: list[ColumnChoice]) -> list[ColumnChoice]:
    """Given and family name columns are combined into the name unless a full-name column exists."""
    full = any(c.kind is Kind.FIELD and c.field == "name" for c in columns)
    out = []
    for column in columns:
        if full and column.kind is Kind.FIELD and column.field in NAME_PARTS:
            column = replace(column, kind=Kind.IGNORED, reason=msg("importer.reason_full_name_exists"))
        out.append(column)
    return out


def _one_per_field(columns: list[ColumnChoice]) -> list[ColumnChoice]:
    """Two columns meaning one field: the surer one holds it, the other is kept as a note saying so.
    Columns the curator chose (score 100 from a name) that tie are left for `duplicate_fields` to report."""
    out = list(columns)
    by_field: dict[str, list[ColumnChoice]] = {}
    for column in columns:
        if column.kind is Kind.FIELD:
            by_field.setdefault(column.field, []).append(column)
    for name, found in by_field.items():
        best = max(c.score for c in found)
        if sum(1 for c in found if c.score == best) > 1:
            continue  # a true tie: reported as an error the curator resolves
        keeper = next(c for c in found if c.score == best)
        for column in found:
            if column is not keeper:
                out[column.index] = replace(column, kind=Kind.NOTE, field=None, suggestion=name,
                                            reason=msg("importer.reason_field_taken", field=field_word(name),
                                                       other=keeper.header))
    return out


def _role_by_values(columns: list[ColumnChoice], values, role: str | None, words=None) -> list[ColumnChoice]:
    """A question whose answers are all roles ("Mentor", "监制/制片人") is the role column."""
    if role or any(c.is_field and c.field == "role" for c in columns):
        return columns
    out = list(columns)
    for column in columns:
        if column.kind is not Kind.NOTE or column.alternatives:
            continue
        answers = {v.strip() for v in values[column.index] if v.strip()}
        if answers and all(is_role_answer(a, words) for a in answers):
            out[column.index] = replace(column, kind=Kind.FIELD, field="role", score=MATCHED,
                                        reason=msg("importer.reason_role_answers"))
            break
    return out


def _with_samples(column: ColumnChoice, values: list[str]) -> ColumnChoice:
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if value and value not in seen:
            seen[value] = None
            if len(seen) == SAMPLES:
                break
    return replace(column, samples=tuple(seen))


def _lookalikes(columns: list[ColumnChoice], values, vocabulary: Vocabulary) -> list[ColumnChoice]:
    """Note columns whose answers are mostly genres, skills or slots say so (for the "no pairing data"
    warning and the wizard), without being mapped: the curator decides."""
    from pairing.importer.answers import split_answer

    out = []
    for column in columns:
        if column.kind is Kind.NOTE and column.suggestion is None and not column.alternatives:
            items = [i for v in values[column.index][:50] for i in split_answer(v)]
            guess = _guess_kind(items, vocabulary)
            if guess:
                column = replace(column, suggestion=guess)
        out.append(column)
    return out


def _guess_kind(items: list[str], vocabulary: Vocabulary) -> str | None:
    if not items:
        return None
    half = len(items) / 2
    if sum(1 for i in items if vocabulary.find("genre", i)) >= half:
        return "genres"
    if sum(1 for i in items if vocabulary.find("skill", i)) >= half:
        return "skills"
    if sum(1 for i in items if day_word(i) or part_word(i)) >= half:
        return "availability"
    return None


# -- one question in several columns ------------------------------------------------------------------

_SPLIT = re.compile(r"^(?P<q>.*?)\s*[\[【(（]\s*(?P<o>[^\[\]【】()（）]+?)\s*[\]】)）]\s*$")
_NUMBER = re.compile(r"^\s*(?:第\s*(\d+)\s*题|[qQ]\s*(\d+)|(\d+))")
_NOT_FREE = ("unavailable", "not available", "busy", "can't", "cannot", "conflict", "不可", "无法", "没空", "不能",
             "没有空", "不方便", "有课", "忙")


def _groups(header, values, columns, vocabulary: Vocabulary, role_words=None) -> list[ColumnChoice]:
    """Option columns and grids: columns sharing one question with a bracketed option or day each,
    or headers that are days alone (`周一`, `Monday`)."""
    groups: dict[tuple, list[tuple[int, str, str]]] = {}
    for index, text in enumerate(header):
        if columns[index] is not None or not text.strip():
            continue
        split = _split(text)
        if split:
            groups.setdefault(split[0], []).append((index, split[1], split[2]))
        elif day_word(normalise_header(text)) or part_word(normalise_header(text)):
            groups.setdefault(("", "days"), []).append((index, "", normalise_header(text)))
    found = []
    for members in groups.values():
        if len(members) >= 2:
            found += _group(members, header, values, vocabulary, role_words)
    return found


def _split(text: str) -> tuple[tuple, str, str] | None:
    """(group key, question, option) of `5、(剧情)`, `Availability [Monday]`, `可参加时间（周一）`."""
    match = _SPLIT.match(text.strip())
    if match is None:
        return None
    number = _NUMBER.match(text)
    question = normalise_header(match["q"]) if strip_numbering(match["q"]).strip() else ""
    num = next((g for g in number.groups() if g), "") if number else ""
    return (num, question), match["q"].strip(), match["o"].strip()


def _group(members, header, values, vocabulary: Vocabulary, role_words=None) -> list[ColumnChoice]:
    question = next((q for _i, q, _o in members if strip_numbering(q).strip()), "")
    options = [o for _i, _q, o in members]
    if all(day_word(o) for o in options) or all(part_word(o) for o in options):
        invert = any(w in question.casefold() for w in _NOT_FREE)
        reason = "importer.reason_grid_unavailable" if invert else "importer.reason_grid"
        return [ColumnChoice(i, header[i], Kind.GRID, "availability", 90, msg(reason, option=o),
                             option=o, invert=invert) for i, _q, o in members]
    if not all(all(looks_checked(v) or looks_unchecked(v) for v in values[i]) for i, _q, _o in members):
        return []
    name, reason = _option_field(question, options, vocabulary, role_words)
    if name is None:
        return []
    return [ColumnChoice(i, header[i], Kind.OPTION, name, 85,
                         msg(reason, option=o, field=field_word(name)), option=o)
            for i, _q, o in members]


def _option_field(question: str, options: list[str], vocabulary: Vocabulary,
                  role_words=None) -> tuple[str | None, str]:
    """The field of a multiple-choice question split per option: from its words, else from its options."""
    if question:
        match = match_header(question)
        if match.field in LIST_OPTION_FIELDS and match.score >= MATCHED and not match.alternatives:
            return match.field, "importer.reason_option"
    guess = _guess_kind(options, vocabulary)
    if guess is None and all(is_role_answer(o, role_words) for o in options):
        guess = "role"
    return guess, "importer.reason_option_values"


# -- what the plan lacks ------------------------------------------------------------------------------

def duplicate_fields(plan: ColumnPlan) -> dict[str, list[ColumnChoice]]:
    """Fields held by more than one plain column (option and grid columns of one question are one field)."""
    seen: dict[str, list[ColumnChoice]] = {}
    for column in plan.columns:
        if column.kind is Kind.FIELD:
            seen.setdefault(column.field, []).append(column)
    return {name: cols for name, cols in seen.items() if len(cols) > 1}


def pairing_lookalikes(plan: ColumnPlan) -> list[ColumnChoice]:
    """Note columns that look like genres, skills, needs or availability (by header or answers)."""
    return [c for c in plan.notes if c.suggestion in PAIRING_FIELDS
            or any(a in PAIRING_FIELDS for a in c.alternatives)]


def apply_mapping(plan: ColumnPlan, mapping: Mapping[str, str], reason: Message) -> tuple[ColumnPlan, list[str]]:
    """The plan with `header → field|note|ignore` choices laid over it (remembered or `--map`); returns the
    headers that are not in the file."""
    by_key: dict[str, list[int]] = {}
    for column in plan.columns:
        by_key.setdefault(header_key(column.header), []).append(column.index)
    missing = []
    for header, choice in mapping.items():
        indexes = by_key.get(header_key(header))
        if not indexes:
            missing.append(header)
            continue
        for index in indexes:
            plan = plan.choose(index, choice, reason)
    return _unique_choices(plan), missing


def _unique_choices(plan: ColumnPlan) -> ColumnPlan:
    """A field chosen for one column takes it from the column the import had guessed (not from another choice)."""
    columns = list(plan.columns)
    chosen_fields = {c.field: c for c in columns if c.kind is Kind.FIELD and c.score == 100
                     and c.reason is not None and c.reason.code in ("importer.reason_chosen",
                                                                    "importer.reason_map_option",
                                                                    "importer.reason_remembered")}
    for column in columns:
        keeper = chosen_fields.get(column.field)
        if keeper is not None and column.is_field and column.index != keeper.index and (
                column.reason is None or column.reason.code not in ("importer.reason_chosen",
                                                                    "importer.reason_map_option",
                                                                    "importer.reason_remembered")):
            columns[column.index] = replace(column, kind=Kind.NOTE, field=None, suggestion=column.field,
                                            reason=msg("importer.reason_field_taken",
                                                       field=field_word(column.field), other=keeper.header))
    return replace(plan, columns=tuple(columns))


def valid_choice(choice: str) -> bool:
    return choice in CHOOSABLE or choice in (NOTE, IGNORE)


__all__ = ["ColumnChoice", "ColumnPlan", "Kind", "apply_mapping", "duplicate_fields", "header_signature",
           "pairing_lookalikes", "plan_columns", "valid_choice"]
