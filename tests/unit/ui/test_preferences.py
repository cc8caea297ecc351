"""Preferences in a temporary QSettings file, and the Chinese catalogue loaded by language."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pairing.domain import Role, Weights
from ui.app import TRANSLATIONS, install_translators, program_to_open, parse_args, remove_translators
from ui.i18n import data_lang
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog
from ui.settings_store import MAX_RECENT, Preferences, SettingsStore


@pytest.fixture
def settings(tmp_path):
    return SettingsStore.at(tmp_path / "settings.ini")


def test_the_settings_file_is_the_temporary_one(settings, tmp_path):
    settings.save_preferences(Preferences("zh_CN"))
    assert settings.settings.fileName() == str(tmp_path / "settings.ini")
    assert settings.settings.format() == QSettings.Format.IniFormat


def test_preferences_round_trip(settings):
    assert settings.preferences() == Preferences()
    chosen = Preferences("zh_CN", Weights(genre=5.5, needs=0.0), 42.0)
    settings.save_preferences(chosen)
    assert settings.preferences() == chosen
    assert SettingsStore(QSettings(settings.settings.fileName(), QSettings.Format.IniFormat)).preferences() == chosen


def test_nonsense_in_the_file_falls_back_to_defaults(settings):
    settings.settings.setValue("preferences/language", "klingon")
    settings.settings.setValue("preferences/time_limit_s", "soon")
    assert settings.preferences() == Preferences()


def test_recent_programs_are_unique_newest_first_and_bounded(settings):
    for n in range(MAX_RECENT + 2):
        settings.add_recent_program(f"/p/{n}.pairing")
    settings.add_recent_program("/p/3.pairing")
    recent = settings.recent_programs()
    assert recent[0] == "/p/3.pairing" and len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
    assert settings.last_program() == "/p/3.pairing"
    settings.remove_recent_program("/p/3.pairing")
    assert "/p/3.pairing" not in settings.recent_programs() and settings.last_program() is None


def test_the_last_program_reopens_only_if_it_still_exists(settings, tmp_path):
    existing = tmp_path / "a.pairing"
    existing.write_bytes(b"")
    settings.add_recent_program(str(tmp_path / "gone.pairing"))
    assert program_to_open(parse_args([]), settings) is None
    settings.add_recent_program(str(existing))
    assert program_to_open(parse_args([]), settings) == str(existing)
    assert program_to_open(parse_args(["--open", "x.pairing"]), settings) == "x.pairing"


def test_the_dialog_saves_what_was_chosen(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.weight_spins["genre"].setValue(7.5)
    dialog.time_spin.setValue(3)
    dialog.accept()
    saved = settings.preferences()
    assert saved.language == "zh_CN" and saved.weights.genre == 7.5 and saved.time_limit_s == 3


def test_cancel_saves_nothing(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.weight_spins["needs"].setValue(9)
    dialog.reject()
    assert settings.preferences() == Preferences()


def test_the_chinese_catalogue_translates_the_window(qtbot, settings):
    assert (TRANSLATIONS / "talent_pairing_zh_CN.qm").is_file()
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        assert translators and data_lang() == "zh"
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert window.file_menu.title() == "文件(&F)"
        assert window.undo_action.text().startswith("撤销")
    finally:
        remove_translators(app, translators)
    english = MainWindow(settings)
    qtbot.addWidget(english)
    assert english.file_menu.title() == "&File" and data_lang() == "en"


def test_window_geometry_is_restored(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(701, 503)  # within the offscreen screen (800 × 600), so nothing is clamped
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.size() == window.size() and window.width() == 701


def _mnemonics(menu):
    import re

    keys = [m.group(1).casefold() for a in menu.actions() if (m := re.search(r"&(\w)", a.text()))]
    return keys


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_menu_mnemonics_are_unique_in_both_languages(qtbot, settings, language):
    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        menus = [window.file_menu, window.edit_menu, window.help_menu]
        for menu in menus:
            keys = _mnemonics(menu)
            assert len(keys) == len(set(keys)), (menu.title(), keys)
        bar = [a.text() for a in window.menuBar().actions()]
        assert len(bar) == 4 and len(set(_mnemonics(window.menuBar()))) == 4
    finally:
        remove_translators(app, translators)


def test_the_language_switches_live_from_preferences(qtbot, settings, tmp_path):
    from shell_support import make_document

    document = make_document(tmp_path / "live.pairing")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_document(document)
    window.tabs.setCurrentIndex(1)
    try:
        dialog = window.open_preferences()
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
        dialog.accept()
        assert window.file_menu.title() == "文件(&F)" and window.tabs.tabText(0) == "青年导演 (3)"  # the program's role names (issue 10)
        assert window.tabs.currentIndex() == 1
        directors = window.roster_page(Role.DIRECTOR)
        assert directors.model.index(0, 3).data() == "剧情, 成长"  # genres shown in Chinese too
        assert not window.isWindowModified() and document.undo_stack.count() == 0
    finally:
        window.change_language("en")
    assert window.file_menu.title() == "&File" and window.tabs.tabText(0) == "Young directors (3)"
    window.close_document()


def test_the_recent_programs_file_keeps_no_password(tmp_path):
    from ui.settings_store import SettingsStore

    store = SettingsStore.at(tmp_path / "settings.ini")
    store.add_recent_program("postgresql://curator:S3cret@db.example.org/camp")
    store.settings.sync()
    assert store.recent_programs() == ["postgresql://curator@db.example.org/camp"]
    assert store.last_program() == "postgresql://curator@db.example.org/camp"
    assert "S3cret" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
