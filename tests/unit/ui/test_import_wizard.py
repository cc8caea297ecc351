"""The import wizard: choose, preview with overrides, map columns, review, apply — or cancel, writing nothing."""

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
