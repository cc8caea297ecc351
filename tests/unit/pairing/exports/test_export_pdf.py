"""The printable PDF, read back with pypdf: A4, a summary then a page per team, searchable Chinese."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from export_fixtures import people, result
from pdf_reading import all_text, fonts, page_size_pt, page_texts
from pairing.domain import Program, SavedRun, Settings
from pairing.errors import UserError
from pairing.exports import ExportOptions, build_sheet, write_export
from pairing.exports.pdf import SUMMARY_ROWS_PER_PAGE, build_document, is_radical, repair_to_unicode
from pairing.exports.synthetic import synthetic_people, synthetic_result
from pairing.words import render


@pytest.fixture
def zh_pdf(data, tmp_path, renderer):
    path = tmp_path / "teams.pdf"
    report = write_export(data, "pdf", path, ExportOptions(lang="zh"), pdf_renderer=renderer)
    return path, report


def test_a4_summary_page_then_one_page_per_team(zh_pdf):
    path, report = zh_pdf
    assert {(round(w), round(h)) for w, h in page_size_pt(path)} == {(595, 842)}  # A4
    text = page_texts(path)
    names = {p.id: p.name for p in people()}
    assert len(text) == 1 + len(result().teams) == 1 + report.count
    assert "青年导演计划 2026" in text[0]
    for number, (page, team) in enumerate(zip(text[1:], result().teams), start=1):
        flat = "".join(page.split())  # long names wrap inside their cell: compare without line breaks

        def shown(name: str) -> bool:
            """The name's start is on the page, and all of it in order (a wrapped line may interleave
            with the next cell's text)."""
            wanted = "".join(name.split())
            rest = iter(flat)
            return wanted[:10] in flat and all(char in rest for char in wanted)

        assert f"组别 {number} —" in page
        assert all(shown(names[p]) for p in (team.director, team.producer, *team.instructors))
        assert f"{team.score:.1f}" in page
    summary = "".join(text[0].split())  # a narrow cell wraps "李雷 (D04)" after the bracket
    assert "李雷(D04)" in summary  # unmatched, with the reason
    assert "在项目日程中没有空闲时段" in summary  # the stored reason, in the sheet's language


def test_chinese_is_real_text_in_an_embedded_simplified_chinese_font(zh_pdf):
    path, report = zh_pdf
    used = fonts(path)
    assert used and all(font.embedded for font in used)
    # the machine's Noto Sans CJK SC, or on a machine without a Chinese font the subset the program ships
    assert any("NotoSansCJKsc" in font.name or "TalentPairingSansSC" in font.name for font in used)
    text = all_text(path)
    for words in ("王芳", "张伟", "陈静", "青年导演计划", "成员", "得分构成", "共同类型", "科幻", "周一 上午"):
        assert words in text
    assert not [c for c in text if is_radical(ord(c))]  # 青 not ⻘, 方 not ⽅
    assert "D01" in text and "2026" in text  # digits after Latin letters survive too
    assert report.warnings == ()


def test_contacts_in_the_pdf_only_when_included(data, tmp_path, renderer):
    path = tmp_path / "teams.pdf"
    write_export(data, "pdf", path, pdf_renderer=renderer)
    assert "wang@example.org" not in all_text(path)
    write_export(data, "pdf", path, ExportOptions(include_contacts=True), pdf_renderer=renderer)
    assert "wang@example.org" in all_text(path)


def test_without_a_chinese_font_on_the_machine_the_bundled_one_makes_searchable_chinese(data, tmp_path, renderer):
    """A machine with only Python has no Chinese font (issue 11): the subset in resources/fonts is embedded."""
    sheet = build_sheet(data.program, data.run, lang="zh")
    document = dataclasses.replace(build_document(sheet), font_families=("No Such Font SC",))
    path = tmp_path / "teams.pdf"
    assert renderer.render(document, path) == []
    used = fonts(path)
    assert used and all(font.embedded for font in used) and any("TalentPairingSansSC" in f.name for f in used)
    text = all_text(path)
    for words in ("王芳", "张伟", "陈静", "青年导演计划", "成员", "得分构成", "共同类型", "科幻", "周一 上午"):
        assert words in text
    assert not [c for c in text if is_radical(ord(c))]
    assert "D01" in text and "2026" in text


def test_without_any_chinese_font_the_pdf_is_written_with_a_warning(data, tmp_path, renderer, monkeypatch):
    import ui.fonts

    monkeypatch.setattr(ui.fonts, "BUNDLED", tmp_path / "removed.otf")  # the bundled font deleted too
    sheet = build_sheet(data.program, data.run, lang="zh")
    document = dataclasses.replace(build_document(sheet), font_families=("No Such Font SC",))
    path = tmp_path / "teams.pdf"
    warnings = renderer.render(document, path)
    assert len(warnings) == 1 and "No Simplified Chinese font" in render(warnings[0])
    assert "未安装简体中文字体" in render(warnings[0], "zh")
    assert len(page_texts(path)) == 4


def test_no_renderer_is_said_in_a_sentence(data, tmp_path):
    with pytest.raises(UserError, match="PDF export needs the Qt renderer"):
        write_export(data, "pdf", tmp_path / "teams.pdf")
    assert not (tmp_path / "teams.pdf").exists()


def test_the_summary_is_split_in_page_sized_tables_and_every_team_has_a_page():
    roster = synthetic_people(60)
    run = SavedRun(1, dt.datetime(2026, 3, 1), Settings(), synthetic_result(roster))
    sheet = build_sheet(Program(Settings(), roster), run)
    document = build_document(sheet)
    summary = document.sections[: len(document.sections) - len(sheet.teams)]
    assert len(summary) > 1
    for team, section in zip(sheet.teams, document.sections[len(summary):]):
        assert sum(s.count(f"({team.director.id})") for s in summary) == 1
        assert f">{team.producer.id}<" in section and f"— {team.director.name}<" in section
    per_section = [sum(f"({t.director.id})" in s for t in sheet.teams) for s in summary]
    assert max(per_section) <= SUMMARY_ROWS_PER_PAGE and sum(per_section) == len(sheet.teams)


def test_text_is_escaped_in_the_layout(data):
    odd = [p.with_changes(name="<b>Bold & co</b>") if p.id == "D02" else p for p in data.program.people]
    sheet = build_sheet(dataclasses.replace(data.program, people=tuple(odd)), data.run)
    html = "".join(build_document(sheet).sections)
    assert "&lt;b&gt;Bold &amp; co&lt;/b&gt;" in html and "<b>Bold" not in html


def test_radicals_in_to_unicode_maps_become_ideographs_at_the_same_length():
    cmap = (b"stream\nbegincmap\n2 beginbfchar\n<0005> <2ED8>\n<0006> <0041>\nendbfchar\n"
            b"2 beginbfrange\n<0010> <0012> [<2F45> <9752> <2F6C>]\n<0020> <0020> <2F08>\n"
            b"<0030> <003A> <2F00>\nendbfrange\nendcmap\nendstream <2ED8>")
    ideograph_of = {0x2ED8: 0x9752, 0x2F45: 0x65B9, 0x2F6C: 0x76EE, 0x2F08: 0x4EBA, 0x2F00: 0x4E00}
    fixed = repair_to_unicode(cmap, ideograph_of)
    assert len(fixed) == len(cmap)
    assert b"<0005> <9752>" in fixed and b"[<65B9> <9752> <76EE>]" in fixed and b"<0020> <0020> <4EBA>" in fixed
    assert b"<0030> <003A> <2F00>" in fixed  # a linear range must stay linear: left alone
    assert fixed.endswith(b"endstream <2ED8>")  # outside the CMap nothing changes
