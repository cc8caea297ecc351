"""The pairing sheet as a formatted Excel workbook (XlsxWriter): Teams, one sheet per producer,
Unmatched, Roster and the Settings of the run."""

from __future__ import annotations

import io
import re
from pathlib import Path

import xlsxwriter

from pairing.domain import Settings
from pairing.exports.atomic import Progress, atomic_path
from pairing.exports.cells import joined, safe_cell
from pairing.exports.csv_sheet import header as team_header, team_row
from pairing.exports.labels import text
from pairing.exports.roster import roster_rows
from pairing.exports.schedule_parts import meeting_rows, person_week_rows, renderer_of
from pairing.exports.sheet import Sheet, TeamSheet
from pairing.schema import SETTINGS
from pairing.words import msg, render

# Text stays text: XlsxWriter would otherwise turn "=…" into a live formula and "123" into a number.
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
                    "in_memory": True}  # no temporary file per sheet: hundreds of producer sheets
_FORBIDDEN_IN_NAME = re.compile(r"[\[\]:*?/\\]")
TEAM_WIDTHS = (7, 24, 24, 36, 8, 24, 24, 28, 60, 40)


def write_xlsx(sheet: Sheet, path: Path, *, progress: Progress | None = None, schedule=None) -> None:
    """Build the workbook in memory, then write its bytes with checked writes (issue 12).

    xlsxwriter writing a file itself leaves its zip half-closed on a full disk; in memory it cannot fail
    that way, and the bytes go to the disk through one `write` that raises when the disk is full.
    """
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    try:
        _Book(book, sheet, progress, schedule).write()
    finally:
        book.close()
    with atomic_path(path) as temp:
        temp.write_bytes(buffer.getbuffer())


class _Book:
    """One workbook being written; holds its formats and the names already given to sheets."""

    def __init__(self, book, sheet: Sheet, progress: Progress | None, schedule=None) -> None:
        self.book, self.sheet, self.progress, self.schedule = book, sheet, progress, schedule
        self.bold = book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1, "text_wrap": True,
                                     "valign": "top"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.score = book.add_format({"num_format": "0.00", "valign": "top"})
        self.warn = book.add_format({"bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        self.names: set[str] = set()

    def write(self) -> None:
        s = self.sheet
        self.teams_sheet()
        for producer, teams in producer_groups(s.teams):
            self.producer_sheet(producer, teams)
        if self.schedule is not None:  # the meeting schedule (issue 10)
            self.schedule_sheets()
        self.unmatched_sheet()
        self.rows_sheet(text("roster", s.lang), roster_rows(s.program.people, s.include_contacts))
        self.rows_sheet(text("settings", s.lang), settings_rows(s))

    def add_sheet(self, name: str):
        name = unique_sheet_name(name, self.names)
        self.names.add(name.casefold())
        return self.book.add_worksheet(name)

    def put(self, ws, row: int, col: int, value, fmt=None) -> None:
        value = safe_cell(value)
        if isinstance(value, (int, float)):
            ws.write_number(row, col, value, fmt or self.score)
        elif value:
            ws.write_string(row, col, value, fmt or self.wrap)

    def put_row(self, ws, row: int, values, fmt=None) -> None:
        for col, value in enumerate(values):
            self.put(ws, row, col, value, fmt)

    def table_head(self, ws, names, widths) -> None:
        self.put_row(ws, 0, names, self.bold)
        ws.freeze_panes(1, 0)
        for col, width in enumerate(widths[: len(names)]):
            ws.set_column(col, col, width)

    def teams_sheet(self) -> None:
        s = self.sheet
        ws = self.add_sheet(text("teams", s.lang))
        names = team_header(s)
        self.table_head(ws, names, TEAM_WIDTHS)
        for r, team in enumerate(s.teams, start=1):
            self.put_row(ws, r, team_row(team, s.include_contacts))
            if self.progress:
                self.progress.step()
        last = len(s.teams)
        ws.autofilter(0, 0, last, len(names) - 1)
        # Excel 2007 bars: the 2010 extension is dropped (with a warning) by openpyxl and older readers.
        ws.conditional_format(1, 4, last, 4, {"type": "data_bar", "bar_color": "#63BE7B", "data_bar_2010": False})
        if s.note:
            ws.merge_range(last + 2, 0, last + 2, 5, s.note, self.warn)

    def producer_sheet(self, producer, teams: list[TeamSheet]) -> None:
        ws = self.add_sheet(producer.name or producer.id)
        names = [self.sheet.label(k) for k in ("team", "director", "instructors", "score", "meeting_slots",
                                               "shared_genres", "needs_covered")]
        self.table_head(ws, names, (7, 24, 36, 8, 24, 24, 28))
        for r, team in enumerate(teams, start=1):
            self.put_row(ws, r, [team.number, team.director.display, joined(m.display for m in team.instructors),
                                 round(team.score, 2), joined(team.meeting_labels), joined(team.shared_genres),
                                 joined(team.needs_covered)])

    def unmatched_sheet(self) -> None:
        s = self.sheet
        ws = self.add_sheet(text("unmatched", s.lang))
        self.table_head(ws, [s.label("director"), text("why", s.lang)], (28, 80))
        for r, u in enumerate(s.unmatched, start=1):
            self.put_row(ws, r, [u.director.display, u.why])

    def schedule_sheets(self) -> None:
        """Every meeting (one row each), and a person × week sheet: who meets when, week by week."""
        say = renderer_of(self.sheet)
        self.table_sheet(say(msg("schedule.meetings")), meeting_rows(self.sheet, self.schedule),
                         (7, 24, 12, 14, 8, 8, 60))
        weeks = self.table_sheet(say(msg("schedule.people_weeks")), person_week_rows(self.sheet, self.schedule),
                                 (24, 14) + (14,) * self.schedule.frame.weeks)
        weeks.freeze_panes(1, 1)

    def table_sheet(self, name: str, rows, widths):
        ws = self.add_sheet(name)
        rows = iter(rows)
        self.table_head(ws, next(rows), widths)
        for r, values in enumerate(rows, start=1):
            self.put_row(ws, r, values)
        return ws

    def rows_sheet(self, name: str, rows) -> None:
        ws = self.add_sheet(name)
        rows = iter(rows)
        head = next(rows)
        self.table_head(ws, head, [22] * len(head))
        for r, values in enumerate(rows, start=1):
            self.put_row(ws, r, values)


def producer_groups(teams) -> list[tuple]:
    """Each producer with their teams, producers in the order they first appear."""
    groups: dict[str, tuple] = {}
    for team in teams:
        if team.producer is not None:
            groups.setdefault(team.producer.id, (team.producer, []))[1].append(team)
    return list(groups.values())


def unique_sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid Excel sheet name: no []:*?/\\, no quote at either end, ≤ 31 characters, unique
    (Excel compares names without case)."""
    base = _FORBIDDEN_IN_NAME.sub("_", wanted).strip().strip("'").strip() or "Sheet"
    if base.casefold() == "history":  # reserved by Excel
        base = "History_"
    name, n = base[:31], 1
    while name.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)].rstrip("'") + suffix
    return name


def settings_rows(sheet: Sheet):
    """The run's facts and the settings it used, as `setting, value` rows."""
    lang = sheet.lang
    yield [text("setting", lang), text("value", lang)]
    yield [text("program", lang), sheet.program_name]
    yield [text("run", lang), sheet.run_id]
    yield [text("created", lang), sheet.created_text]
    yield [text("status", lang), sheet.status_label]
    yield [text("objective", lang), round(sheet.total, 4)]
    yield [text("better_possible", lang), sheet.better_possible]
    yield [text("wall_s", lang), round(sheet.wall_s, 4)]
    if sheet.note:
        yield [text("note", lang), sheet.note]
    for line in sheet.diagnosis:
        yield [text("diagnosis", lang), line]
    yield from _settings_values(sheet.settings, lang)


def _settings_values(settings: Settings, lang: str):
    """The Settings tab: every setting of pairing/schema.py by its title, then each criterion's weight."""
    for spec in SETTINGS:
        value = getattr(settings, spec.name)
        if spec.type is tuple:
            value = joined(value)
        elif spec.type is bool:
            value = text("yes" if value else "no", lang)
        elif spec.type not in (int, float):
            value = "" if value is None else str(value)
        yield [spec.title(lang), value]
    for key, weight in settings.weights.as_dict().items():
        yield [render(msg("settings.weight", criterion=msg(f"criteria.{key}")), lang), weight]