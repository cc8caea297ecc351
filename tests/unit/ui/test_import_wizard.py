"""The import wizard: choose, preview with overrides, map columns, review, apply — or cancel, writing nothing."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from ui.import_wizard import ImportWizard

from shell_support import make_document, roster_state

GOOD = ("姓名;角色;类型;技能;availabilty;名额;favourite food\n"
        "周雨;导演;科幻;;周一 上午;;饺子\n"
        "Ana Silva;instructor;;剪辑:4;Mon PM;2;pasta\n")
BAD = ("name,role,capacity\n"
       ",director,\n"
       "Helen,producer,many\n"
       "Bo,astronaut,\n")


@pytest.fixture
def document(tmp_path, qtbot):
    doc = make_document(tmp_path / "w.pairing")
    yield doc
    doc.close()


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "camp.csv"
    path.write_bytes(GOOD.encode("gb18030"))
    return path


def _wizard(qtbot, document, path=None):
    wizard = ImportWizard(document, str(path) if path else None)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _to_preview(qtbot, wizard):
    with qtbot.wait_signal(wizard.tableRead, timeout=10000):
        wizard.next()


def _to_report(qtbot, wizard):
    wizard.next()  # mapping
    with qtbot.wait_signal(wizard.planReady, timeout=10000):
        wizard.next()


def _finish(wizard):
    return wizard.button(QWizard.WizardButton.FinishButton)


def test_the_file_dialog_chooses_the_file(qtbot, document, good_file, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good_file), ""))
    wizard = _wizard(qtbot, document)
    assert not wizard.file_page.isComplete()
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.path() == str(good_file) and wizard.file_page.isComplete()


def test_preview_shows_what_was_detected_and_overrides_reread(qtbot, document, good_file):
    wizard = _wizard(qtbot, document, good_file)
    _to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert "GB18030" in page.status.text() and "semicolon" in page.status.text()
    assert page.model.columnCount() == 7 and page.model.index(0, 0).data() == "周雨"
    assert not page.sheet_combo.isVisibleTo(page)  # a text file has no worksheets
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData(","))
    with qtbot.wait_signal(wizard.tableRead):
        page.delimiter_combo.activated.emit(page.delimiter_combo.currentIndex())
    assert page.model.columnCount() == 1  # a comma never occurs: one wide column
    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("utf-16"))
    with qtbot.wait_signal(wizard.failed):
        page.encoding_combo.activated.emit(page.encoding_combo.currentIndex())
    assert not page.isComplete() and "could not be read" in page.status.text()


def test_a_later_row_can_be_the_header(qtbot, document, good_file):
    wizard = _wizard(qtbot, document, good_file)
    _to_preview(qtbot, wizard)
    wizard.choose_header(2)
    assert wizard.table.header[0] == "周雨" and len(wizard.table.rows) == 1


def test_mapping_offers_suggestions_and_notes(qtbot, document, good_file):
    wizard = _wizard(qtbot, document, good_file)
    _to_preview(qtbot, wizard)
    wizard.next()
    mapping = wizard.mapping_page.mapping()
    assert mapping.fields[0] == "name" and mapping.fields[2] == "genres"
    assert mapping.fields[4] == "availability"  # "availabilty" suggested and preselected
    assert 6 not in mapping.fields              # "favourite food" kept as a note


def test_apply_imports_and_undo_removes(qtbot, document, good_file):
    before = roster_state(document)
    wizard = _wizard(qtbot, document, good_file)
    _to_preview(qtbot, wizard)
    _to_report(qtbot, wizard)
    assert wizard.plan.ok and len(wizard.plan.added) == 2
    assert "2 to add" in wizard.report_page.summary.text()
    assert _finish(wizard).isEnabled()
    with qtbot.wait_signal(wizard.applied, timeout=10000):
        qtbot.mouseClick(_finish(wizard), Qt.MouseButton.LeftButton)
    people = roster_state(document)[0]
    added = {p.name: p for p in people.values()}
    assert added["周雨"].genres == ("sci-fi",) and added["周雨"].availability == ("Mon AM",)
    assert added["Ana Silva"].skills == {"editing": 4} and added["Ana Silva"].extra == {"favourite food": "pasta"}
    document.undo_stack.undo()
    assert roster_state(document) == before


def test_a_file_with_errors_cannot_be_applied(qtbot, document, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    before = roster_state(document)
    wizard = _wizard(qtbot, document, path)
    _to_preview(qtbot, wizard)
    _to_report(qtbot, wizard)
    issues = wizard.report_page.model.issues()
    assert {i.line for i in issues if i.is_error} >= {2, 3, 4}
    assert not wizard.report_page.isComplete() and not _finish(wizard).isEnabled()
    wizard.accept()  # even if forced, nothing happens
    assert wizard.isVisible() and roster_state(document) == before


def test_cancel_writes_nothing(qtbot, document, good_file):
    before = roster_state(document)
    wizard = _wizard(qtbot, document, good_file)
    _to_preview(qtbot, wizard)
    _to_report(qtbot, wizard)
    wizard.reject()
    assert roster_state(document) == before and document.undo_stack.count() == 0


def test_a_workbook_offers_its_worksheets(qtbot, document, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["name", "role"])
    book.active.append(["Someone", "director"])
    mentors = book.create_sheet("导师")
    mentors.append(["姓名", "角色", "技能"])
    mentors.append(["罗斌", "导师", "摄影"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    wizard = _wizard(qtbot, document, path)
    _to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == ["说明", "导师"]
    assert page.sheet_combo.isVisibleTo(page) and not page.delimiter_combo.isVisibleTo(page)
    page.sheet_combo.setCurrentIndex(1)
    with qtbot.wait_signal(wizard.tableRead):
        page.sheet_combo.activated.emit(1)
    assert wizard.table.header == ("姓名", "角色", "技能") and page.model.index(0, 0).data() == "罗斌"
    assert page.sheet_combo.currentText() == "导师"


def test_the_preview_and_report_models_pass_the_model_tester(qtbot, document, tmp_path, qtmodeltester):
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    wizard = _wizard(qtbot, document, path)
    _to_preview(qtbot, wizard)
    qtmodeltester.check(wizard.preview_page.model)
    _to_report(qtbot, wizard)
    qtmodeltester.check(wizard.report_page.model)
    first = wizard.report_page.model.index(0, 0)
    assert first.data() == "Error"


# -- the column plan, conflicts and the Chinese interface (issue 13, issue 8) ---------------------------

FORMS = __import__("pathlib").Path(__file__).parents[2] / "data" / "forms"


def test_the_mapping_page_lists_every_column_with_answers_field_and_reason(qtbot, document):
    wizard = _wizard(qtbot, document, FORMS / "google_forms.csv")
    _to_preview(qtbot, wizard)
    wizard.next()
    page = wizard.mapping_page
    assert len(page.combos) == len(wizard.table.header)
    assert page.combos[0].currentData() == page.KEEP and "Google Forms" in page.reasons[0].text()
    assert page.combos[2].currentData() == "given_name" and page.combos[3].currentData() == "family_name"
    assert "question contains “genre”" in page.reasons[5].text()
    page.set_field(5, None)  # unmap genres: kept as a note, the reason says who chose
    assert wizard.column_plan.columns[5].kind.value == "note" and "chosen by you" in page.reasons[5].text()
    page.set_field(2, "name")  # the curator maps the given-name column as the whole name
    assert wizard.column_plan.columns[2].field == "name"


def test_an_import_without_pairing_data_stops_on_the_mapping_page(qtbot, document, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("姓名,身份,作品风格\n新人,导演,剧情\n", encoding="utf-8")
    wizard = _wizard(qtbot, document, path)
    _to_preview(qtbot, wizard)
    wizard.next()
    page = wizard.mapping_page
    assert not page.isComplete() and "“作品风格” (Genres)" in page.missing.text()
    page.set_field(2, "genres")
    assert page.isComplete() and not page.missing.isVisibleTo(page)
    page.set_field(2, None)
    page.without_pairing.setChecked(True)
    assert page.isComplete()


def test_each_conflict_is_chosen_per_person_in_the_review(qtbot, document, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,name,role,genres\nD01,徐彩云,director,comedy\nP01,Zhou Min,instructor,drama\n",
                    encoding="utf-8")
    before = roster_state(document)
    wizard = _wizard(qtbot, document, path)
    _to_preview(qtbot, wizard)
    _to_report(qtbot, wizard)
    page = wizard.report_page
    assert len(wizard.plan.errors) == 2 and set(page.conflict_combos) == {2, 3}
    assert not page.isComplete()
    with qtbot.wait_signal(wizard.planReady, timeout=10000):
        wizard.choose_conflict(2, "add")
    with qtbot.wait_signal(wizard.planReady, timeout=10000):
        wizard.choose_conflict(3, "update")
    assert wizard.plan.ok and [p.name for p in wizard.plan.added] == ["徐彩云"]
    assert "role: senior producer → instructor" in page.review.toPlainText()
    with qtbot.wait_signal(wizard.applied, timeout=10000):
        qtbot.mouseClick(_finish(wizard), Qt.MouseButton.LeftButton)
    after = roster_state(document)[0]
    assert after["D01"] == before[0]["D01"] and after["P01"].role.value == "instructor"


def test_the_report_is_chinese_in_the_chinese_interface(qtbot, document):
    from ui.i18n import interface_language, set_interface_language

    previous = interface_language()
    set_interface_language("zh_CN")
    try:
        wizard = _wizard(qtbot, document, FORMS / "wjx_text.csv")
        _to_preview(qtbot, wizard)
        wizard.next()
        assert "问卷星自动添加的列" in wizard.mapping_page.reasons[0].text()
        with qtbot.wait_signal(wizard.planReady, timeout=10000):
            wizard.next()
        model = wizard.report_page.model
        details = [model.index(row, 3).data() for row in range(model.rowCount())]
        assert details and all(not re.search(r"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){2,}", d) for d in details)
        assert any("问卷星自动添加的列已搁置" in d for d in details)
        assert "+ D04 陈思远（青年导演）" not in wizard.report_page.review.toPlainText()  # 陈思远 is D01 already
        assert "~ D01 陈思远：" in wizard.report_page.review.toPlainText()
    finally:
        set_interface_language(previous)


def test_an_ambiguous_question_is_asked_on_the_mapping_page(qtbot, document, tmp_path):
    path = tmp_path / "ambiguous.csv"
    path.write_text("Name,Role,Genre and language\nNew One,director,drama\n", encoding="utf-8")
    wizard = _wizard(qtbot, document, path)
    _to_preview(qtbot, wizard)
    wizard.next()
    page = wizard.mapping_page
    assert not page.isComplete() and "“Genre and language” could be Genres / Languages" in page.missing.text()
    assert "could mean genres" in page.reasons[2].text() and "languages" in page.reasons[2].text()
    page.set_field(2, "genres")
    assert page.isComplete()


@pytest.mark.parametrize("name, added", [("wjx_text.csv", 4), ("google_forms.csv", 3), ("msforms.xlsx", 3),
                                         ("wps_title.xlsx", 2)])
def test_done_when_each_export_imports_through_the_wizard_without_editing_the_file(qtbot, tmp_path, name, added):
    """Issue 13, done when: a 问卷星 export, a Google Forms export with split names and a grid, a Microsoft
    Forms download and a WPS sheet with a title row each import through the wizard, unedited."""
    document = make_document(tmp_path / "empty.pairing", people=[])
    try:
        wizard = _wizard(qtbot, document, FORMS / name)
        _to_preview(qtbot, wizard)
        wizard.next()
        assert wizard.mapping_page.isComplete()
        with qtbot.wait_signal(wizard.planReady, timeout=10000):
            wizard.next()
        assert wizard.plan.ok and len(wizard.plan.added) == added
        assert wizard.report_page.review.toPlainText().count("+ ") == added
        with qtbot.wait_signal(wizard.applied, timeout=10000):
            qtbot.mouseClick(_finish(wizard), Qt.MouseButton.LeftButton)
        assert len(roster_state(document)[0]) == added
    finally:
        document.close()


def test_the_curators_column_choices_are_remembered_for_the_next_file(qtbot, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("姓名,身份,作品风格\n新人,导演,剧情\n", encoding="utf-8")
    document = make_document(tmp_path / "empty.pairing", people=[])
    try:
        wizard = _wizard(qtbot, document, path)
        _to_preview(qtbot, wizard)
        wizard.next()
        wizard.mapping_page.set_field(2, "genres")
        with qtbot.wait_signal(wizard.planReady, timeout=10000):
            wizard.next()
        with qtbot.wait_signal(wizard.applied, timeout=10000):
            qtbot.mouseClick(_finish(wizard), Qt.MouseButton.LeftButton)
        again = _wizard(qtbot, document, path)
        _to_preview(qtbot, again)
        again.next()
        assert again.column_plan.columns[2].field == "genres"
        assert "remembered from your last import" in again.mapping_page.reasons[2].text()
    finally:
        document.close()


def test_a_file_that_cannot_be_read_is_said_in_chinese_in_the_chinese_interface(qtbot, document):
    from ui.i18n import interface_language, set_interface_language

    previous = interface_language()
    set_interface_language("zh_CN")
    try:
        wizard = _wizard(qtbot, document, FORMS / "utf8_stray_byte.csv")
        with qtbot.wait_signal(wizard.failed, timeout=10000):
            wizard.next()
        status = wizard.preview_page.status.text()
        assert "第 3 行第 4 个字节" in status and "UTF-8" in status and not wizard.preview_page.isComplete()
    finally:
        set_interface_language(previous)
