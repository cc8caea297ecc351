"""Roster import, one stage per step: read the table → understand the columns (the column plan) →
parse rows → match people → plan; then apply in one transaction. See `service.py` and docs/import.md."""

from pairing.importer.columns import ColumnChoice, ColumnPlan, Kind, plan_columns
from pairing.importer.headers import CHOOSABLE, FIELDS, HEADER_NAMES, match_header, normalise_header
from pairing.importer.issues import ImportFileError, Issue, Severity
from pairing.importer.matching import Conflict
from pairing.importer.parsing import ParsedRoster, parse_roster
from pairing.importer.planning import Change, ImportPlan, ImportRejected, plan_import
from pairing.importer.reading import RawTable, read_table
from pairing.importer.service import (
    ImportOptions, apply_import, apply_plan, import_roster, plan_file, plan_table, program_vocabulary, read_file,
    understand,
)
from pairing.importer.slots import SlotParser, parse_availability
from pairing.importer.answers import AnswerSplitter, split_answer

__all__ = [
    "CHOOSABLE", "FIELDS", "HEADER_NAMES", "AnswerSplitter", "Change", "ColumnChoice", "ColumnPlan", "Conflict",
    "ImportFileError", "ImportOptions", "ImportPlan", "ImportRejected", "Issue", "Kind", "ParsedRoster",
    "RawTable", "Severity", "SlotParser", "apply_import", "apply_plan", "import_roster", "match_header",
    "normalise_header", "parse_availability", "parse_roster", "plan_columns", "plan_file", "plan_import",
    "plan_table", "program_vocabulary", "read_file", "read_table", "split_answer", "understand",
]
