"""The printable A4 pairing sheet, laid out here (pages, headings, tables, words) and drawn by a renderer.

`pairing` never imports Qt: the layout is Qt rich text (the HTML subset QTextDocument reads), one
section per page group — a summary, then one page per team — and a `PdfRenderer` passed in by the
caller turns it into a PDF (ui/pdf_renderer.py does it with QPdfWriter).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable, Iterable, Protocol, Sequence

from pairing.exports.atomic import Progress, atomic_path
from pairing.exports.cells import joined
from pairing.exports.labels import text
from pairing.exports.schedule_parts import renderer_of, team_meeting_lines
from pairing.exports.sheet import Member, Sheet, TeamSheet
from pairing.faults import user_error
from pairing.words import Message, msg

# Named explicitly: a generic CJK fallback draws Chinese with Japanese glyph forms.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
BAR_COLOUR, BAR_REST, ACCENT, WARN = "#3C8D5A", "#E4E8EC", "#2F4B6E", "#9C0006"
# A score bar is an image named `bar:<percent filled>`, drawn by the renderer: nested tables cost
# more to lay out than the whole rest of a team page.
BAR_URL, BAR_WIDTH, BAR_HEIGHT = "bar:{percent}", 200, 10
SUMMARY_ROWS_PER_PAGE = 22


@dataclass(frozen=True)
class PdfDocument:
    """What to print: sections that each start on a new page, the fonts to use, and a title."""

    title: str
    sections: tuple[str, ...]
    font_families: tuple[str, ...] = CJK_FAMILIES
    needs_cjk: bool = False
    font_size_pt: float = 10.0
    margins_mm: float = 15.0
    page_size: str = "A4"


class PdfRenderer(Protocol):
    """Draws a PdfDocument to `path`; returns warnings as messages (e.g. no Chinese font installed).
    Calls `tick()` after each section, which raises to cancel."""

    def render(self, document: PdfDocument, path: Path, *, tick: Callable[[], None] | None = None) -> list[Message]:
        ...


def has_cjk(values: Iterable[str]) -> bool:
    return any(_CJK.search(v) for v in values if v)


def build_document(sheet: Sheet, schedule=None) -> PdfDocument:
    sections = summary_sections(sheet) + tuple(team_html(sheet, team, schedule) for team in sheet.teams)
    title = f"{sheet.program_name} — {text('page_title', sheet.lang)} ({text('run', sheet.lang)} {sheet.run_id})"
    return PdfDocument(title=title, sections=sections, needs_cjk=has_cjk(sections))


def write_pdf(sheet: Sheet, path: Path, renderer: PdfRenderer, *, progress: Progress | None = None,
              schedule=None) -> list[Message]:
    document = build_document(sheet, schedule)
    if progress:
        progress.expect(len(document.sections))  # the renderer ticks once per section
    tick = progress.step if progress else None
    with atomic_path(path, verify=lambda temp: require_complete_pdf(temp, path)) as temp:
        return renderer.render(document, temp, tick=tick)


def require_complete_pdf(temp: Path, shown: Path) -> None:
    """A PDF writer that ran out of disk may still report success: a finished PDF ends with `%%EOF`."""
    with open(temp, "rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, os.fstat(handle.fileno()).st_size - 1024))
        tail = handle.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise user_error(msg("files.incomplete", path=str(shown), format="PDF"))


# -- HTML pieces ------------------------------------------------------------------------------

def _e(value) -> str:
    return escape(str(value))


TABLE_STYLE = 'width="100%" border="0" cellspacing="0" cellpadding="4"'
HEAD_STYLE = f'style="background-color:#DDE6F0; color:{ACCENT}"'
STRIPE_STYLE = 'style="background-color:#F3F5F7"'  # striped rows, no grid: a grid costs Qt twice the time


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int] | None = None) -> str:
    """A table with a shaded header and ruled rows; cells are already escaped HTML."""
    def cell(tag: str, content: str, i: int) -> str:
        width = f' width="{widths[i]}%"' if widths else ""
        return f"<{tag}{width}>{content}</{tag}>"

    head_html = f"<tr {HEAD_STYLE}>" + "".join(cell("th", h, i) for i, h in enumerate(head)) + "</tr>" if head else ""
    body = "".join(("<tr>" if n % 2 == 0 else f"<tr {STRIPE_STYLE}>") + "".join(cell("td", c, i) for i, c in enumerate(r))
                   + "</tr>" for n, r in enumerate(rows))
    return f"<table {TABLE_STYLE}><thead>{head_html}</thead>{body}</table>"


def _note(sheet: Sheet) -> str:
    if not sheet.note:
        return ""
    lines = "".join(f"<br/>{_e(d)}" for d in sheet.diagnosis)
    return f'<p style="color:{WARN}; font-weight:bold">{_e(sheet.note)}{lines}</p>'


def _heading(title: str, subtitle: str) -> str:
    return (f'<h1 style="color:{ACCENT}; font-size:18pt; margin-bottom:2px">{_e(title)}</h1>'
            f'<p style="color:#555555; margin-top:0">{_e(subtitle)}</p>')


def _run_line(sheet: Sheet) -> str:
    lang = sheet.lang
    status = f"{text('status', lang)}{text('colon', lang)}{sheet.status_label}"
    return f"{text('run', lang)} {sheet.run_id} · {sheet.created_text} · {status}"


def _names(members: Sequence[Member], separator: str = "; ") -> str:
    return separator.join(_e(m.display) for m in members) if members else text("none", "en")


# -- summary ----------------------------------------------------------------------------------

def summary_sections(sheet: Sheet) -> tuple[str, ...]:
    """The summary: run facts and the teams table, a page's worth of rows per section (a single
    table of thousands of rows takes Qt quadratic time to lay out)."""
    lang = sheet.lang
    facts = [
        (text("objective", lang), f"{sheet.total:.2f}"), (text("better_possible", lang), sheet.better_possible),
        (text("teams_count", lang), str(len(sheet.teams))),
        (sheet.label("unmatched_count"), str(len(sheet.unmatched))),
    ]
    facts_html = " &nbsp;·&nbsp; ".join(f"<b>{_e(k)}</b>{text('colon', lang)}{_e(v)}" for k, v in facts)
    first = SUMMARY_ROWS_PER_PAGE - 6 - (3 if sheet.note else 0)
    chunks = [sheet.teams[:first]] + [sheet.teams[i:i + SUMMARY_ROWS_PER_PAGE]
                                      for i in range(first, len(sheet.teams), SUMMARY_ROWS_PER_PAGE)]
    title = f"<h2>{_e(text('teams', lang))}</h2>"
    sections = [_heading(sheet.program_name, _run_line(sheet)) + _note(sheet) + f"<p>{facts_html}</p>"
                + title + _summary_teams(chunks[0], sheet)]
    sections += [f"<p style='color:#555555'>{_e(sheet.program_name)} · {_e(text('teams', lang))}</p>"
                 + _summary_teams(chunk, sheet) for chunk in chunks[1:]]
    sections[-1] += _summary_unmatched(sheet)
    return tuple(sections)


def _summary_teams(teams: Sequence[TeamSheet], sheet: Sheet) -> str:
    lang = sheet.lang
    head = [_e(sheet.label(k)) for k in ("team", "director", "producer", "instructors", "score", "meeting_slots")]
    none = text("none", lang)
    rows = (
        [str(t.number), _e(t.director.display), _e(t.producer.display) if t.producer else none,
         _names(t.instructors, "<br/>"), f"{t.score:.1f}", _slots_short(t.meeting_labels, none)]
        for t in teams
    )
    return f'<div style="font-size:9pt">{_table(head, rows, (6, 22, 22, 28, 8, 14))}</div>'


def _slots_short(labels: Sequence[str], none: str) -> str:
    """The first meeting slot, and how many more there are: `Mon PM (+4)`."""
    if not labels:
        return none
    return _e(labels[0]) + (f" (+{len(labels) - 1})" if len(labels) > 1 else "")


def _summary_unmatched(sheet: Sheet) -> str:
    if not sheet.unmatched:
        return ""
    lang = sheet.lang
    rows = ([_e(u.director.display), _e(u.why)] for u in sheet.unmatched)
    return (f"<h2>{_e(text('unmatched', lang))}</h2>"
            + _table([_e(sheet.label("director")), _e(text("why", lang))], rows, (30, 70)))


# -- one team ---------------------------------------------------------------------------------

def team_html(sheet: Sheet, team: TeamSheet, schedule=None) -> str:
    lang = sheet.lang
    title = f"{text('team', lang)} {team.number} — {team.director.name}"
    subtitle = f"{sheet.program_name} · {_run_line(sheet)}"
    parts = [_heading(title, subtitle), _note(sheet), _members(sheet, team), _facts(team, lang),
             _meetings(sheet, team, schedule), _breakdown(team, lang), _reasons(team, lang)]
    return "".join(parts)


def _members(sheet: Sheet, team: TeamSheet) -> str:
    lang = sheet.lang
    keys = ["role", "name", "id", "organization"] + (["email", "phone"] if sheet.include_contacts else [])
    locked = set(team.locked)
    rows = []
    for m in team.members:
        role = _e(m.role_label) + (f" ({_e(text('locked', lang))})" if m.id in locked else "")
        row = [role, f"<b>{_e(m.name)}</b>", _e(m.id), _e(m.organization)]
        rows.append(row + ([_e(m.email), _e(m.phone)] if sheet.include_contacts else []))
    widths = (18, 30, 12, 40) if not sheet.include_contacts else (14, 20, 8, 22, 22, 14)
    return f"<h2>{_e(text('members', lang))}</h2>" + _table([_e(text(k, lang)) for k in keys], rows, widths)


def _facts(team: TeamSheet, lang: str) -> str:
    """Shared genres, needs covered, meeting slots: labelled paragraphs (a table per page costs Qt as
    much as the rest of the page)."""
    none = text("none", lang)
    lines = [
        f"<p style='margin-top:3px; margin-bottom:3px'><b>{_e(text(key, lang))}</b>{text('colon', lang)}"
        f"{_e(joined(values)) if values else none}</p>"
        for key, values in (("shared_genres", team.shared_genres), ("needs_covered", team.needs_covered),
                            ("meeting_slots", team.meeting_labels))
    ]
    return "<br/>" + "".join(lines)


def _meetings(sheet: Sheet, team: TeamSheet, schedule) -> str:
    """The team's meetings from the run's schedule (issue 10); nothing when the run has none."""
    if schedule is None:
        return ""
    say = renderer_of(sheet)
    lines = team_meeting_lines(schedule, team.director.id) or [msg("schedule.not_scheduled")]
    items = "".join(f"<li>{_e(say(line))}</li>" for line in lines)
    return f"<h2>{_e(say(msg('schedule.meetings')))}</h2><ul style='margin-top:0'>{items}</ul>"


def bar_fraction(value: float, scale: float) -> float:
    return max(0.0, min(1.0, value / scale)) if scale > 0 else 0.0


def _bar(fraction: float) -> str:
    """A small horizontal bar: an image the renderer draws (see BAR_URL)."""
    url = BAR_URL.format(percent=round(fraction * 100))
    return f'<img src="{url}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" style="vertical-align:middle"/>'


def _breakdown(team: TeamSheet, lang: str) -> str:
    """Each criterion's points out of the most it could give, a bar first so that the bars line up."""
    lines = [
        f"<p style='margin-top:2px; margin-bottom:2px'>{_bar(bar_fraction(c.value, c.maximum))}"
        f"&nbsp;&nbsp;{_e(c.label)}&nbsp;&nbsp;<span style='color:#555555'>{c.value:.1f} / {c.maximum:.1f}</span></p>"
        for c in team.breakdown
    ]
    title = f"{text('breakdown', lang)} — {text('score', lang)} {team.score:.1f}"
    return f"<h2>{_e(title)}</h2>" + "".join(lines)


def _reasons(team: TeamSheet, lang: str) -> str:
    if not team.reasons:
        return ""
    items = "".join(f"<li>{_e(r)}</li>" for r in team.reasons)
    return f"<h2>{_e(text('reasons', lang))}</h2><ul>{items}</ul>"


# -- searchable Chinese -----------------------------------------------------------------------

# CJK fonts draw a Kangxi radical (U+2F00…) and its ideograph with one glyph. Qt's PDF writer maps each
# glyph back to the lowest code point that uses it, so 青 would be extracted and searched as ⻘ (U+2ED8).
RADICAL_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.S)
_BF_LINE = re.compile(rb"^(<[0-9A-Fa-f]+>)( <[0-9A-Fa-f]+>)?( .*)$")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def is_radical(code: int) -> bool:
    return any(low <= code <= high for low, high in RADICAL_RANGES)


def repair_to_unicode(data: bytes, ideograph_of: dict[int, int]) -> bytes:
    """The PDF with radicals in its ToUnicode maps replaced by the ideographs that share their glyphs.

    Each code has the same length (four hex digits), so every byte offset of the PDF stays valid.
    """
    def fix_cmap(match: re.Match) -> bytes:
        lines = match.group(1).split(b"\n")
        return b"begincmap" + b"\n".join(_fix_line(line, ideograph_of) for line in lines) + b"endcmap"

    return _CMAP.sub(fix_cmap, data)


def _fix_line(line: bytes, ideograph_of: dict[int, int]) -> bytes:
    """A `bfchar` line `<src> <dst>` or a `bfrange` line `<lo> <hi> <dst>|[<dst> …]`: fix destinations only."""
    found = _BF_LINE.match(line)
    if not found:
        return line
    first, second, rest = found.groups()
    if second is None:  # bfchar: `rest` is the destination
        return first + _fix_codes(rest, ideograph_of)
    single = first == second.strip()
    if rest.strip().startswith(b"[") or single:  # a linear range of several codes must stay linear
        return first + second + _fix_codes(rest, ideograph_of)
    return line


def _fix_codes(text: bytes, ideograph_of: dict[int, int]) -> bytes:
    def swap(match: re.Match) -> bytes:
        code = int(match.group(1), 16)
        if is_radical(code) and code in ideograph_of:
            return b"<%04X>" % ideograph_of[code]
        return match.group(0)

    return _HEX.sub(swap, text)
