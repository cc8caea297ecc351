"""The Pairing page is always true (issue 11, item 2): a banner when the program moved on since the shown run,
and a mentor moved by hand is locked so that the next Propose keeps it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool

from gui_walk import copy_program, make_program, open_window
from pairing import actions
from pairing.domain import Lock, Person, Role
from ui.models.team_model import MentorPayload

SOLVE_MS = 60_000


@pytest.fixture(scope="module")
def program_with_run(tmp_path_factory):
    return make_program(tmp_path_factory.mktemp("true") / "sample.pairing")


@pytest.fixture
def page(program_with_run, tmp_path, qtbot):
    window = open_window(qtbot, tmp_path, copy_program(program_with_run, tmp_path))
    window.tabs.setCurrentWidget(window.pages["pairing"])
    page = window.page("pairing")
    page.solve_overrides = {"workers": 1, "time_limit_s": 1.0}
    qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=SOLVE_MS)
    yield page
    QThreadPool.globalInstance().waitForDone(SOLVE_MS)


def propose(page, qtbot) -> int:
    with qtbot.wait_signal(page.proposalEnded, timeout=SOLVE_MS) as ended:
        qtbot.mouseClick(page.propose_again_button if page.banner.isVisible() else page.propose_button,
                         Qt.MouseButton.LeftButton)
    return ended.args[0]


def test_a_fresh_run_has_no_banner(page):
    assert not page.banner.isVisible()
    assert page.staleness_of(page.run) is None


def test_new_directors_after_the_run_raise_the_banner_until_proposed_again(page, qtbot):
    newcomers = [Person("D90", "Nadia Rahman", Role.DIRECTOR, genres=("drama",), availability=("Mon PM",)),
                 Person("D91", "Bo Li", Role.DIRECTOR, genres=("comedy",), availability=("Tue PM",))]
    with qtbot.wait_signal(page.stateLoaded, timeout=SOLVE_MS):
        page.document.perform("Add", actions.people.add_people, newcomers)
    assert page.banner.isVisible()
    assert "Nadia Rahman" in page.banner_label.text() and "Bo Li" in page.banner_label.text()
    assert "Every director has a team" not in page.unmatched_text.toPlainText()
    assert "Nadia Rahman (D90) is new and has no team" in page.unmatched_text.toPlainText()
    run_id = propose(page, qtbot)
    assert page.run.id == run_id and not page.banner.isVisible()
    placed = {t.director for t in page.run.result.teams} | {u.id for u in page.run.result.unmatched}
    assert {"D90", "D91"} <= placed


def test_a_team_that_now_breaks_a_rule_is_named_and_check_teams_shows_why(page, qtbot):
    team = page.run.result.teams[0]
    producer = next(p for p in page.program().people if p.id == team.producer)
    with qtbot.wait_signal(page.stateLoaded, timeout=SOLVE_MS):  # the producer now avoids that director
        page.document.perform("Edit", actions.people.edit_person, producer.with_changes(avoid=(team.director,)))
    director = next(p.name for p in page.program().people if p.id == team.director)
    assert page.banner.isVisible() and f"now break a rule ({director})" in page.banner_label.text()
    page.lower_tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.check_teams_button, Qt.MouseButton.LeftButton)
    assert page.lower_tabs.currentIndex() == 0
    assert "breaks a rule" in page.unmatched_text.toPlainText()


def test_a_mentor_moved_by_hand_is_locked_and_kept_by_the_next_propose(page, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(f"refused: {args[2]}"))
    teams = page.run.result.teams
    source = teams[0]
    target = next(t for t in teams[1:] if t.producer != source.producer
                  and page.preview(MentorPayload(source.producer, "producer", source=source.director), t.director)[0])
    assert page.apply(MentorPayload(source.producer, "producer", source=source.director), target.director)
    locks = set(page.document.read(actions.reading.locks))
    assert Lock(target.director, source.producer) in locks
    assert "Locked, so the next Propose keeps it" in page.detail.hint.text()
    propose(page, qtbot)
    kept = next(t for t in page.run.result.teams if t.director == target.director)
    assert kept.producer == source.producer  # not silently reverted
    page.document.undo_stack.clear()


def test_undo_takes_back_the_move_and_its_lock_in_one_step(page, qtbot):
    teams = page.run.result.teams
    source = teams[0]
    target = next(t for t in teams[1:] if t.producer != source.producer
                  and page.preview(MentorPayload(source.producer, "producer", source=source.director), t.director)[0])
    before = page.run.result
    assert page.apply(MentorPayload(source.producer, "producer", source=source.director), target.director)
    assert page.document.undo()
    assert Lock(target.director, source.producer) not in set(page.document.read(actions.reading.locks))
    assert page.document.read(actions.runs.saved_run, page.run.id).result.teams == before.teams


# -- the program's own words for its people (issue 10) ----------------------------------------------------

CAMP_WORDS = {"en": ("screenwriter", "screenwriters", "Lead mentor", "lead mentors"),
              "zh_CN": ("编剧学员", "编剧学员", "主导师", "主导师")}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_screenwriting_camp_is_named_in_its_own_words_on_the_pairing_and_pictures_pages(
        program_with_run, tmp_path, qtbot, lang):
    """Made from the screenwriting-camp template, the program says "screenwriter" / "编剧学员" wherever a
    director was named: members, the unmatched tab, the banner, Propose's tooltip, the pictures' headings."""
    from PySide6.QtWidgets import QApplication

    from pairing.cli import main as command_line
    from ui.app import install_translators, remove_translators

    path = copy_program(program_with_run, tmp_path)
    assert command_line(["program", "--db", str(path), "--kind", "screenwriting"]) == 0
    translators = install_translators(QApplication.instance(), lang)
    try:
        window = open_window(qtbot, tmp_path, path)
        window.tabs.setCurrentWidget(window.pages["pairing"])
        page = window.page("pairing")
        qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=SOLVE_MS)
        mentee, mentees, lead, leads = CAMP_WORDS[lang]
        page.select_director(page.run.result.teams[0].director)
        members = [page.detail.members_model.index(r).data() for r in range(page.detail.members_model.rowCount())]
        assert any(m.endswith(lead) for m in members), members
        assert mentee in page.propose_button.toolTip() and mentees in page.unmatched_text.accessibleName()
        assert mentee in page.unmatched_text.toPlainText()  # "Every screenwriter has a team…", or who has none
        with qtbot.wait_signal(page.stateLoaded, timeout=SOLVE_MS):  # a newcomer: the banner names the role
            page.document.perform("Add", actions.people.add_people,
                                  [Person("D90", "Nadia Rahman", Role.DIRECTOR, availability=("Mon PM",))])
        assert mentee in page.banner_label.text()
        for word in ("director", "导演", "Director"):
            assert word not in page.banner_label.text() + page.propose_button.toolTip()
        window.tabs.setCurrentWidget(window.pages["pictures"])
        pictures = window.page("pictures")
        qtbot.wait_until(lambda: pictures.operation is None and pictures.data.roles is not None, timeout=SOLVE_MS)
        assert mentees in pictures.heat_box.title() and leads in pictures.heat_box.title()
        assert mentees in pictures.load_box.title() and mentees in pictures.heatmap.accessibleName()
        assert mentees in pictures.load_bars.accessibleName()
        QThreadPool.globalInstance().waitForDone(SOLVE_MS)
    finally:
        remove_translators(QApplication.instance(), translators)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_alternatives_fit_their_table_at_1280_by_800(program_with_run, tmp_path, qtbot, lang):
    """Issue 11: the Alternatives table's last column needed horizontal scrolling at 1280×800, and the
    settings panel was cut at its right edge."""
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translators, remove_translators

    translators = install_translators(QApplication.instance(), lang)
    try:
        window = open_window(qtbot, tmp_path, copy_program(program_with_run, tmp_path))
        window.tabs.setCurrentWidget(window.pages["pairing"])
        page = window.page("pairing")
        qtbot.wait_until(lambda: page.loader is None and page.run is not None, timeout=SOLVE_MS)
        checked = 0
        for team in page.run.result.teams[:6]:
            with qtbot.wait_signal(page.alternativesReady, timeout=SOLVE_MS):
                page.select_director(team.director)
            view = page.detail.alternatives_view
            if page.detail.alternatives_model.rowCount() == 0:
                continue
            checked += 1
            first = page.detail.alternatives_model.alternative(0)
            assert page._names[first.mentor] in page.detail.alternative_why.text()
            qtbot.wait_until(lambda: view.horizontalScrollBar().maximum() == 0, timeout=5_000)  # laid out
            model, metrics = page.detail.alternatives_model, view.fontMetrics()
            for row in range(model.rowCount()):  # the mentors' names are shown in full
                name = model.index(row, model.MENTOR).data()
                assert metrics.horizontalAdvance(name) < view.columnWidth(model.MENTOR), name
        assert checked >= 3
        panel = page.settings_panel  # and the settings beside them are not cut at the right either
        assert panel.parentWidget().width() >= panel.minimumSizeHint().width()  # its scroll area's viewport
        QThreadPool.globalInstance().waitForDone(SOLVE_MS)
    finally:
        remove_translators(QApplication.instance(), translators)
