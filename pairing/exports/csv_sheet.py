"""The pairing sheet as CSV: one row per team, then unmatched directors, in UTF-8 with BOM or GB18030."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path
from typing import Iterable, Iterator

from pairing.errors import UserError
from pairing.exports.atomic import Progress, atomic_path
from pairing.exports.cells import joined, safe_cell
from pairing.exports.labels import text
from pairing.exports.sheet import Sheet, TeamSheet
from pairing.words import msg

COLUMNS = ("team", "director", "producer", "instructors", "score", "meeting_slots",
           "shared_genres", "needs_covered", "reasons")


def header(sheet: Sheet) -> list[str]:
    names = COLUMNS + (("contacts",) if sheet.include_contacts else ())
    return [sheet.label(name) for name in names]


def team_row(team: TeamSheet, include_contacts: bool) -> list:
    row = [
        team.number, team.director.display, team.producer.display if team.producer else "",
        joined(m.display for m in team.instructors), round(team.score, 2), joined(team.meeting_labels),
        joined(team.shared_genres), joined(team.needs_covered), joined(team.reasons),
    ]
    if include_contacts:
        row.append(contacts(team.members))
    return row


def contacts(members) -> str:
    """`Wang Fang <wang@example.org, 138…>` for each member who has any contact."""
    parts = []
    for m in members:
        found = ", ".join(c for c in (m.email, m.phone) if c)
        if found:
            parts.append(f"{m.name} <{found}>")
    return joined(parts)


def rows(sheet: Sheet, progress: Progress | None = None) -> Iterator[list]:
    """Every row of the CSV sheet, header first, neutralised against formula injection."""
    width = len(header(sheet))
    yield [safe_cell(c) for c in header(sheet)]
    for team in sheet.teams:
        yield [safe_cell(c) for c in team_row(team, sheet.include_contacts)]
        if progress:
            progress.step()
    for u in sheet.unmatched:
        yield _side_row(width, text("unmatched", sheet.lang), u.director.display, u.why)
    if sheet.note:
        yield _side_row(width, text("note", sheet.lang), "", joined((sheet.note, *sheet.diagnosis)))


def _side_row(width: int, kind: str, director: str, why: str) -> list:
    """A row after the teams, in the same columns: the kind where the team number goes, the why as reasons."""
    row = [""] * width
    row[0], row[1], row[8] = kind, director, why
    return [safe_cell(c) for c in row]


def check_encoding(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UserError(msg("sheets.unknown_encoding", encoding=repr(encoding))) from None


def write_rows(path: Path, data: Iterable[list], encoding: str) -> None:
    """Write CSV rows to `path` atomically, explaining a character the encoding cannot hold."""
    check_encoding(encoding)
    with atomic_path(path) as temp:
        try:
            with open(temp, "w", encoding=encoding, newline="") as handle:
                csv.writer(handle).writerows(data)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start:exc.end]
            raise UserError(msg("sheets.cannot_encode", text=repr(bad), encoding=encoding,
                                utf8="utf-8-sig", gb="gb18030")) from None


def write_csv(sheet: Sheet, path: Path, *, encoding: str = "utf-8-sig", progress: Progress | None = None) -> None:
    write_rows(path, rows(sheet, progress), encoding)
