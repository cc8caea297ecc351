"""The import, one stage per step, inside the caller's session: the seam the action layer, the wizard and
the command line use.

    read_file      the file → a RawTable (header, rows, encoding, delimiter, title rows skipped)
    understand     the table → a ColumnPlan (each column's field, form column, note or ignored, and why),
                   with the mapping the program remembers for this header and the curator's `--map`
    plan_table     the table and plan → an ImportPlan (parse rows, match people, the diff to review)
    apply_plan     the plan → written, and the curator's column choices remembered

`plan_file` runs the first three; `import_roster` all four (or stops at the plan on a dry run).
`apply_import` (exported by the package, used by `pairing.actions.importing`) is `apply_plan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from sqlalchemy.orm import Session

from pairing.domain import Role
from pairing.importer.columns import ColumnPlan, apply_mapping, plan_columns, valid_choice
from pairing.importer.headers import header_key
from pairing.importer.issues import ImportFileError, warning
from pairing.importer.matching import CONFLICT_CHOICES
from pairing.importer.parsing import parse_roster
from pairing.importer.planning import ImportPlan, plan_import, write_plan
from pairing.importer.reading import RawTable, read_table
from pairing.importer.values import program_role_words, role_option
from pairing.storage import program_repo, repo
from pairing.vocabulary import BUILTIN, Vocabulary
from pairing.words import msg


@dataclass(frozen=True)
class ImportOptions:
    """What the curator chose for one import (all optional)."""

    role: str | Role | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)  # header → field | note | ignore (`--map`)
    on_conflict: str | None = None                             # add | update for every conflict
    conflict_choices: Mapping[int, str] = field(default_factory=dict)  # file line → add | update


def program_vocabulary(session: Session) -> Vocabulary:
    """The built-in vocabulary plus the custom terms earlier imports kept."""
    vocabulary = BUILTIN
    for kind, keys in repo.custom_terms(session).items():
        vocabulary = vocabulary.with_custom(kind, keys)
    return vocabulary


def role_words(session: Session) -> dict:
    """The program's own names for its roles (a camp's "学员", "动作导演"…) as answers the import reads."""
    return program_role_words(program_repo.get_properties(session).roles)


def read_file(path: str | Path, options: ImportOptions = ImportOptions()) -> RawTable:
    """Stage 1. Raises ImportFileError (a UserError with a message) when the file cannot be read."""
    return read_table(path, encoding=options.encoding, delimiter=options.delimiter, sheet=options.sheet)


def understand(session: Session, raw: RawTable, options: ImportOptions = ImportOptions()) -> ColumnPlan:
    """Stage 2: the column plan, with the remembered mapping for this header and then `options.mapping`."""
    role = role_option(options.role)
    plan = plan_columns(raw.header, raw.rows, vocabulary=program_vocabulary(session),
                        role=str(role) if role else None, role_words=role_words(session))
    remembered = repo.import_mapping(session, plan.signature)
    if remembered:
        plan, _missing = apply_mapping(plan, remembered, msg("importer.reason_remembered"))
    if options.mapping:
        plan, missing = apply_mapping(plan, options.mapping, msg("importer.reason_map_option"))
        if missing:
            raise ImportFileError(msg("importer.map_unknown_header", headers=tuple(missing),
                                      known=tuple(h for h in raw.header if h.strip())))
    return plan


def plan_table(session: Session, raw: RawTable, plan: ColumnPlan,
               options: ImportOptions = ImportOptions()) -> ImportPlan:
    """Stages 3-5: parse every row through the plan, match people safely, and the diff against the program."""
    role = role_option(options.role) or role_option(plan.role)
    parsed = parse_roster(raw, plan, repo.get_settings(session), repo.list_people(session),
                          program_vocabulary(session), role, on_conflict=options.on_conflict,
                          conflict_choices=options.conflict_choices, role_words=role_words(session))
    result = plan_import(session, parsed)
    if options.sheet and raw.sheet is None:
        note = warning(raw.source, msg("importer.sheet_option_text", sheet=options.sheet))
        result = replace(result, issues=result.issues + (note,))
    return result


def plan_file(session: Session, path: str | Path, options: ImportOptions = ImportOptions()) -> ImportPlan:
    raw = read_file(path, options)
    return plan_table(session, raw, understand(session, raw, options), options)


def apply_plan(session: Session, plan: ImportPlan) -> ImportPlan:
    """Write the plan in the caller's transaction and remember the curator's column choices for this header."""
    applied = write_plan(session, plan)
    remember_choices(session, plan.column_plan)
    return applied


def remember_choices(session: Session, plan: ColumnPlan | None) -> None:
    """Only what the curator chose (in the wizard, by `--map`, or remembered before) is remembered."""
    if plan is None:
        return
    chosen = {c.header: choice for c in plan.columns
              if c.reason is not None and c.reason.code in CHOSEN_REASONS
              and (choice := plan.choices().get(c.header)) is not None}
    if chosen:
        repo.save_import_mapping(session, plan.signature, chosen)


CHOSEN_REASONS = ("importer.reason_chosen", "importer.reason_map_option", "importer.reason_remembered")


def parse_map_option(texts) -> dict[str, str]:
    """`--map FIELD=HEADER` and `--map HEADER=ignore` (also `HEADER=note`) → header → choice."""
    mapping: dict[str, str] = {}
    for text in texts or ():
        left, sep, right = text.partition("=")
        left, right = left.strip(), right.strip()
        if not sep or not left or not right:
            raise ImportFileError(msg("importer.map_syntax", text=text))
        if valid_choice(header_key(left)) and header_key(left) not in ("note", "ignore"):
            mapping[right] = header_key(left)
        elif header_key(right) in ("ignore", "note"):
            mapping[left] = header_key(right)
        else:
            raise ImportFileError(msg("importer.map_field", text=text, field=left))
    return mapping


def conflict_option(text: str | None) -> str | None:
    if text is not None and text not in CONFLICT_CHOICES:
        raise ImportFileError(msg("importer.conflict_option", text=text))
    return text


def import_roster(session: Session, path: str | Path, *, role: str | Role | None = None,
                  encoding: str | None = None, delimiter: str | None = None, sheet: str | None = None,
                  dry_run: bool = False, mapping: Mapping[str, str] | None = None,
                  on_conflict: str | None = None, conflict_choices: Mapping[int, str] | None = None) -> ImportPlan:
    """Read, understand, plan and (unless dry_run or there are errors) apply an import.

    Returns the plan; with errors nothing is written and `plan.errors` lists them all.
    Raises ImportFileError (a UserError) when the file itself cannot be read.
    """
    options = ImportOptions(role=role, encoding=encoding, delimiter=delimiter, sheet=sheet,
                            mapping=dict(mapping or {}), on_conflict=conflict_option(on_conflict),
                            conflict_choices=dict(conflict_choices or {}))
    role_option(role)  # a bad --role is refused before the file is read
    plan = plan_file(session, path, options)
    if dry_run or plan.errors:
        return plan
    return apply_plan(session, plan)


apply_import = apply_plan  # the name pairing.actions.importing applies a plan by
