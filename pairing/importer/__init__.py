"""Roster import: read CSV/XLSX, map headers, parse values, plan the changes, apply them in one transaction."""

from pairing.importer.headers import HEADER_NAMES, ColumnMapping, map_columns
from pairing.importer.issues import Issue, Severity
from pairing.importer.parsing import ParsedRoster, parse_roster
from pairing.importer.planning import Change, ImportPlan, ImportRejected, apply_import, plan_import
from pairing.importer.reading import RawTable, read_table
from pairing.importer.service import import_roster, program_vocabulary
from pairing.importer.slots import SlotParser, parse_availability
from pairing.importer.values import split_list

__all__ = [
    "HEADER_NAMES", "Change", "ColumnMapping", "ImportPlan", "ImportRejected", "Issue", "ParsedRoster",
    "RawTable", "Severity", "SlotParser", "apply_import", "import_roster", "map_columns",
    "parse_availability", "parse_roster", "plan_import", "program_vocabulary", "read_table", "split_list",
]
